import type { Evidence } from '../decision';
import { splitSentences } from '../text';
import type { EngineInput } from './engine-input';

/**
 * Does the knowledge base hold something relevant to this conversation? Asked by no_kb_match.
 *
 * An article the bot cited counts when its answer did not fail (not marked unhelpful, not rejected
 * by the customer), whether or not the loaded KB holds that id: the tenant's bot answers from its
 * own help centre, which our copy may not mirror, and an answer that stood means that help centre
 * covered the question. Otherwise the KB is searched with the customer's
 * issue, one sentence at a time, because one long query mixing "hi", "thanks" and "let me talk to
 * a person" with the problem buries the problem under terms no article shares. A match for any
 * sentence counts.
 */

/** Sentences that carry no issue: greetings, thanks, sign-offs, "ok". */
const FILLER_RE =
  /^\W*(?:hi|hello|hey|hiya|dear \w+|good (?:morning|afternoon|evening|day)|thanks?(?: you)?(?: so much| a lot)?|many thanks|cheers|regards|best(?: regards)?|kind regards|ok(?:ay)?|great|perfect|cool|sure|yes|no|please)\b[\s,!.\w]{0,20}$/i;
/** The earliest sentences state the issue; later ones repeat it, so a few searches are enough. */
const MAX_QUERIES = 8;
const MIN_QUERY_CHARS = 3;

function citedArticleCounts(input: EngineInput): boolean {
  return input.bot.turns.some((turn) => turn.cited && !turn.failed);
}

/** The customer's sentences that may state the issue, in order, without requests for a person. */
export function issueSentences(input: EngineInput): string[] {
  const person = new Map<number, number[]>();
  for (const hit of input.hits.get('human_requested')) person.set(hit.message, [...(person.get(hit.message) ?? []), hit.at]);
  const out: string[] = [];
  for (const view of input.views) {
    if (view.role !== 'customer') continue;
    const asks = person.get(view.index) ?? [];
    for (const s of splitSentences(view.norm)) {
      if (asks.some((at) => at >= s.index && at < s.index + s.length)) continue;
      if (s.text.length < MIN_QUERY_CHARS || FILLER_RE.test(s.text)) continue;
      out.push(s.text);
      if (out.length >= MAX_QUERIES) return out;
    }
  }
  return out;
}

/** Evidence that the KB has nothing relevant, or undefined when it has (or there is no KB to ask). */
export function kbHasNothing(input: EngineInput): Evidence | undefined {
  const kb = input.kb;
  if (!kb || kb.size === 0 || citedArticleCounts(input)) return undefined;
  const sentences = issueSentences(input);
  if (sentences.length === 0) return undefined;
  if (sentences.some((s) => kb.search(s, 1).length > 0)) return undefined;
  return { field: 'kb', value: 'no relevant article' };
}
