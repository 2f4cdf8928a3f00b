import type { Category } from '../codes';
import type { CategorySignals } from '../categorize';
import type { Evidence, Trigger } from '../decision';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';
import type { Hit } from './scan';

/** Categories that are problems to solve; praise and pre-sale questions do not make a case complex. */
const PROBLEM_CATEGORIES: ReadonlySet<Category> = new Set([
  'order_status', 'returns_refunds', 'billing', 'account_access', 'cancellation', 'technical', 'legal',
]);

/** Money taken and money back: a refund of a disputed charge is one problem, not two. */
const MONEY: ReadonlySet<Category> = new Set(['billing', 'returns_refunds']);
/** "the same order", "order #5521": naming the order a problem is about is not a delivery problem. */
const ORDER_MENTION_RE = /^(?:(?:my|our|the|this|that) (?:\w+ )?order|order (?:#|number |no\.? ?)?\d+)$/i;
/** Words that make an order a delivery problem of its own. */
const DELIVERY_PROBLEM_RE =
  /\b(?:where(?:'s| is| are)|track(?:ing)?|ship(?:ped|ping|ment)?|deliver(?:y|ed)?|dispatch(?:ed)?|courier|carrier|in transit|arriv(?:e|ed|ing)|late|lost|missing|delayed|stolen|address|cancel)\b/i;

/**
 * The problem a category's evidence stands for. Unless the customer counts the problems ("two
 * problems:", "another issue"), billing and refunds said in one message without a marker of another issue are one problem about the same money ("two charges of €149 for the same
 * order, I want one refunded"); an order named only as what another problem is about is no problem.
 */
function problemOf(input: EngineInput, category: Category, hit: Hit): string | undefined {
  if (!PROBLEM_CATEGORIES.has(category)) return undefined;
  // Technical nouns ("download the PDF") are a problem only when something is broken.
  if (category === 'technical' && !input.hits.has('bug_report')) return undefined;
  // "Two problems: …": the customer says they are separate.
  if (input.hits.has('multi_explicit')) return category;
  if (category === 'order_status' && ORDER_MENTION_RE.test(hit.quote.trim())) {
    const customer = input.views.filter((v) => v.role === 'customer');
    if (!customer.some((v) => DELIVERY_PROBLEM_RE.test(v.norm))) return undefined;
  }
  if (MONEY.has(category)) {
    const markers = new Set([...input.hits.get('multi_marker'), ...input.hits.get('multi_explicit')].map((h) => h.message));
    return markers.has(hit.message) ? category : `money:${hit.message}`;
  }
  return category;
}

/**
 * multi_issue: distinct problems, not one problem described twice. Fires when the customer marks
 * another issue ("also", "another problem") and at least two problems have evidence, or when three
 * show up without a marker.
 */
function multiIssue(input: EngineInput, signals: CategorySignals): Trigger | undefined {
  const byProblem = new Map<string, { category: string; hit: Hit }>();
  for (const map of [signals.strong, signals.weak]) {
    for (const [category, hits] of map) {
      const hit = hits[0];
      const problem = hit && problemOf(input, category, hit);
      if (problem && !byProblem.has(problem)) byProblem.set(problem, { category, hit });
    }
  }
  // Changing account data is a problem of its own, whatever category the rest of the talk has.
  const change = input.hits.get('account_change')[0];
  if (change) byProblem.set('account_change', { category: 'account_change', hit: change });
  const marked = input.hits.has('multi_marker') || input.hits.has('multi_explicit');
  if (byProblem.size < (marked ? 2 : 3)) return undefined;
  const problems = [...byProblem.values()];
  const evidence: Evidence[] = problems.map(({ hit }) => ({ message: hit.message, quote: hit.quote }));
  const detail = `several problems: ${problems.map((p) => p.category).join(', ')}`;
  return makeTrigger('multi_issue', detail, evidence);
}

/**
 * unresolved_previous_contact: the customer says an earlier contact did not fix it, or the record
 * holds an unresolved contact about this same category (any age: an open problem stays open).
 */
function unresolvedPrevious(input: EngineInput, category: Category): Trigger | undefined {
  const evidence: Evidence[] = quoteEvidence(input.hits.get('unresolved_previous_contact'));
  const contacts = input.conversation.customer?.previous_contacts ?? [];
  contacts.forEach((contact, i) => {
    if (contact.resolved === false && contact.category === category) {
      evidence.push({ field: `customer.previous_contacts.${i}`, value: contact });
    }
  });
  if (evidence.length === 0) return undefined;
  return makeTrigger('unresolved_previous_contact', 'an earlier contact left this unresolved', evidence);
}

/** Complexity family; runs after categorisation because two of its rules depend on the category. */
export function complexityTriggers(input: EngineInput, signals: CategorySignals, category: Category): Trigger[] {
  const out: Trigger[] = [];
  const multi = multiIssue(input, signals);
  if (multi) out.push(multi);
  const change = input.hits.get('account_change');
  if (change.length > 0) out.push(makeTrigger('account_change', 'needs account data changed', quoteEvidence(change)));
  const bug = input.hits.get('bug_report');
  if (bug.length > 0) out.push(makeTrigger('bug_report', 'describes an error, crash or broken feature', quoteEvidence(bug)));
  const previous = unresolvedPrevious(input, category);
  if (previous) out.push(previous);
  return out;
}
