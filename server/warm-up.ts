import { performance } from 'node:perf_hooks';
import type { Assessor } from './assess';
import { parseConversation, type Conversation } from './domain/conversation';
import { compileEveryReading, compileRegexes } from './domain/language';
import { DEFAULT_POLICY } from './domain/policy';
import { phraseRegexes } from './domain/triggers/all-rules';

/**
 * Work done once before the server listens, so the first requests are not the ones that pay for it.
 *
 * In a fresh process the first conversation in each language took 100-800 ms instead of a few: the
 * intent model's weights are read on first use, each of the rules' large regular expressions is
 * parsed and compiled when it first runs, and so are chrono's parsers for the language. Every
 * request arriving meanwhile waited behind it. Assessing a few made-up conversations does that here
 * (`npm run bench:cold-start` measures both). They cover what the rules and extractors read: order
 * numbers, amounts, dates, emails, a phone number, a tracking number, a cited article, a previous
 * contact, and a message in each language the rules read; every phrase rule's regex is compiled
 * whatever the messages hold (compileEveryReading, and the English ones here): a message runs only the
 * regexes whose anchor words it holds (triggers/anchors.ts), so the made-up ones leave most of them
 * unrun, and the first real message with a rule's words paid for its compilation (20-30 ms).
 */

const LONG_IN_EACH_LANGUAGE = [
  'Hello, I ordered a lamp on 3 November (order #51234) and paid $89.50, but the tracking number 1Z999AA10123456784 has not moved for a week. Could you tell me what is going on with the delivery, please?',
  'Hola, hice un pedido el 3 de noviembre (pedido #51234) y pagué 89,50 €, pero el envío no se ha movido desde hace una semana. ¿Me pueden decir qué está pasando con la entrega, por favor?',
  "Bonjour, j'ai passé une commande le 3 novembre (commande n° 51234) et j'ai payé 89,50 €, mais le colis n'a pas bougé depuis une semaine. Pouvez-vous me dire ce qui se passe avec la livraison ?",
  'Hallo, ich habe am 3. November eine Bestellung aufgegeben (Bestellung 51234) und 89,50 € bezahlt, aber die Sendung hat sich seit einer Woche nicht bewegt. Können Sie mir sagen, was mit der Lieferung los ist?',
  'Olá, fiz um pedido no dia 3 de novembro (pedido 51234) e paguei R$ 89,50, mas a encomenda não saiu do lugar há uma semana. Vocês podem me dizer o que está acontecendo com a entrega, por favor?',
  "Buongiorno, ho fatto un ordine il 3 novembre (ordine 51234) e ho pagato 89,50 €, ma la spedizione è ferma da una settimana. Potete dirmi cosa sta succedendo con la consegna, per favore?",
  'Hallo, ik heb op 3 november een bestelling geplaatst (bestelling 51234) en 89,50 euro betaald, maar het pakket staat al een week stil. Kunnen jullie me vertellen wat er met de levering aan de hand is?',
];

/** A short reply in the same language: short messages are read in every language. */
const SHORT_REPLY_IN_EACH_LANGUAGE = [
  'That did not help. Can I talk to a person? Call me on +1 415 555 0132 or write to sam@example.com',
  'Quiero hablar con una persona.',
  'Je veux parler à un conseiller.',
  'Ich möchte mit einem Menschen sprechen.',
  'Quero falar com um atendente.',
  'Voglio parlare con un operatore.',
  'Ik wil een medewerker spreken.',
];

function conversation(index: number, customerText: string, reply: string): Conversation {
  return parseConversation({
    id: `warm-up-${index}`,
    channel: index % 2 === 0 ? 'chat' : 'email',
    occurred_at: '2026-11-10T10:15:00Z',
    customer: {
      id: `warm-up-customer-${index}`,
      name: 'Sam Lee',
      email: 'sam@example.com',
      tier: index % 3 === 0 ? 'vip' : 'standard',
      previous_contacts: [{ at: '2026-11-05T09:00:00Z', category: 'order_status', resolved: false }],
    },
    messages: [
      { role: 'customer', text: customerText, at: '2026-11-10T10:12:00Z' },
      {
        role: 'bot',
        text: 'Your order has shipped; you can follow it with the link in your confirmation email.',
        kb_articles: [{ id: 'kb-shipping-times', title: 'Shipping and delivery times' }],
        helpful: false,
      },
      { role: 'customer', text: reply, at: '2026-11-10T10:14:00Z' },
    ],
    bot: { confidence: 0.4, intent: 'order_status' },
    ticket: { provider: 'zendesk', id: `warm-up-${index}` },
  });
}

/** The made-up conversations warmUp assesses: one per language (en es fr de pt it nl), each with a short reply. */
export function warmUpConversations(): Conversation[] {
  return LONG_IN_EACH_LANGUAGE.map((text, i) => conversation(i, text, SHORT_REPLY_IN_EACH_LANGUAGE[i]!));
}

/**
 * Compiles the phrase rules' other-language regexes, then assesses warmUpConversations() `rounds`
 * times. One round loads the intent model, the dates' parsers and every regex's first compilation
 * (the expensive one: 100-600 ms per language before). A second run of a regex compiles it again to
 * native code, a few milliseconds each; left to the first requests by default, since each round
 * kept also stays resident (about 20 MB a round at start, for a few milliseconds saved on each
 * language's first message; `npm run bench:cold-start`). Returns how many regexes and assessments
 * ran and how long they took.
 */
export async function warmUp(assessor: Assessor, rounds = 1): Promise<{ regexes: number; assessed: number; ms: number }> {
  const started = performance.now();
  // Every regex of the phrase rules, whatever the conversations below hold.
  const regexes = compileEveryReading() + compileRegexes(phraseRegexes('english'));
  const conversations = warmUpConversations();
  let assessed = 0;
  for (let round = 0; round < rounds; round++) {
    for (const c of conversations) {
      await assessor.assess(c, { policy: DEFAULT_POLICY });
      assessed += 1;
    }
  }
  return { regexes, assessed, ms: Math.round(performance.now() - started) };
}
