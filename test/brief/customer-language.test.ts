import { fillCustomerMessage, writeCustomerMessage } from '../../server/brief/customer-message';
import { HANDOFF_TEXTS } from '../../server/brief/handoff-texts';
import { LANGUAGES } from '../../server/domain/language/types';
import { DEFAULT_QUEUES } from '../../server/domain/codes';
import { says } from '../helpers/conversation-factory';
import { run } from '../domain/engine';
import { decision } from './build';

/** What the customer is told at the handoff is written in the language they write in. */
describe('the customer’s language', () => {
  it.each([
    ['es', 'Hola, me habéis cobrado dos veces la cuota de este mes y quiero hablar con una persona'],
    ['fr', 'Bonjour, je voudrais parler à un conseiller, ma commande n’est toujours pas arrivée'],
    ['de', 'Hallo, ich möchte bitte mit einem Mitarbeiter sprechen, meine Rechnung ist falsch'],
    ['pt', 'Olá, quero falar com um atendente, o meu pedido ainda não chegou'],
    ['it', 'Buongiorno, vorrei parlare con un operatore, il mio ordine non è ancora arrivato'],
    ['nl', 'Hallo, ik wil graag met een medewerker spreken, mijn bestelling is nog steeds niet geleverd'],
  ])('%s: is read from the customer’s messages', (language, text) => {
    expect(run(says(text)).language).toBe(language);
  });

  it('is English for English text, also where language detection alone guesses otherwise', () => {
    // tinyld places this sentence in German at full confidence; it holds no German common word.
    expect(run(says('do you have sunscreen spf 50 for kids in stock at Main street store')).language).toBe('en');
    expect(run(says('My parcel has not arrived and I would like to talk to a person')).language).toBe('en');
  });

  it('is English when the customer wrote too little to tell', () => {
    expect(run(says('ok')).language).toBe('en');
  });
});

describe('the handoff message in each language', () => {
  it('has every text, every default queue’s team and a singular for one minute in each language', () => {
    expect(Object.keys(HANDOFF_TEXTS).sort()).toEqual([...LANGUAGES].sort());
    for (const texts of Object.values(HANDOFF_TEXTS)) {
      expect(Object.keys(texts.teams).sort()).toEqual([...new Set(Object.values(DEFAULT_QUEUES))].sort());
      expect(texts.connecting).toContain('{team}');
      expect(texts.connectingUrgent).toContain('{team}');
      expect(texts.wait).toContain(`{wait_minutes} ${texts.minutes[0]}`);
      expect(texts.wait).toContain('{queue_position}');
    }
  });

  it('tells a Spanish customer in Spanish, with the team, the wait and the place filled in', () => {
    const template = writeCustomerMessage(decision({ category: 'order_status', language: 'es' }));
    const told = fillCustomerMessage(template, { waitMinutes: 7.5, position: 3 });
    expect(told).toBe(
      'Te paso con nuestro equipo de envíos. No tendrás que repetir nada: verán toda esta conversación y los datos que nos has dado. ' +
        'La espera actual es de unos 8 minutos y eres el número 3 en la cola. ' +
        'Si prefieres no esperar, déjanos un mensaje aquí y te responderemos por correo electrónico.',
    );
  });

  it.each([
    ['de', 'etwa 1 Minute,'],
    ['es', 'unos 1 minuto'],
    ['nl', 'ongeveer 1 minuut'],
    ['en', 'about 1 minute and'],
  ] as const)('%s: a one-minute wait is singular', (language, expected) => {
    const template = writeCustomerMessage(decision({ category: 'billing', language }));
    expect(fillCustomerMessage(template, { waitMinutes: 0.4, position: 1 })).toContain(expected);
  });

  it('says an urgent handoff is a priority, and names a tenant’s own queue as written', () => {
    expect(writeCustomerMessage(decision({ category: 'account_access', language: 'fr', priority: 'urgent' }))).toMatch(
      /^Je vous mets en relation en priorité avec notre service sécurité des comptes\./,
    );
    expect(writeCustomerMessage(decision({ category: 'other', language: 'it', queue: 'vip_desk' }))).toContain('il nostro team vip desk');
  });

  it('tells a German customer the assistant carries on, when the handoff is not needed', () => {
    expect(writeCustomerMessage(decision({ category: 'other', language: 'de', escalate: false }))).toBe(HANDOFF_TEXTS.de.staying);
  });

  it('writes English for a decision stored before the language was read', () => {
    expect(writeCustomerMessage(decision({ category: 'billing' }))).toMatch(/^I'm connecting you with our billing team\./);
  });
});
