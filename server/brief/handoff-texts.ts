import type { LanguageCode } from '../domain/language/types';

/**
 * What the customer is told at the handoff, in each language Baton reads (the customer's language
 * is the decision's `language`). `{team}` is the queue's name in that language; `{wait_minutes}` and
 * `{queue_position}` are the placeholders the server fills (customer-message.ts). Spanish, Italian,
 * Portuguese and Dutch address the customer as chat support does there (tú, tu, você, je); French
 * and German with vous and Sie.
 */
export interface HandoffTexts {
  /** The rules keep the conversation with the bot: it carries on, and a person is one request away. */
  staying: string;
  connecting: string;
  connectingUrgent: string;
  noRepeat: string;
  wait: string;
  leaveMessage: string;
  /** The default queues' names (policy.ts); a tenant's own queue names read as written. */
  teams: Record<string, string>;
  /** The plural after `{wait_minutes}` and its singular, for a wait of one minute. */
  minutes: [plural: string, singular: string];
}

export const HANDOFF_TEXTS: Record<LanguageCode, HandoffTexts> = {
  en: {
    staying: "I'm still here to help, so let's keep going. If you'd rather talk to a person at any point, just say so.",
    connecting: "I'm connecting you with our {team} team.",
    connectingUrgent: "I'm connecting you with our {team} team now as a priority.",
    noRepeat: "You won't need to repeat anything: they'll see this whole conversation and the details you've shared.",
    wait: 'The current wait is about {wait_minutes} minutes and you are number {queue_position} in line.',
    leaveMessage: "If you'd rather not wait, leave a message here and we'll reply by email.",
    teams: {
      shipping: 'shipping',
      returns: 'returns',
      billing: 'billing',
      trust_safety: 'account security',
      retention: 'membership',
      technical: 'technical support',
      general: 'support',
      sales: 'sales',
      legal: 'legal',
    },
    minutes: ['minutes', 'minute'],
  },
  es: {
    staying: 'Sigo aquí para ayudarte, así que continuemos. Si en algún momento prefieres hablar con una persona, solo dímelo.',
    connecting: 'Te paso con nuestro equipo de {team}.',
    connectingUrgent: 'Te paso ahora mismo, con prioridad, con nuestro equipo de {team}.',
    noRepeat: 'No tendrás que repetir nada: verán toda esta conversación y los datos que nos has dado.',
    wait: 'La espera actual es de unos {wait_minutes} minutos y eres el número {queue_position} en la cola.',
    leaveMessage: 'Si prefieres no esperar, déjanos un mensaje aquí y te responderemos por correo electrónico.',
    teams: {
      shipping: 'envíos',
      returns: 'devoluciones',
      billing: 'facturación',
      trust_safety: 'seguridad de cuentas',
      retention: 'suscripciones',
      technical: 'soporte técnico',
      general: 'atención al cliente',
      sales: 'ventas',
      legal: 'asuntos legales',
    },
    minutes: ['minutos', 'minuto'],
  },
  fr: {
    staying: "Je suis toujours là pour vous aider, continuons. Si vous préférez parler à une personne à tout moment, dites-le-moi.",
    connecting: 'Je vous mets en relation avec notre service {team}.',
    connectingUrgent: 'Je vous mets en relation en priorité avec notre service {team}.',
    noRepeat: "Vous n'aurez rien à répéter : le service verra toute cette conversation et les informations que vous avez données.",
    wait: "L'attente actuelle est d'environ {wait_minutes} minutes et vous êtes numéro {queue_position} dans la file.",
    leaveMessage: 'Si vous préférez ne pas attendre, laissez un message ici et nous vous répondrons par e-mail.',
    teams: {
      shipping: 'livraison',
      returns: 'retours',
      billing: 'facturation',
      trust_safety: 'sécurité des comptes',
      retention: 'abonnements',
      technical: 'technique',
      general: 'client',
      sales: 'commercial',
      legal: 'juridique',
    },
    minutes: ['minutes', 'minute'],
  },
  de: {
    staying: 'Ich bin weiter für Sie da, machen wir weiter. Wenn Sie lieber mit einem Menschen sprechen möchten, sagen Sie es einfach.',
    connecting: 'Ich verbinde Sie mit unserem Team für {team}.',
    connectingUrgent: 'Ich verbinde Sie jetzt vorrangig mit unserem Team für {team}.',
    noRepeat: 'Sie müssen nichts wiederholen: Das Team sieht dieses ganze Gespräch und die Angaben, die Sie gemacht haben.',
    wait: 'Die Wartezeit beträgt derzeit etwa {wait_minutes} Minuten, und Sie sind Nummer {queue_position} in der Warteschlange.',
    leaveMessage: 'Wenn Sie nicht warten möchten, hinterlassen Sie hier eine Nachricht, und wir antworten Ihnen per E-Mail.',
    teams: {
      shipping: 'Versand',
      returns: 'Rücksendungen',
      billing: 'Rechnungen',
      trust_safety: 'Kontosicherheit',
      retention: 'Mitgliedschaften',
      technical: 'technischen Support',
      general: 'Kundenservice',
      sales: 'Vertrieb',
      legal: 'Rechtsfragen',
    },
    minutes: ['Minuten', 'Minute'],
  },
  pt: {
    staying: 'Continuo aqui para ajudar, vamos seguir. Se preferir falar com uma pessoa a qualquer momento, é só dizer.',
    connecting: 'Estou transferindo você para a nossa equipe de {team}.',
    connectingUrgent: 'Estou transferindo você agora, com prioridade, para a nossa equipe de {team}.',
    noRepeat: 'Você não vai precisar repetir nada: a equipe verá toda esta conversa e os dados que você informou.',
    wait: 'A espera atual é de cerca de {wait_minutes} minutos e você é o número {queue_position} na fila.',
    leaveMessage: 'Se preferir não esperar, deixe uma mensagem aqui e responderemos por e-mail.',
    teams: {
      shipping: 'entregas',
      returns: 'devoluções',
      billing: 'cobrança',
      trust_safety: 'segurança de contas',
      retention: 'assinaturas',
      technical: 'suporte técnico',
      general: 'atendimento',
      sales: 'vendas',
      legal: 'assuntos jurídicos',
    },
    minutes: ['minutos', 'minuto'],
  },
  it: {
    staying: 'Sono ancora qui per aiutarti, andiamo avanti. Se in qualsiasi momento preferisci parlare con una persona, basta dirlo.',
    connecting: 'Ti metto in contatto con il nostro team {team}.',
    connectingUrgent: 'Ti metto in contatto subito, con priorità, con il nostro team {team}.',
    noRepeat: 'Non dovrai ripetere nulla: il team vedrà tutta questa conversazione e i dati che ci hai fornito.',
    wait: "L'attesa attuale è di circa {wait_minutes} minuti e sei il numero {queue_position} in coda.",
    leaveMessage: 'Se preferisci non aspettare, lascia un messaggio qui e ti risponderemo via e-mail.',
    teams: {
      shipping: 'spedizioni',
      returns: 'resi',
      billing: 'fatturazione',
      trust_safety: 'sicurezza account',
      retention: 'abbonamenti',
      technical: 'assistenza tecnica',
      general: 'assistenza clienti',
      sales: 'vendite',
      legal: 'legale',
    },
    minutes: ['minuti', 'minuto'],
  },
  nl: {
    staying: 'Ik help je graag verder, laten we doorgaan. Wil je liever met een medewerker praten, zeg het dan gewoon.',
    connecting: 'Ik verbind je door met onze afdeling {team}.',
    connectingUrgent: 'Ik verbind je nu met voorrang door met onze afdeling {team}.',
    noRepeat: 'Je hoeft niets te herhalen: ze zien dit hele gesprek en de gegevens die je hebt gedeeld.',
    wait: 'De wachttijd is nu ongeveer {wait_minutes} minuten en je bent nummer {queue_position} in de rij.',
    leaveMessage: 'Wil je liever niet wachten, laat dan hier een bericht achter en we antwoorden per e-mail.',
    teams: {
      shipping: 'Verzending',
      returns: 'Retouren',
      billing: 'Facturatie',
      trust_safety: 'Accountbeveiliging',
      retention: 'Abonnementen',
      technical: 'Technische ondersteuning',
      general: 'Klantenservice',
      sales: 'Verkoop',
      legal: 'Juridische zaken',
    },
    minutes: ['minuten', 'minuut'],
  },
};
