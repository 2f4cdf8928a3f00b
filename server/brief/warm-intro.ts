import type { Conversation } from '../domain/conversation';
import type { AttemptedSolution, Decision, Facts } from '../domain/decision';
import { firstName } from './customer-text';
import { formatAmount, listOf, listOfFirst, mainAmount, orderRef } from './fact-phrases';

/** Articles named in one sentence of the intro. */
const MAX_ARTICLES_NAMED = 3;

/**
 * The first reply an agent can send: greets by first name, names the issue from the facts the
 * customer gave, says what was already tried, lists what we already have (so nothing is asked
 * twice) and what happens next. Apologetic when the customer is upset. Built only from the
 * decision and facts: customer text is never copied into it, so instructions hidden in that text
 * cannot reach the customer as our words.
 */

function issueOf(decision: Decision): string {
  const facts = decision.facts;
  const has = (code: string) => decision.triggers.some((t) => t.code === code);
  const order = orderRef(facts);
  const amount = mainAmount(facts);
  const money = amount ? formatAmount(amount) : undefined;
  if (has('multi_issue')) return `the issues you raised${order ? ` about ${order}` : ''}`;
  if (has('account_security')) return 'the security of your account';
  if (has('billing_dispute')) return `the ${money ? `${money} ` : ''}charge you're disputing`;
  if (has('damaged_order')) return `the damaged or wrong item${order ? ` from ${order}` : ''}`;
  if (has('refund_request')) return `your refund${order ? ` for ${order}` : ''}${money ? ` (${money})` : ''}`;
  switch (decision.category) {
    case 'order_status':
      return `where ${order ?? 'your order'} is`;
    case 'returns_refunds':
      return `your return${order ? ` for ${order}` : ''}`;
    case 'billing':
      return `the charge${money ? ` of ${money}` : ''} on your account`;
    case 'account_access':
      return 'getting you back into your account';
    case 'cancellation':
      return 'ending your subscription';
    case 'technical':
      return 'the error you ran into';
    case 'product_question':
      return 'your question about our products';
    case 'sales':
      return 'pricing for your order';
    case 'legal':
      return 'your request';
    case 'feedback':
      return 'your experience with us';
    default:
      return order ? order : 'your request';
  }
}

function apology(decision: Decision): string | undefined {
  const { label, signals } = decision.sentiment;
  if (decision.triggers.some((t) => t.code === 'account_security')) return "I know this is worrying, and I'm sorry.";
  if (signals.includes('anger') || signals.includes('frustration')) return "I'm sorry this has been so frustrating.";
  if (label === 'negative' || signals.length > 0) return "I'm sorry for the trouble.";
  return undefined;
}

function triedSentence(attempted: AttemptedSolution[], conversation: Conversation): string | undefined {
  const fromBot = attempted.filter((a) => a.by === 'bot');
  if (fromBot.length === 0) return undefined;
  // The first citation of each article decides how it is named; one pass, not one per article.
  const titles = new Map<string, string>();
  for (const m of conversation.messages) {
    for (const ref of m.kb_articles ?? []) {
      if (!titles.has(ref.id)) titles.set(ref.id, ref.title ? `the "${ref.title}" article` : 'a help article');
    }
  }
  const titleOf = (id: string) => titles.get(id) ?? 'a help article';
  const failed = fromBot.filter((a) => a.outcome === 'not_helpful');
  const articles = [...new Set(failed.map((a) => a.kb_article).filter((id): id is string => !!id))].map(titleOf);
  if (articles.length > 0) {
    return `I can see our assistant sent you ${listOfFirst(articles, MAX_ARTICLES_NAMED)} and it didn't help, so I won't repeat that.`;
  }
  if (failed.length > 0) return "I can see our assistant's answers didn't help, so I'll take a different approach.";
  const sent = [...new Set(fromBot.map((a) => a.kb_article).filter((id): id is string => !!id))].map(titleOf);
  return sent.length > 0 ? `I can see our assistant already sent you ${listOfFirst(sent, MAX_ARTICLES_NAMED)}.` : undefined;
}

function knownSentence(facts: Facts): string | undefined {
  const known: string[] = [];
  const ids = facts.order_ids.slice(0, 3).map((id) => `#${id}`);
  if (ids.length > 0) known.push(`your order ${ids.length === 1 ? 'number' : 'numbers'} (${listOf(ids)})`);
  if (facts.tracking_numbers.length > 0) known.push('the tracking number');
  if (facts.emails.length > 0) known.push('your email');
  if (facts.phones.length > 0) known.push('your phone number');
  const amount = mainAmount(facts);
  if (amount) known.push(`the amount (${formatAmount(amount)})`);
  if (known.length === 0) return undefined;
  return `I have ${listOf(known)}, so there's no need to repeat anything.`;
}

function nextMove(decision: Decision, facts: Facts): string {
  const has = (code: string) => decision.triggers.some((t) => t.code === code);
  const needsOrder = ['order_status', 'returns_refunds'].includes(decision.category) || has('damaged_order');
  if (has('safety')) return "Your safety comes first: if you're in danger right now, please contact your local emergency services.";
  if (has('account_security')) return "First I'm securing your account so nothing else can change, then we'll sort out the rest.";
  if (needsOrder && facts.order_ids.length === 0 && facts.emails.length === 0 && facts.tracking_numbers.length === 0) {
    return 'Could you share your order number so I can pull it up? Then I can get this moving.';
  }
  if (decision.category === 'order_status') return "I'm checking the latest carrier scan now and will update you here shortly.";
  return "I'm looking into it now and will update you here shortly.";
}

export function writeWarmIntro(conversation: Conversation, decision: Decision, attempted: AttemptedSolution[]): string {
  const name = firstName(conversation);
  const botSpoke = conversation.messages.some((m) => m.role === 'bot');
  const parts = [
    `Hi ${name ?? 'there'}, ${botSpoke ? "I'm taking over from our assistant" : "thanks for reaching out"} and I've read everything you've written.`,
    apology(decision),
    `I can see this is about ${issueOf(decision)}.`,
    triedSentence(attempted, conversation),
    knownSentence(decision.facts),
    nextMove(decision, decision.facts),
  ];
  return parts.filter((p): p is string => !!p).join(' ');
}
