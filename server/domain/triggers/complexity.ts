import type { Category } from '../codes';
import type { CategorySignals } from '../categorize';
import type { Evidence, Trigger } from '../decision';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';
import type { Hit } from './scan';

/** Categories that are problems to solve; praise and pre-sale questions do not make a case complex. */
const PROBLEM_CATEGORIES: ReadonlySet<Category> = new Set([
  'order_status', 'returns_refunds', 'billing', 'account_access', 'cancellation', 'technical', 'legal',
]);

/**
 * multi_issue: distinct problems, not one problem described twice. Fires when the customer marks
 * another issue ("also", "another problem") and at least two problem categories have evidence, or
 * when three problem categories show up without a marker.
 */
function multiIssue(input: EngineInput, signals: CategorySignals): Trigger | undefined {
  const byCategory = new Map<string, Hit>();
  for (const map of [signals.strong, signals.weak]) {
    for (const [category, hits] of map) {
      // Technical nouns ("download the PDF") are a problem only when something is broken.
      if (category === 'technical' && !input.hits.has('bug_report')) continue;
      if (PROBLEM_CATEGORIES.has(category) && !byCategory.has(category) && hits[0]) byCategory.set(category, hits[0]);
    }
  }
  // Changing account data is a problem of its own, whatever category the rest of the talk has.
  const change = input.hits.get('account_change')[0];
  if (change) byCategory.set('account_change', change);
  const marked = input.hits.has('multi_marker');
  if (byCategory.size < (marked ? 2 : 3)) return undefined;
  const evidence: Evidence[] = [...byCategory.values()].map((h) => ({ message: h.message, quote: h.quote }));
  const detail = `several problems: ${[...byCategory.keys()].join(', ')}`;
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
