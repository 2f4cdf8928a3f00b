import { countCommonWords, languagesToRead } from '../../server/domain/language';

const hintedLanguages = (text: string) => languagesToRead(countCommonWords(text));
import { decide } from '../../server/domain/decide';
import { defaultIntentModel } from '../../server/domain/intent/weights-file';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { NOW, says } from '../helpers/conversation-factory';
import { codes, itFiresAndStaysQuiet, run, triggerOf } from './engine';

/**
 * Every code the model reads in English also has phrases in Spanish, French, German, Portuguese,
 * Italian and Dutch (language/*.ts): the model learnt English only and stays silent on other
 * languages, so these phrases are all a German or Brazilian customer has. Sentences written for this
 * test, in each language's everyday wording; the measured figures are on two labelled sets
 * (test/fixtures/dev/dev-multilingual.jsonl, test/fixtures/outside/held-out-multilingual.jsonl).
 */

describe('codes in the customers’ own languages', () => {
  itFiresAndStaysQuiet(
    'safety',
    [
      'Desde esta mañana huele a gas en todo el piso, ¿qué hago?',
      'La batterie a pris feu pendant la charge, on a dû appeler les pompiers',
      'Der Wasserkocher hat mir einen Stromschlag verpasst, als ich ihn angefasst habe',
      'A tomada soltou fumaça e o carregador pegou fogo',
      'Mi sono bruciata con la piastra, si è surriscaldata di colpo',
      'Ik kreeg een schok van de lamp toen ik hem aanzette',
    ],
    ['¿El horno funciona con gas natural o butano?', 'Ce chauffage convient-il à une pièce de 20 m² ?'],
  );
  itFiresAndStaysQuiet(
    'complaint',
    [
      'Vuestro servicio de atención al cliente es pésimo, nadie sabe nada',
      'Je suis très déçue par la qualité de vos produits ces derniers temps',
      'Das ist eine Frechheit, so behandelt man keine Kunden',
      'Que descaso com o cliente, ninguém resolve nada',
      'Servizio pessimo, non comprerò mai più da voi',
      'Wat een waardeloze service, ik ben echt teleurgesteld',
    ],
    ['Ik heb geen klacht, alleen een vraag over de levering', 'Non sono deluso, volevo solo sapere i tempi di consegna'],
  );
  itFiresAndStaysQuiet(
    'bug_report',
    [
      'La aplicación se cierra sola cada vez que abro el carrito',
      'Le site plante quand je clique sur payer, message d’erreur à chaque fois',
      'Die App stürzt nach dem letzten Update sofort beim Start ab',
      'O aplicativo trava na tela de login e não carrega',
      'L’app non funziona più da ieri, si blocca subito',
      'De app loopt vast zodra ik mijn bestelling wil bekijken',
    ],
    ['Das Update hat den Fehler behoben, danke!', 'De app werkt prima, bedankt voor de snelle hulp'],
  );
  itFiresAndStaysQuiet(
    'account_change',
    [
      'Necesito cambiar la dirección de facturación de mi cuenta',
      'Je voudrais modifier mon adresse e-mail, l’ancienne ne marche plus',
      'Bitte meine Telefonnummer im Kundenkonto ändern, die alte ist abgemeldet',
      'Quero atualizar o cartão cadastrado, o antigo venceu',
      'Vorrei aggiornare il metodo di pagamento del mio abbonamento',
      'Ik wil mijn bezorgadres wijzigen, ik ben verhuisd',
    ],
    ['Iemand heeft mijn e-mailadres gewijzigd, dat was ik niet', 'No quiero cambiar nada de mi cuenta, solo consultar el saldo'],
  );
  itFiresAndStaysQuiet(
    'unresolved_previous_contact',
    [
      'Es la tercera vez que os escribo por lo mismo y seguimos sin solución',
      'J’ai déjà appelé trois fois et personne ne m’a rappelé',
      'Ich habe schon mehrmals angerufen, aber bis heute keine Antwort bekommen',
      'Ninguém me respondeu desde a semana passada, já abri dois protocolos',
      'Ho già scritto due volte e nessuno mi ha risposto',
      'Ik heb al drie keer gebeld en nog steeds geen antwoord',
    ],
    ['Het is de tweede keer dat ik bij jullie bestel, altijd prima', 'C’est la deuxième fois que j’achète ce modèle, très content'],
  );
  itFiresAndStaysQuiet(
    'custom_pricing',
    [
      '¿Tenéis precios especiales para empresas? Somos unos 40 empleados',
      'Pouvez-vous nous faire un devis pour 120 licences ?',
      'Gibt es einen Mengenrabatt, wenn wir 300 Stück bestellen?',
      'Vocês fazem preço de atacado para 50 unidades?',
      'Ci serve un preventivo per 80 postazioni in tre sedi',
      'Wat kost het voor 25 medewerkers? Graag een offerte',
    ],
    ['Quanto costa la borsa nera?', 'Wat kost verzending naar België?'],
  );
  itFiresAndStaysQuiet(
    'billing_dispute',
    [
      'Me seguís cobrando la cuota aunque me di de baja en enero',
      'Il y a un prélèvement de 34 € que je ne reconnais pas sur mon compte',
      'Trotz Kündigung wurde der Beitrag wieder abgebucht',
      'Me cobraram a mensalidade depois que cancelei o plano',
      'Mi avete addebitato il rinnovo anche se avevo disdetto',
      'Na mijn opzegging is er toch weer een incasso afgeschreven',
    ],
    ['Wanneer wordt de maandelijkse incasso afgeschreven?', 'Quand le prélèvement mensuel a-t-il lieu ?'],
  );
  itFiresAndStaysQuiet(
    'legal_compliance',
    [
      'Conforme al RGPD, solicito que borréis todos mis datos personales',
      'Sans solution sous huit jours, je saisis la DGCCRF',
      'Gemäß DSGVO verlange ich Auskunft über meine gespeicherten Daten',
      'Se não resolverem, vou registrar queixa no Procon',
      'Mi rivolgerò a un avvocato se non ricevo risposta',
      'Ik stap naar de geschillencommissie als dit niet wordt opgelost',
    ],
    ['¿Dónde puedo leer vuestra política de privacidad?', 'Où se trouvent vos conditions générales de vente ?'],
  );
});

describe('categories in the customers’ own languages', () => {
  const category = (text: string) => run(says(text)).category;
  it.each([
    ['billing', '¿Cuándo se cobra la cuota de diciembre?'],
    ['billing', 'Wann kommt die Jahresabrechnung für den Strom?'],
    ['account_access', 'Je n’arrive pas à me connecter, mon identifiant est refusé'],
    ['account_access', 'Ik ben mijn wachtwoord kwijt en kan niet meer inloggen'],
    ['technical', 'Sempre lo stesso errore quando provo a caricare le foto'],
    ['sales', 'Wir hätten gern ein Angebot für unsere Filialen'],
    ['product_question', 'Avete questa giacca in taglia M?'],
    ['product_question', 'Esse tênis tem no tamanho 42?'],
    ['feedback', 'Complimenten voor jullie bezorger, super vriendelijk!'],
    ['returns_refunds', 'Quero trocar o tamanho do vestido que comprei'],
  ])('%s: %s', (expected, text) => {
    expect(category(text)).toBe(expected);
  });
  it('changing one’s e-mail is no exchange of goods', () => {
    expect(category('Necesito cambiar el correo de mi cuenta, el antiguo ya no lo uso')).not.toBe('returns_refunds');
  });
});

describe('a refund the customer says arrived, or asks about in general, is no request in any language', () => {
  itFiresAndStaysQuiet(
    'refund_request',
    ['Quiero que me devolváis el dinero, el producto llegó roto', 'Rivoglio i miei soldi, il corso era diverso', 'Ik wil mijn geld terug voor de kapotte stoel'],
    [
      'El reembolso ya me ha llegado, gracias',
      'Remboursement bien reçu, merci beaucoup',
      'Die Erstattung ist angekommen, vielen Dank',
      'O estorno já caiu na conta, obrigado',
      'Ho ricevuto il rimborso, grazie mille',
      'Het geld is binnen, top!',
      '¿Cuál es vuestra política de reembolsos para artículos rebajados?',
    ],
  );
  it('a refund not yet arrived is still asked for', () => {
    expect(codes(run(says('Todavía no me ha llegado el reembolso, ¿me lo devolvéis ya?')))).toContain('refund_request');
  });
});

describe('other languages are read in a message that holds their common words, or is too short to tell', () => {
  it('English text names no other language', () => {
    expect(hintedLanguages('My order arrived damaged and I would like a refund as soon as possible')).toEqual([]);
  });
  it('a message names the languages whose common words it holds', () => {
    expect(hintedLanguages('Hola, quiero saber por qué me cobraron dos veces este mes')).toContain('es');
    expect(hintedLanguages('Ich habe die Rechnung bekommen, aber der Betrag ist falsch')).toEqual(['de']);
  });
  it('a stray common word in a long English text names no language, nor does one long token', () => {
    // "Ma" closing a long run of "May 2 " is French's "ma": reading 250 kB in French too cost 6x.
    expect(hintedLanguages(`${'May 2 '.repeat(1000)}Ma`)).toEqual([]);
    expect(hintedLanguages('x'.repeat(250_000))).toEqual([]);
  });
  it("the first phrase in the message is the one quoted, whichever language's it is", () => {
    // English and each language read are separate regexes, read side by side (scan.ts firstHit).
    const quoteOf = (text: string) => {
      const evidence = triggerOf(run(says(text)), 'human_requested').evidence[0]!;
      return 'quote' in evidence ? evidence.quote : '';
    };
    const spanish = 'Buenas tardes, por favor quiero hablar con una persona de verdad';
    const english = 'I want to talk to a human';
    expect(spanish.includes(quoteOf(`${spanish}. ${english}.`))).toBe(true);
    expect(english.includes(quoteOf(`${english}. ${spanish}.`))).toBe(true);
  });
  it('a short message reads every language', () => {
    expect(hintedLanguages('no me sirve')).toEqual(['es', 'fr', 'de', 'pt', 'it', 'nl']);
  });
});

describe('the intent model reads English only', () => {
  const model = defaultIntentModel();
  const fromModel = (text: string) =>
    decide(says(text), { policy: DEFAULT_POLICY, now: NOW, intent: model }).triggers.filter((t) => (t.detail ?? '').includes('intent model'));

  it('adds nothing to a message written in another language', () => {
    // Word vectors and character n-grams of a German sentence are noise to a model trained on
    // English: before this, it read this one as safety at 0.99.
    expect(fromModel('Die Lieferung war leider komplett kaputt, was kann ich tun?')).toEqual([]);
    expect(fromModel('Olá, gostaria de saber o prazo de entrega para Lisboa, por favor.')).toEqual([]);
  });
  it('still reads English', () => {
    expect(fromModel('I lost my credit card last week').map((t) => t.code)).toContain('account_security');
  });
});
