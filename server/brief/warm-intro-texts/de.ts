import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** German, addressing the customer with Sie (and by first name, as chat support does). */

const greeting = (name: string | undefined) => (name ? `Hallo ${name}` : 'Guten Tag');
/** "Ihre Bestellung #1", "Ihre Bestellungen #1 und #2" (nominative and accusative). */
const ihreBestellung = (ids: string[]) => (ids.length === 1 ? `Ihre Bestellung ${ids[0]}` : `Ihre Bestellungen ${listOf(ids, 'de')}`);
/** The same in the dative: "Ihrer Bestellung #1", "Ihren Bestellungen #1 und #2". */
const ihrerBestellung = (ids: string[]) => (ids.length === 1 ? `Ihrer Bestellung ${ids[0]}` : `Ihren Bestellungen ${listOf(ids, 'de')}`);
const REQUEST = 'Ihr Anliegen liegt mir vor.';

export const DE: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    botSpoke
      ? `${greeting(name)}, ich übernehme das Gespräch von unserem Assistenten und habe alles gelesen, was Sie uns geschrieben haben.`
      : `${greeting(name)}, vielen Dank für Ihre Nachricht. Ich habe alles gelesen, was Sie uns geschrieben haben.`,
  apology: {
    security: 'Ich verstehe, dass Sie das beunruhigt, und das tut mir sehr leid.',
    frustrated: 'Es tut mir sehr leid, dass das alles so ärgerlich für Sie ist.',
    trouble: 'Entschuldigen Sie bitte die Unannehmlichkeiten.',
  },
  issue: {
    multi_issue: ({ orders }) => `Wie ich sehe, haben Sie mehrere Anliegen${orders.length > 0 ? ` zu ${ihrerBestellung(orders)}` : ''}.`,
    account_security: () => 'Wie ich sehe, geht es um die Sicherheit Ihres Kontos.',
    billing_dispute: ({ money }) => `Wie ich sehe, möchten Sie die Abbuchung${money ? ` über ${money}` : ''} beanstanden.`,
    damaged_order: ({ orders }) =>
      `Wie ich sehe, haben Sie${orders.length > 0 ? ` mit ${ihrerBestellung(orders)}` : ''} einen beschädigten oder falschen Artikel erhalten.`,
    refund_request: ({ orders, money }) =>
      `Wie ich sehe, geht es um Ihre Rückerstattung${orders.length > 0 ? ` für ${ihreBestellung(orders)}` : ''}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      orders.length > 1
        ? `Wie ich sehe, möchten Sie wissen, wo sich ${ihreBestellung(orders)} gerade befinden.`
        : `Wie ich sehe, möchten Sie wissen, wo sich ${orders.length === 1 ? ihreBestellung(orders) : 'Ihre Bestellung'} gerade befindet.`,
    returns_refunds: ({ orders }) => `Wie ich sehe, geht es um Ihre Rücksendung${orders.length > 0 ? ` zu ${ihrerBestellung(orders)}` : ''}.`,
    billing: ({ money }) => `Wie ich sehe, geht es um eine Abbuchung${money ? ` über ${money}` : ''} von Ihrem Konto.`,
    account_access: () => 'Wie ich sehe, möchten Sie wieder Zugriff auf Ihr Konto bekommen.',
    cancellation: () => 'Wie ich sehe, möchten Sie Ihr Abonnement kündigen.',
    technical: () => 'Wie ich sehe, ist bei Ihnen ein Fehler aufgetreten.',
    product_question: () => 'Wie ich sehe, haben Sie eine Frage zu unseren Produkten.',
    sales: () => 'Wie ich sehe, möchten Sie wissen, welche Preise für Ihre Bestellung gelten.',
    legal: () => REQUEST,
    feedback: () => 'Wie ich sehe, möchten Sie uns von Ihren Erfahrungen berichten.',
    other: ({ orders }) => (orders.length > 0 ? `Wie ich sehe, geht es um ${ihreBestellung(orders)}.` : REQUEST),
  },
  article: (title) => (title ? `den Artikel „${title}“` : 'einen Hilfeartikel'),
  tried: {
    failedArticles: (list) => `Unser Assistent hat Ihnen bereits ${list} geschickt, was leider nicht weitergeholfen hat, deshalb wiederhole ich das nicht.`,
    failedAnswers: 'Die Antworten unseres Assistenten haben Ihnen leider nicht weitergeholfen, deshalb gehe ich die Sache anders an.',
    sentArticles: (list) => `Unser Assistent hat Ihnen bereits ${list} geschickt.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `Ihre Bestellnummer (${ids[0]})` : `Ihre Bestellnummern (${listOf(ids, 'de')})`),
    tracking: 'die Sendungsnummer',
    email: 'Ihre E-Mail-Adresse',
    phone: 'Ihre Telefonnummer',
    amount: (money) => `den Betrag (${money})`,
    sentence: (list) => `Ich habe bereits ${list}, Sie müssen also nichts wiederholen.`,
  },
  next: {
    safety: 'Ihre Sicherheit geht vor: Wenn Sie gerade in Gefahr sind, wenden Sie sich bitte sofort an den Notruf vor Ort.',
    securingAccount: 'Als Erstes sichere ich Ihr Konto, damit nichts weiter geändert werden kann, und danach kümmern wir uns um den Rest.',
    askOrderNumber: 'Könnten Sie mir Ihre Bestellnummer nennen, damit ich die Bestellung aufrufen kann? Dann kann ich mich sofort darum kümmern.',
    checkingCarrier: 'Ich prüfe jetzt den aktuellen Sendungsstatus beim Versanddienstleister und melde mich hier gleich wieder bei Ihnen.',
    lookingIntoIt: 'Ich kümmere mich jetzt darum und melde mich hier in Kürze wieder bei Ihnen.',
  },
};
