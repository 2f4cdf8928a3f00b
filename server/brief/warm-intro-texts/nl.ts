import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** Dutch, addressing the customer with je. */

const greeting = (name: string | undefined) => (name ? `Hallo ${name}` : 'Hallo');
/** "je bestelling #1", "je bestellingen #1 en #2". */
const jeBestelling = (ids: string[]) => (ids.length === 1 ? `je bestelling ${ids[0]}` : `je bestellingen ${listOf(ids, 'nl')}`);
const REQUEST = 'Ik heb je verzoek voor me liggen.';

export const NL: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    botSpoke
      ? `${greeting(name)}, ik neem het gesprek over van onze assistent en heb alles gelezen wat je hebt geschreven.`
      : `${greeting(name)}, bedankt voor je bericht. Ik heb alles gelezen wat je hebt geschreven.`,
  apology: {
    security: 'Ik snap dat dit zorgelijk is, en het spijt me echt.',
    frustrated: 'Het spijt me dat dit zo frustrerend voor je is geweest.',
    trouble: 'Sorry voor het ongemak.',
  },
  issue: {
    multi_issue: ({ orders }) => `Ik zie dat je meerdere vragen hebt${orders.length > 0 ? ` over ${jeBestelling(orders)}` : ''}.`,
    account_security: () => 'Ik zie dat het om de beveiliging van je account gaat.',
    billing_dispute: ({ money }) => `Ik zie dat je ${money ? `de afschrijving van ${money}` : 'een afschrijving'} betwist.`,
    damaged_order: ({ orders }) =>
      `Ik zie dat je een beschadigd of verkeerd artikel hebt ontvangen${orders.length > 0 ? ` bij ${jeBestelling(orders)}` : ''}.`,
    refund_request: ({ orders, money }) =>
      `Ik zie dat het gaat om je terugbetaling${orders.length > 0 ? ` voor ${jeBestelling(orders)}` : ''}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      `Ik zie dat je wilt weten waar ${orders.length > 0 ? jeBestelling(orders) : 'je bestelling'} ${orders.length > 1 ? 'blijven' : 'blijft'}.`,
    returns_refunds: ({ orders }) => `Ik zie dat het gaat om je retour${orders.length > 0 ? ` van ${jeBestelling(orders)}` : ''}.`,
    billing: ({ money }) => `Ik zie dat het gaat om een afschrijving${money ? ` van ${money}` : ''} op je account.`,
    account_access: () => 'Ik zie dat je niet meer in je account kunt.',
    cancellation: () => 'Ik zie dat je je abonnement wilt opzeggen.',
    technical: () => 'Ik zie dat je tegen een fout bent aangelopen.',
    product_question: () => 'Ik zie dat je een vraag hebt over onze producten.',
    sales: () => 'Ik zie dat je wilt weten wat de prijzen voor je bestelling zijn.',
    legal: () => REQUEST,
    feedback: () => 'Ik zie dat je je ervaring met ons wilt delen.',
    other: ({ orders }) => (orders.length > 0 ? `Ik zie dat het om ${jeBestelling(orders)} gaat.` : REQUEST),
  },
  article: (title) => (title ? `het artikel "${title}"` : 'een helpartikel'),
  tried: {
    failedArticles: (list) => `Onze assistent heeft je al ${list} gestuurd en dat hielp niet, dus dat ga ik niet herhalen.`,
    failedAnswers: 'De antwoorden van onze assistent hielpen niet, dus ik pak het anders aan.',
    sentArticles: (list) => `Onze assistent heeft je al ${list} gestuurd.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `je bestelnummer (${ids[0]})` : `je bestelnummers (${listOf(ids, 'nl')})`),
    tracking: 'de track-and-tracecode',
    email: 'je e-mailadres',
    phone: 'je telefoonnummer',
    amount: (money) => `het bedrag (${money})`,
    sentence: (list) => `Ik heb ${list} al, dus je hoeft niets te herhalen.`,
  },
  next: {
    safety: 'Je veiligheid gaat voor: ben je nu in gevaar, neem dan meteen contact op met de hulpdiensten.',
    securingAccount: 'Eerst beveilig ik je account, zodat er niets meer kan worden gewijzigd, en daarna regelen we de rest.',
    askOrderNumber: 'Kun je me je bestelnummer sturen, zodat ik je bestelling kan opzoeken? Dan kan ik er meteen mee aan de slag.',
    checkingCarrier: 'Ik bekijk nu de laatste status bij de vervoerder en laat je hier zo snel mogelijk iets weten.',
    lookingIntoIt: 'Ik ga er nu mee aan de slag en laat je hier zo snel mogelijk iets weten.',
  },
};
