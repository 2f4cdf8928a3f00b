import type { Conversation } from '../domain/conversation';
import type { AttemptedSolution, Decision, Facts } from '../domain/decision';
import type { LanguageCode } from '../domain/language/types';
import { firstName } from './customer-text';
import { formatAmount, listOf, listOfFirst, mainAmount, orderNumbers } from './fact-phrases';
import { WARM_INTRO_TEXTS, type IssueKind, type WarmIntroTexts } from './warm-intro-texts';

/** Articles named in one sentence of the intro. */
const MAX_ARTICLES_NAMED = 3;

/**
 * The first reply an agent can send, in the customer's language (the decision's `language`, English
 * when it has none; the words are in warm-intro-texts/): greets by first name, names the issue from
 * the facts the customer gave, says what was already tried, lists what we already have (so nothing
 * is asked twice) and what happens next. Apologetic when the customer is upset. Built only from the
 * decision and facts: customer text is never copied into it, so instructions hidden in that text
 * cannot reach the customer as our words.
 */

/** Topic triggers that name the issue before the category does, in this order. */
const ISSUE_TRIGGERS = ['multi_issue', 'account_security', 'billing_dispute', 'damaged_order', 'refund_request'] as const;

function issueOf(decision: Decision, texts: WarmIntroTexts, language: LanguageCode): string {
  const facts = decision.facts;
  const amount = mainAmount(facts);
  const trigger = ISSUE_TRIGGERS.find((code) => decision.triggers.some((t) => t.code === code));
  const kind: IssueKind = trigger ?? decision.category;
  return texts.issue[kind]({
    orders: orderNumbers(facts),
    money: amount ? formatAmount(amount, language) : undefined,
  });
}

function apology(decision: Decision, texts: WarmIntroTexts): string | undefined {
  const { label, signals } = decision.sentiment;
  if (decision.triggers.some((t) => t.code === 'account_security')) return texts.apology.security;
  if (signals.includes('anger') || signals.includes('frustration')) return texts.apology.frustrated;
  if (label === 'negative' || signals.length > 0) return texts.apology.trouble;
  return undefined;
}

function triedSentence(
  attempted: AttemptedSolution[],
  conversation: Conversation,
  texts: WarmIntroTexts,
  language: LanguageCode,
): string | undefined {
  const fromBot = attempted.filter((a) => a.by === 'bot');
  if (fromBot.length === 0) return undefined;
  // The first citation of each article decides how it is named; one pass, not one per article.
  const titles = new Map<string, string>();
  for (const m of conversation.messages) {
    for (const ref of m.kb_articles ?? []) {
      if (!titles.has(ref.id)) titles.set(ref.id, texts.article(ref.title));
    }
  }
  const titleOf = (id: string) => titles.get(id) ?? texts.article(undefined);
  const failed = fromBot.filter((a) => a.outcome === 'not_helpful');
  const articles = [...new Set(failed.map((a) => a.kb_article).filter((id): id is string => !!id))].map(titleOf);
  if (articles.length > 0) {
    return texts.tried.failedArticles(listOfFirst(articles, MAX_ARTICLES_NAMED, language), articles.length);
  }
  if (failed.length > 0) return texts.tried.failedAnswers;
  const sent = [...new Set(fromBot.map((a) => a.kb_article).filter((id): id is string => !!id))].map(titleOf);
  return sent.length > 0 ? texts.tried.sentArticles(listOfFirst(sent, MAX_ARTICLES_NAMED, language), sent.length) : undefined;
}

function knownSentence(facts: Facts, texts: WarmIntroTexts, language: LanguageCode): string | undefined {
  const known: string[] = [];
  const ids = orderNumbers(facts);
  if (ids.length > 0) known.push(texts.known.orders(ids));
  if (facts.tracking_numbers.length > 0) known.push(texts.known.tracking);
  if (facts.emails.length > 0) known.push(texts.known.email);
  if (facts.phones.length > 0) known.push(texts.known.phone);
  const amount = mainAmount(facts);
  if (amount) known.push(texts.known.amount(formatAmount(amount, language)));
  if (known.length === 0) return undefined;
  return texts.known.sentence(listOf(known, language));
}

function nextMove(decision: Decision, facts: Facts, texts: WarmIntroTexts): string {
  const has = (code: string) => decision.triggers.some((t) => t.code === code);
  const needsOrder = ['order_status', 'returns_refunds'].includes(decision.category) || has('damaged_order');
  if (has('safety')) return texts.next.safety;
  if (has('account_security')) return texts.next.securingAccount;
  if (needsOrder && facts.order_ids.length === 0 && facts.emails.length === 0 && facts.tracking_numbers.length === 0) {
    return texts.next.askOrderNumber;
  }
  if (decision.category === 'order_status') return texts.next.checkingCarrier;
  return texts.next.lookingIntoIt;
}

export function writeWarmIntro(conversation: Conversation, decision: Decision, attempted: AttemptedSolution[]): string {
  // A decision stored before the language was read has none, and one from elsewhere may hold another.
  const language: LanguageCode = decision.language && Object.hasOwn(WARM_INTRO_TEXTS, decision.language) ? decision.language : 'en';
  const texts = WARM_INTRO_TEXTS[language];
  const name = firstName(conversation);
  const botSpoke = conversation.messages.some((m) => m.role === 'bot');
  const parts = [
    texts.opening(name, botSpoke),
    apology(decision, texts),
    issueOf(decision, texts, language),
    triedSentence(attempted, conversation, texts, language),
    knownSentence(decision.facts, texts, language),
    nextMove(decision, decision.facts, texts),
  ];
  return parts.filter((p): p is string => !!p).join(' ');
}
