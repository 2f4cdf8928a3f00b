import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** French, addressing the customer with vous; the company says sorry ("nous sommes désolés"), so no word takes the agent's gender. */

const greeting = (name: string | undefined) => (name ? `Bonjour ${name}` : 'Bonjour');
/** "votre commande #1", "vos commandes #1 et #2". */
const votreCommande = (ids: string[]) => (ids.length === 1 ? `votre commande ${ids[0]}` : `vos commandes ${listOf(ids, 'fr')}`);
const REQUEST = "J'ai bien pris connaissance de votre demande.";

export const FR: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    botSpoke
      ? `${greeting(name)}, je prends le relais de notre assistant et j'ai bien lu tout ce que vous nous avez écrit.`
      : `${greeting(name)}, merci de nous avoir contactés. J'ai bien lu tout ce que vous nous avez écrit.`,
  apology: {
    security: 'Je comprends votre inquiétude et nous en sommes vraiment désolés.',
    frustrated: 'Nous sommes vraiment désolés que tout cela soit si frustrant pour vous.',
    trouble: 'Toutes nos excuses pour la gêne occasionnée.',
  },
  issue: {
    multi_issue: ({ orders }) =>
      `Je vois que vous nous écrivez pour plusieurs points${orders.length > 0 ? ` concernant ${votreCommande(orders)}` : ''}.`,
    account_security: () => "Je vois qu'il s'agit de la sécurité de votre compte.",
    billing_dispute: ({ money }) => `Je vois que vous contestez un débit${money ? ` de ${money}` : ''}.`,
    damaged_order: ({ orders }) =>
      orders.length > 0
        ? `Je vois qu'un article de ${votreCommande(orders)} est arrivé endommagé ou ne correspond pas à ce que vous aviez commandé.`
        : 'Je vois que vous avez reçu un article endommagé ou qui ne correspond pas à ce que vous aviez commandé.',
    refund_request: ({ orders, money }) =>
      `Je vois qu'il s'agit de votre remboursement${orders.length > 0 ? ` pour ${votreCommande(orders)}` : ''}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      orders.length > 0
        ? `Je vois que vous souhaitez savoir où en ${orders.length === 1 ? 'est' : 'sont'} ${votreCommande(orders)}.`
        : 'Je vois que vous souhaitez savoir où en est votre commande.',
    returns_refunds: ({ orders }) => `Je vois qu'il s'agit de votre retour${orders.length > 0 ? ` pour ${votreCommande(orders)}` : ''}.`,
    billing: ({ money }) => `Je vois qu'il s'agit d'un débit${money ? ` de ${money}` : ''} sur votre compte.`,
    account_access: () => "Je vois que vous n'arrivez plus à accéder à votre compte.",
    cancellation: () => 'Je vois que vous souhaitez résilier votre abonnement.',
    technical: () => 'Je vois que vous avez rencontré une erreur.',
    product_question: () => 'Je vois que vous avez une question sur nos produits.',
    sales: () => 'Je vois que vous souhaitez connaître nos tarifs pour votre commande.',
    legal: () => REQUEST,
    feedback: () => 'Je vois que vous souhaitez nous faire part de votre expérience.',
    other: ({ orders }) => (orders.length > 0 ? `Je vois qu'il s'agit de ${votreCommande(orders)}.` : REQUEST),
  },
  article: (title) => (title ? `l'article « ${title} »` : "un article d'aide"),
  tried: {
    failedArticles: (list, count) =>
      `Notre assistant vous a déjà envoyé ${list}, mais cela n'a pas réglé le problème, donc je ne vous ${count === 1 ? 'le' : 'les'} renverrai pas.`,
    failedAnswers: "Les réponses de notre assistant n'ont pas réglé le problème, je vais donc m'y prendre autrement.",
    sentArticles: (list) => `Notre assistant vous a déjà envoyé ${list}.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `votre numéro de commande (${ids[0]})` : `vos numéros de commande (${listOf(ids, 'fr')})`),
    tracking: 'le numéro de suivi',
    email: 'votre adresse e-mail',
    phone: 'votre numéro de téléphone',
    amount: (money) => `le montant (${money})`,
    sentence: (list) => `J'ai déjà ${list}, vous n'avez donc rien à répéter.`,
  },
  next: {
    safety: "Votre sécurité passe avant tout : si vous êtes en danger en ce moment, contactez immédiatement les services d'urgence.",
    securingAccount: 'Je commence par sécuriser votre compte pour que plus rien ne puisse y être modifié, puis nous réglerons le reste.',
    askOrderNumber: 'Pourriez-vous me communiquer votre numéro de commande pour que je puisse la retrouver ? Je pourrai alors faire avancer votre demande.',
    checkingCarrier: 'Je vérifie dès maintenant le dernier suivi du transporteur et je reviens vers vous ici très vite.',
    lookingIntoIt: "Je m'en occupe dès maintenant et je reviens vers vous ici très vite.",
  },
};
