import type { Category } from '../codes';
import type { Evidence, Trigger } from '../decision';
import { leadingText, wordCount } from '../text';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';
import { kbHasNothing } from './kb-relevance';

/** Trigger codes whose hits say what the request is about (categorize.ts reads them too). */
const CATEGORY_CODES: ReadonlySet<string> = new Set(['bug_report', 'complaint']);

/** Intent names bots use for "I don't know what this is". */
const NO_INTENT_RE = /^(?:|none|unknown|fallback|default_?fallback|default|other|unclear|null|nlu_fallback)$/i;
const QUOTE_CHARS = 100;
/** A customer who wrote this little, with nothing pointing at a topic, has not said what they need. */
const VAGUE_MAX_WORDS = 4;
/** … and it has to read as a bare cry for help, not a thank-you or a statement. */
const VAGUE_RE = /\b(?:help|problem|issue|not working|doesn'?t work|does not work|won'?t work|broken|error|question|hello|hi|hey)\b|\?\s*$/i;

function opening(text: string): string {
  const trimmed = text.trim();
  return leadingText(trimmed, QUOTE_CHARS);
}

function noKbMatch(input: EngineInput): Trigger | undefined {
  const evidence: Evidence[] = [];
  for (const turn of input.bot.answers) {
    const message = input.conversation.messages[turn.index]!;
    if (!turn.cited && message.helpful !== true) evidence.push({ message: turn.index, quote: opening(message.text) });
  }
  const nothing = kbHasNothing(input);
  if (nothing) evidence.push(nothing);
  if (evidence.length === 0) return undefined;
  return makeTrigger('no_kb_match', 'no knowledge-base article answers this', evidence.slice(0, 3));
}

/**
 * ambiguous: the request really cannot be pinned down. Everything here needs that the customer's
 * words point at no category and no topic trigger named what they want; then any of: the bot said
 * it did not understand, the customer wrote only a few words that read as a bare cry for help
 * ("it doesn't work", "help"), or the bot has no intent and is unsure. A low confidence alone on a
 * plain "where is my order?" is low_confidence, not ambiguity.
 */
function ambiguous(input: EngineInput, category: Category, pinned: boolean): Trigger | undefined {
  if (pinned || !unplaced(input, category)) return undefined;
  const evidence: Evidence[] = quoteEvidence(input.hits.get('bot:not_understood'));
  const customer = input.views.filter((v) => v.role === 'customer');
  const words = customer.reduce((n, v) => n + wordCount(v.text), 0);
  const said = customer.map((v) => v.norm).join(' ');
  if (customer.length > 0 && words <= VAGUE_MAX_WORDS && VAGUE_RE.test(said)) {
    evidence.push({ message: customer[0]!.index, quote: opening(customer[0]!.text) });
  }
  const bot = input.conversation.bot;
  const unsure = bot?.confidence !== undefined && bot.confidence < input.policy.confidence_threshold;
  if (bot && unsure && NO_INTENT_RE.test(bot.intent ?? '')) {
    evidence.push({ field: 'bot.intent', value: bot.intent ?? null });
  }
  if (evidence.length === 0) return undefined;
  return makeTrigger('ambiguous', 'the request cannot be pinned to one meaning', evidence);
}

/**
 * No category signal in the customer's own words. A category that comes only from the bot's intent
 * does not pin the request: the bot guessing is what is in question. Technical words alone ("it",
 * "app") with a vague "doesn't work" still count as unplaced only when nothing else was said.
 */
function unplaced(input: EngineInput, category: Category): boolean {
  if (category === 'other') return true;
  return !input.hits.keys().some((key) => key.startsWith('cat:') || CATEGORY_CODES.has(key));
}

/**
 * Confidence family. `pinned` says another trigger already names what the customer wants, so a
 * short message ("refund please") is not vague.
 */
export function confidenceTriggers(input: EngineInput, category: Category, pinned: boolean): Trigger[] {
  const out: Trigger[] = [];
  const noMatch = noKbMatch(input);
  if (noMatch) out.push(noMatch);

  const confidence = input.conversation.bot?.confidence;
  if (confidence !== undefined && confidence < input.policy.confidence_threshold) {
    out.push(
      makeTrigger('low_confidence', `bot confidence ${confidence} below ${input.policy.confidence_threshold}`, [
        { field: 'bot.confidence', value: confidence },
      ]),
    );
  }

  const vague = ambiguous(input, category, pinned);
  if (vague) out.push(vague);

  if (input.bot.failed.length >= 2) {
    const evidence = input.bot.failed.slice(0, 3).map((t) => t.failure!);
    out.push(makeTrigger('repeated_failure', `${input.bot.failed.length} bot answers did not help`, evidence));
  }
  return out;
}
