import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** Italian, addressing the customer with tu. */

const greeting = (name: string | undefined) => (name ? `Ciao ${name}` : 'Ciao');
const ordine = (ids: string[]) => (ids.length === 1 ? `ordine ${ids[0]}` : `ordini ${listOf(ids, 'it')}`);
/** The order(s) after a preposition joined to the article: "al tuo ordine #1", "ai tuoi ordini #1 e #2". */
const tuoOrdine = (ids: string[], one: string, many: string) => `${ids.length === 1 ? `${one} tuo` : `${many} tuoi`} ${ordine(ids)}`;
/** "l'ordine #1", "gli ordini #1 e #2". */
const lOrdine = (ids: string[]) => (ids.length === 1 ? `l'ordine ${ids[0]}` : `gli ordini ${listOf(ids, 'it')}`);
const REQUEST = 'Ho preso in carico la tua richiesta.';

export const IT: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    botSpoke
      ? `${greeting(name)}, da qui in poi ti seguo io al posto del nostro assistente e ho già letto tutto quello che ci hai scritto.`
      : `${greeting(name)}, grazie per averci contattato. Ho già letto tutto quello che ci hai scritto.`,
  apology: {
    security: 'Capisco che sia una situazione preoccupante e mi dispiace molto.',
    frustrated: 'Mi dispiace che tutto questo sia stato così frustrante.',
    trouble: 'Mi scuso per il disagio.',
  },
  issue: {
    multi_issue: ({ orders }) => `Vedo che ci hai segnalato più problemi${orders.length > 0 ? ` riguardo ${tuoOrdine(orders, 'al', 'ai')}` : ''}.`,
    account_security: () => 'Vedo che si tratta della sicurezza del tuo account.',
    billing_dispute: ({ money }) => `Vedo che vuoi contestare l'addebito${money ? ` di ${money}` : ''}.`,
    damaged_order: ({ orders }) =>
      `Vedo che hai ricevuto un articolo danneggiato o sbagliato${orders.length > 0 ? ` ${tuoOrdine(orders, 'nel', 'nei')}` : ''}.`,
    refund_request: ({ orders, money }) =>
      `Vedo che si tratta del tuo rimborso${orders.length > 0 ? ` per ${lOrdine(orders)}` : ''}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      orders.length > 1
        ? `Vedo che vuoi sapere dove si trovano ${tuoOrdine(orders, 'il', 'i')}.`
        : `Vedo che vuoi sapere dove si trova ${orders.length === 1 ? tuoOrdine(orders, 'il', 'i') : 'il tuo ordine'}.`,
    returns_refunds: ({ orders }) => `Vedo che si tratta del tuo reso${orders.length > 0 ? ` per ${lOrdine(orders)}` : ''}.`,
    billing: ({ money }) => `Vedo che si tratta di un addebito${money ? ` di ${money}` : ''} sul tuo account.`,
    account_access: () => 'Vedo che non riesci più ad accedere al tuo account.',
    cancellation: () => 'Vedo che vuoi disdire il tuo abbonamento.',
    technical: () => 'Vedo che hai riscontrato un errore.',
    product_question: () => 'Vedo che hai una domanda sui nostri prodotti.',
    sales: () => 'Vedo che vuoi informazioni sui prezzi per il tuo ordine.',
    legal: () => REQUEST,
    feedback: () => 'Vedo che vuoi raccontarci la tua esperienza con noi.',
    other: ({ orders }) => (orders.length > 0 ? `Vedo che si tratta ${tuoOrdine(orders, 'del', 'dei')}.` : REQUEST),
  },
  article: (title) => (title ? `l'articolo "${title}"` : "un articolo della guida"),
  tried: {
    failedArticles: (list) => `So che il nostro assistente ti ha già inviato ${list} e che non ha risolto il problema, quindi non ripartirò da lì.`,
    failedAnswers: "So che le risposte del nostro assistente non ti sono state utili, quindi proverò un'altra strada.",
    sentArticles: (list) => `So che il nostro assistente ti ha già inviato ${list}.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `il tuo numero d'ordine (${ids[0]})` : `i tuoi numeri d'ordine (${listOf(ids, 'it')})`),
    tracking: 'il codice di tracciamento',
    email: 'la tua email',
    phone: 'il tuo numero di telefono',
    amount: (money) => `l'importo (${money})`,
    sentence: (list) => `Ho già ${list}, quindi non c'è bisogno di ripetere nulla.`,
  },
  next: {
    safety: 'La tua sicurezza viene prima di tutto: se in questo momento sei in pericolo, contatta subito i servizi di emergenza della tua zona.',
    securingAccount: 'Per prima cosa metto in sicurezza il tuo account, così nessuno può modificare altro, poi sistemiamo il resto.',
    askOrderNumber: "Potresti indicarmi il tuo numero d'ordine, così lo recupero? Poi posso procedere subito.",
    checkingCarrier: "Sto controllando adesso l'ultimo aggiornamento del corriere e ti aggiorno qui a breve.",
    lookingIntoIt: 'Me ne sto occupando adesso e ti aggiorno qui a breve.',
  },
};
