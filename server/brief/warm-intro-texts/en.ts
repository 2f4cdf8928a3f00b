import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

const greeting = (name: string | undefined) => `Hi ${name ?? 'there'}`;
const about = (what: string) => `I can see this is about ${what}.`;
/** "order #1", "orders #1 and #2"; undefined for none. */
const order = (ids: string[]) => (ids.length === 0 ? undefined : `${ids.length === 1 ? 'order' : 'orders'} ${listOf(ids)}`);
const orderAfter = (word: string, ids: string[]) => (ids.length > 0 ? ` ${word} ${order(ids)}` : '');

export const EN: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    `${greeting(name)}, ${botSpoke ? "I'm taking over from our assistant" : 'thanks for reaching out'} and I've read everything you've written.`,
  apology: {
    security: "I know this is worrying, and I'm sorry.",
    frustrated: "I'm sorry this has been so frustrating.",
    trouble: "I'm sorry for the trouble.",
  },
  issue: {
    multi_issue: ({ orders }) => about(`the issues you raised${orderAfter('about', orders)}`),
    account_security: () => about('the security of your account'),
    billing_dispute: ({ money }) => about(`the ${money ? `${money} ` : ''}charge you're disputing`),
    damaged_order: ({ orders }) => about(`the damaged or wrong item${orderAfter('from', orders)}`),
    refund_request: ({ orders, money }) => about(`your refund${orderAfter('for', orders)}${money ? ` (${money})` : ''}`),
    order_status: ({ orders }) => about(`where ${order(orders) ?? 'your order'} is`),
    returns_refunds: ({ orders }) => about(`your return${orderAfter('for', orders)}`),
    billing: ({ money }) => about(`the charge${money ? ` of ${money}` : ''} on your account`),
    account_access: () => about('getting you back into your account'),
    cancellation: () => about('ending your subscription'),
    technical: () => about('the error you ran into'),
    product_question: () => about('your question about our products'),
    sales: () => about('pricing for your order'),
    legal: () => about('your request'),
    feedback: () => about('your experience with us'),
    other: ({ orders }) => about(order(orders) ?? 'your request'),
  },
  article: (title) => (title ? `the "${title}" article` : 'a help article'),
  tried: {
    failedArticles: (list) => `I can see our assistant sent you ${list} and it didn't help, so I won't repeat that.`,
    failedAnswers: "I can see our assistant's answers didn't help, so I'll take a different approach.",
    sentArticles: (list) => `I can see our assistant already sent you ${list}.`,
  },
  known: {
    orders: (ids) => `your order ${ids.length === 1 ? 'number' : 'numbers'} (${listOf(ids)})`,
    tracking: 'the tracking number',
    email: 'your email',
    phone: 'your phone number',
    amount: (money) => `the amount (${money})`,
    sentence: (list) => `I have ${list}, so there's no need to repeat anything.`,
  },
  next: {
    safety: "Your safety comes first: if you're in danger right now, please contact your local emergency services.",
    securingAccount: "First I'm securing your account so nothing else can change, then we'll sort out the rest.",
    askOrderNumber: 'Could you share your order number so I can pull it up? Then I can get this moving.',
    checkingCarrier: "I'm checking the latest carrier scan now and will update you here shortly.",
    lookingIntoIt: "I'm looking into it now and will update you here shortly.",
  },
};
