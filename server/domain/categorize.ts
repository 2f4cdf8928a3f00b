import { CATEGORIES, type Category, type TriggerCode } from './codes';
import type { Trigger } from './decision';
import type { Hit, Hits } from './triggers/scan';
import { LOCKOUT_RE, REFUND_OF_FEE_RE, SSO_FAULT_RE } from './triggers/category-phrases';

/**
 * Category (CONTRACT.md §4) from, in order of trust: topic triggers (strong), then keywords and
 * the bot's intent (weak). Within a tier the highest category in PRECEDENCE wins, so the result
 * is stable whatever order things were said in:
 *   legal > account_access > billing > cancellation > returns_refunds > order_status > technical
 *   > sales > product_question > feedback > other
 * Why this order: the categories at the top carry risk (legal exposure, account takeover, money
 * taken) and their queues must see the ticket even when the customer also asks something routine.
 */
export const PRECEDENCE: readonly Category[] = [
  'legal',
  'account_access',
  'billing',
  'cancellation',
  'returns_refunds',
  'order_status',
  'technical',
  'sales',
  'product_question',
  'feedback',
  'other',
];

/** Topic triggers that pin the category outright. Complaint and bug reports are weak: they ride along. */
export const STRONG: Partial<Record<TriggerCode, Category>> = {
  legal_compliance: 'legal',
  account_security: 'account_access',
  billing_dispute: 'billing',
  cancellation: 'cancellation',
  refund_request: 'returns_refunds',
  damaged_order: 'returns_refunds',
  custom_pricing: 'sales',
};

/** Categories whose words outweigh praise around them (a renewal question in a happy message is billing). */
const SERIOUS: ReadonlySet<Category> = new Set(['legal', 'account_access', 'billing', 'cancellation', 'returns_refunds']);

/** Weak signals from trigger codes that are not categories by themselves. */
const WEAK_FROM_CODES: Partial<Record<string, Category>> = {
  bug_report: 'technical',
  complaint: 'feedback',
};

/** Common bot intent names → category; checked in order, first match wins (`cancel_order` is not churn). */
const INTENT_MAP: ReadonlyArray<[RegExp, Category]> = [
  [/legal|gdpr|ccpa|privacy|data_?request/i, 'legal'],
  [/login|log_?in|password|2fa|mfa|account_?(?:access|locked|security)|hack|fraud/i, 'account_access'],
  [/cancel_?order|order|track|shipping|delivery|where_?is/i, 'order_status'],
  [/bill|invoice|charge|payment|refund_?status/i, 'billing'],
  [/cancel|churn|unsubscribe|close_?account/i, 'cancellation'],
  [/refund|return|exchange|damaged|defect/i, 'returns_refunds'],
  [/tech|bug|error|troubleshoot|integration|api|setup/i, 'technical'],
  [/pricing|sales|quote|demo|enterprise|upgrade/i, 'sales'],
  [/product|faq|size|sizing|stock|compat/i, 'product_question'],
  [/feedback|complaint|praise|review/i, 'feedback'],
];

export function categoryFromIntent(intent: string | undefined): Category | undefined {
  if (!intent) return undefined;
  const direct = CATEGORIES.find((c) => c === intent);
  if (direct) return direct;
  return INTENT_MAP.find(([re]) => re.test(intent))?.[1];
}

export interface CategorySignals {
  strong: Map<Category, Hit[]>;
  weak: Map<Category, Hit[]>;
  intent?: Category;
  /** The customer asked something (a question mark or a question word first). */
  asked?: boolean;
  /** The customer sounds pleased overall (sentiment label positive). */
  positive?: boolean;
  /** Something is broken (a bug_report hit): technical words then name a fault, not a feature. */
  fault?: boolean;
}

function push(map: Map<Category, Hit[]>, category: Category, hits: readonly Hit[]): void {
  if (hits.length === 0) return;
  map.set(category, [...(map.get(category) ?? []), ...hits]);
}

/** Every category the conversation touches, with the quotes that show it. */
// A line's leading non-word characters stop at its end (`^` also starts a line after \r, U+2028 and
// U+2029): `^\W*` would run on over every following empty line, at each of them (quadratic time).
const QUESTION_RE = /\?|^[^\w\n\r\u2028\u2029]*(?:is|are|does|do|can|could|how|what|which|will|would|when|where|why|should)\b|\b(?:wondering|wonder) (?:if|whether)\b|\b(?:i'd|i would) like to know\b/im;

/** True when any of the texts asks something. */
export function asksQuestion(texts: readonly string[]): boolean {
  return texts.some((t) => QUESTION_RE.test(t));
}

export function categorySignals(
  triggers: readonly Trigger[],
  hits: Hits,
  intent?: string,
  asked = false,
  positive = false,
  customerTexts: readonly string[] = [],
): CategorySignals {
  const strong = new Map<Category, Hit[]>();
  const weak = new Map<Category, Hit[]>();
  const said = (re: RegExp) => customerTexts.some((t) => re.test(t));
  // A refund of tax or a fee is money the bill took: billing's queue handles it, not returns.
  const feeRefund = triggers.some((t) => t.code === 'refund_request') && said(REFUND_OF_FEE_RE);
  for (const [code, category] of Object.entries(STRONG)) {
    const into = code === 'refund_request' && feeRefund ? 'billing' : category;
    if (triggers.some((t) => t.code === code)) push(strong, into, hits.get(code));
  }
  for (const [code, category] of Object.entries(WEAK_FROM_CODES)) push(weak, category!, evidenceHits(triggers, hits, code));
  for (const category of CATEGORIES) push(weak, category, hits.get(`cat:${category}`));
  // Single sign-on failing on a workspace is a technical fault; login words there are no lockout.
  if (weak.has('account_access') && said(SSO_FAULT_RE) && !said(LOCKOUT_RE)) {
    push(weak, 'technical', weak.get('account_access')!);
    weak.delete('account_access');
  }
  return { strong, weak, intent: categoryFromIntent(intent), asked, positive, fault: hits.has('bug_report') };
}

/**
 * The phrase hits for a code, or, when the trigger found more than the phrases (a complaint said as
 * sarcasm), its quoted evidence.
 */
function evidenceHits(triggers: readonly Trigger[], hits: Hits, code: string): Hit[] {
  const own = hits.get(code);
  if (own.length > 0) return own;
  const trigger = triggers.find((t) => t.code === code);
  if (!trigger) return [];
  return trigger.evidence.flatMap((e) => ('message' in e ? [{ message: e.message, quote: e.quote, at: 0 }] : []));
}

function best(categories: Iterable<Category>): Category | undefined {
  let top: Category | undefined;
  for (const c of categories) if (top === undefined || PRECEDENCE.indexOf(c) < PRECEDENCE.indexOf(top)) top = c;
  return top;
}

/**
 * Strong signals first; else keywords together with the bot's intent; else `other`. Two readings of
 * weak keywords are corrected: praise or a suggestion with no question and no problem is feedback
 * even when it names the app or the delivery, when the customer sounds pleased; and a question whose
 * only signal is a technical noun ("is there a dark mode in the app?") is a product question.
 */
export function categorize(signals: CategorySignals): Category {
  const strong = best(signals.strong.keys());
  if (strong) return strong;
  const weak = [...signals.weak.keys(), ...(signals.intent ? [signals.intent] : [])];
  const top = best(weak);
  const botKnows = signals.intent !== undefined && signals.intent !== 'other';
  // Praise that names the app or the delivery is still feedback; a word about money or access is not praise's topic.
  const praiseOnly = [...signals.weak.keys()].every((c) => !SERIOUS.has(c));
  if (signals.weak.has('feedback') && !signals.asked && !botKnows && (signals.positive ?? false) && praiseOnly) return 'feedback';
  // A question about what the product does ("does version 8 support Ubuntu?") names technical things without a fault.
  // "Is the API available on the Starter plan?": plan names are what is asked about, not a sale.
  const productish = [...signals.weak.keys()].every((c) => c === 'technical' || c === 'product_question' || c === 'sales');
  if (signals.asked && top === 'technical' && productish && !signals.fault && !botKnows) return 'product_question';
  return top ?? 'other';
}

/** Fewer words than this say too little for a base rate to place: "Good morning", "Thank you!", "Price?". */
const MIN_WORDS_FOR_BASE_RATE = 4;
const WORD_RE = /\p{L}+/gu;

function hasWords(texts: readonly string[], wanted: number): boolean {
  let found = 0;
  for (const text of texts) {
    WORD_RE.lastIndex = 0;
    while (WORD_RE.exec(text)) if (++found >= wanted) return true;
  }
  return false;
}

/**
 * The category of a conversation nothing places: no keyword, topic or code, and no confident model
 * category. Base rates decide instead of `other`. Among 3,400 labelled messages (our training
 * messages, the look-alikes read while writing rules, two dev sets) those nothing placed were, when
 * they asked something, a product question 240 times to 171 `other`; when the customer sounded
 * pleased and asked nothing, feedback (praise) 109 times to 48. Chosen on those sets, measured on the
 * held-out ones: docs/EVALUATION.md, "Conversations nothing places". By default all three share the
 * `general` queue, so this names the ticket better without moving it.
 */
export function unplacedCategory(customerTexts: readonly string[], asked: boolean, positive: boolean): Category {
  if (!hasWords(customerTexts, MIN_WORDS_FOR_BASE_RATE)) return 'other';
  if (asked) return 'product_question';
  return positive ? 'feedback' : 'other';
}
