import type { Conversation } from '../domain/conversation';
import type { Decision, Trigger } from '../domain/decision';
import { clip, customerSentences, firstName, type CustomerSentence } from './customer-text';
import { CATEGORY_SEARCH_WORDS } from './playbooks';

/** How much a trigger's evidence says a sentence carries the issue (a request for a person does not). */
const FAMILY_WEIGHT: Record<Trigger['family'], number> = {
  topic: 3,
  complexity: 2,
  confidence: 1,
  customer_request: -2,
  sentiment: 0,
  customer: 0,
  action: 1,
};

const PROBLEM_WORDS =
  /\b(?:not|never|no longer|still|can'?t|cannot|won'?t|didn'?t|doesn'?t|haven'?t|wrong|broken|damaged|missing|lost|late|error|problem|issue|charged|refund|return|cancel|hacked|locked)\b/i;

const MAX_SENTENCES = 3;
const MAX_SENTENCE_CHARS = 200;

function score(sentence: CustomerSentence, decision: Decision): number {
  const text = sentence.text.toLowerCase();
  let s = 0;
  const facts = decision.facts;
  const factStrings = [...facts.order_ids, ...facts.tracking_numbers, ...facts.amounts.map((a) => String(Math.trunc(a.value)))];
  if (factStrings.some((f) => f.length > 1 && text.includes(f.toLowerCase()))) s += 3;
  for (const trigger of decision.triggers) {
    const here = trigger.evidence.some(
      (e) => 'message' in e && e.message === sentence.message && text.includes(e.quote.toLowerCase().trim()),
    );
    if (here) s += FAMILY_WEIGHT[trigger.family];
  }
  const categoryHits = CATEGORY_SEARCH_WORDS[decision.category]
    .split(' ')
    .filter((w) => w.length > 3 && text.includes(w.slice(0, 5))).length;
  s += Math.min(categoryHits, 2);
  if (PROBLEM_WORDS.test(text)) s += 1;
  return s;
}

function asQuoted(text: string): string {
  const t = clip(text, MAX_SENTENCE_CHARS);
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The customer's problem in their own words: the one to three sentences that carry it (facts,
 * trigger evidence, category and problem words), in the order written, quoted and attributed.
 * Greetings, thanks and requests for a person are left out; nothing is paraphrased or invented.
 */
export function writeSummary(
  conversation: Conversation,
  decision: Decision,
  sentences: readonly CustomerSentence[] = customerSentences(conversation),
): string {
  const who = firstName(conversation) ?? 'The customer';
  const seen = new Set<string>();
  const unique = sentences.filter((s) => {
    const key = s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return `${who} did not describe a problem.`;

  const scored = unique.map((s, order) => ({ s, order, score: score(s, decision) }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  let chosen = ranked.filter((r) => r.score >= 2).slice(0, MAX_SENTENCES);
  if (chosen.length === 0) chosen = [ranked.find((r) => r.score >= 0) ?? ranked[0]!];
  const quote = chosen
    .sort((a, b) => a.order - b.order)
    .map((r) => asQuoted(r.s.text))
    .join(' ');
  const askedForPerson = decision.triggers.some((t) => t.code === 'human_requested');
  return `${who} reports: “${quote}”${askedForPerson ? ' They asked for a person.' : ''}`;
}
