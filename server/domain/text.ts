import { CLAUSE_BREAK_RE, negationPatterns, type LanguageCode, type NegationPatterns } from './language';

const ENGLISH: ReadonlySet<LanguageCode> = new Set(['en']);

/**
 * Shared text helpers for the trigger engine. Evidence quotes must be exact substrings of the
 * customer's message, so nothing here changes a string's length or offsets: matching runs on a
 * same-length normalised copy and quotes are cut from the original.
 */

/** Curly quotes and apostrophes typed by phones become straight ones; one char in, one char out. */
const CURLY_RE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const CURLY_DOUBLE_RE = /[\u201C\u201D\u201E\u201F\u2033]/g;

export function normalizeText(text: string): string {
  return text.replace(CURLY_RE, "'").replace(CURLY_DOUBLE_RE, '"');
}

/**
 * The first `length` code units of `text`, one fewer when the cut would fall between the two halves
 * of a surrogate pair (an emoji, a mathematical letter): the half left alone is not Unicode, and
 * Postgres refuses it in jsonb, so a quote or summary cut there could not be stored.
 */
export function leadingText(text: string, length: number): string {
  if (length >= text.length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

export interface Span {
  index: number;
  length: number;
}

/**
 * The part of the clause that precedes `index`, at most `window` characters back: a negation before
 * a clause break (CLAUSE_BREAK_RE: punctuation, "but", "pero", "aber") does not reach past it
 * ("I don't need X, but I want Y").
 */
export function clauseBefore(text: string, index: number, window = 60): string {
  const start = Math.max(0, index - window);
  const before = text.slice(start, index);
  CLAUSE_BREAK_RE.lastIndex = 0;
  let cut = 0;
  for (let m = CLAUSE_BREAK_RE.exec(before); m; m = CLAUSE_BREAK_RE.exec(before)) {
    cut = m.index + m[0].length;
  }
  return before.slice(cut);
}

const SENTENCE_END_RE = /[.!?\n]/g;
/**
 * How far either side of a span a sentence is read. Real sentences are shorter; without a bound a
 * megabyte with no full stop is one "sentence", read again for every candidate match in it.
 */
const SENTENCE_REACH = 400;

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10; // . ! ? newline
}

/** The sentence holding the span: from the previous sentence end to the next one (at most SENTENCE_REACH either side). */
export function sentenceAround(text: string, span: Span): string {
  const from = Math.max(0, span.index - SENTENCE_REACH);
  let start = span.index;
  while (start > from && !isSentenceEnd(text.charCodeAt(start - 1))) start -= 1;
  const afterStart = span.index + span.length;
  const to = Math.min(text.length, afterStart + SENTENCE_REACH);
  let end = afterStart;
  while (end < to && !isSentenceEnd(text.charCodeAt(end))) end += 1;
  return text.slice(start, end < to ? end + 1 : end);
}

/** Sentences with their offsets, for evidence that needs to point at one sentence. */
export function splitSentences(text: string): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ index: start + lead, length: body.length, text: body });
  };
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m; m = SENTENCE_END_RE.exec(text)) {
    push(m.index + 1);
    start = m.index + 1;
  }
  push(text.length);
  return out;
}

/**
 * Negation scopes (isNegated), in the words of each language's file under language/ (negationPatterns).
 * `want`: a refusal of the thing ("I don't need a human", "no need to cancel", "no quiero", "je ne
 * veux pas", "nicht", "não preciso"); narrow on purpose, because "why can't I talk to a person?" is a
 * request, not a refusal. `any`: a plain "not/no/never" within the last few words ("wasn't hacked",
 * "no error", "not urgent").
 */
export type NegationMode = 'want' | 'any';

/** "If I don't get my money back …", "unless you refund me": a condition, not a refusal. */
const CONDITIONAL_RE = /\b(?:if|unless|until|otherwise)\b/i;

/**
 * True when the match at `index` sits inside a negation of the given kind, in the words of the
 * languages `languages` gives (the message's, from detectLanguages; every language's when absent).
 */
export function isNegated(text: string, index: number, mode: NegationMode, languages?: () => ReadonlySet<LanguageCode> | undefined): boolean {
  const clause = clauseBefore(text, index);
  const holds = ({ refusal, negation }: NegationPatterns) =>
    mode === 'want' ? refusal.test(clause) && !CONDITIONAL_RE.test(clause) : negation.test(clause);
  // Detecting a message's languages costs more than every rule's regexes on it: ask only when no
  // language's negation or English's own (English is in every set detection gives) already settles it.
  if (!holds(negationPatterns())) return false;
  if (!languages || holds(negationPatterns(ENGLISH))) return true;
  return holds(negationPatterns(languages()));
}

/** "no …", "no full …" just before the match: the first half of "no refund needed". */
const NO_BEFORE_RE = /\bno\s+(?:[\w'-]+\s+)?$/i;
/** "… needed", "… necessary": the refusal completed after the match ("no refund needed"). */
const NEEDED_AFTER_RE = /^\s*(?:[\w'-]+\s+){0,2}?(?:needed|necessary|required)\b/i;
/** "agent not needed", "a callback isn't necessary": a refusal said wholly after the thing refused. */
const NOT_NEEDED_AFTER_RE = /^\s*(?:[\w'-]+\s+){0,2}?(?:is not|isn't|are not|aren't|not) (?:needed|necessary|required)\b/i;

/** "no refund needed", "no call back necessary": a refusal that brackets the thing, read within one clause. */
const NO_THING_NEEDED_RE = /\bno\s+(?:[\w'-]+\s+){1,3}?(?:needed|necessary|required)\b/i;

/** Whether a clause refuses something with "no … needed" (English only, as refusedAfter). */
export function refusesAsNotNeeded(clause: string): boolean {
  return NO_THING_NEEDED_RE.test(clause) || NOT_NEEDED_AFTER_RE.test(clause);
}

/**
 * A refusal said after the thing it refuses ("no refund needed", "an agent isn't necessary"), which
 * the `want` scope (read before a match) does not see. English only; "no refund yet" is no refusal.
 */
export function refusedAfter(text: string, span: Span): boolean {
  const end = span.index + span.length;
  const after = text.slice(end, end + 40);
  if (NOT_NEEDED_AFTER_RE.test(after)) return true;
  return NEEDED_AFTER_RE.test(after) && NO_BEFORE_RE.test(text.slice(Math.max(0, span.index - 20), span.index));
}

/** Words of three or more letters written all in capitals. */
const CAPS_WORD_RE = /\b\p{Lu}{3,}\b/gu;
/**
 * Shouting: two or more capitalised words in a row (a run), quoted as one piece of evidence; "A" and
 * "I" inside a run do not break it ("WHAT A JOKE").
 */
// Word edges by Unicode letters, not `\b` (ASCII only in JavaScript): after "É", `\b` never held, so a
// run of "AÉ " failed at its end from each of its starts (quadratic time).
const CAPS_RUN_RE = /(?<![\p{L}\p{N}_])\p{Lu}{2,}(?:[\s,'!?.-]+\p{Lu}+)*[\s,'!?.-]+\p{Lu}{2,}(?![\p{L}\p{N}_])/gu;
const LETTER_WORD_RE = /\b\p{L}{3,}\b/gu;

/** Acronyms that are capitalised because that is how they are written, not because someone shouts. */
export const ACRONYMS = new Set([
  'VIP', 'USD', 'EUR', 'GBP', 'GDPR', 'CCPA', 'FAQ', 'PDF', 'API', 'SMS', 'DHL', 'UPS', 'USPS',
  'FEDEX', 'ASAP', 'URL', 'CEO', 'USA', 'PIN', 'SKU', 'SSO', 'SAML', 'CSV', 'ETA', 'RMA', 'FTC',
  'BBB', 'CFPB', 'DSAR', 'IBAN', 'VAT', 'IOS', 'MAC', 'APP', 'TNT', 'EMS', 'GLS', 'DPD', 'CVV',
  'OTP', 'AWS', 'HTML', 'JSON', 'HTTP', 'HTTPS', 'SDK', 'CRM', 'ERP', 'NYC', 'LLC', 'INC',
]);

/** The shouted stretch of a message, if any: a run of capitalised words that are not all acronyms. */
export function shoutedSpan(text: string): Span | undefined {
  CAPS_RUN_RE.lastIndex = 0;
  for (let m = CAPS_RUN_RE.exec(text); m; m = CAPS_RUN_RE.exec(text)) {
    CAPS_WORD_RE.lastIndex = 0;
    let real = 0;
    for (let w = CAPS_WORD_RE.exec(m[0]); w; w = CAPS_WORD_RE.exec(m[0])) {
      if (!ACRONYMS.has(w[0])) real += 1;
    }
    if (real >= 2) return { index: m.index, length: m[0].length };
  }
  return undefined;
}

/** Count of words of three or more letters; used to tell a vague one-liner from a description. */
export function wordCount(text: string): number {
  LETTER_WORD_RE.lastIndex = 0;
  let n = 0;
  while (LETTER_WORD_RE.exec(text)) n += 1;
  return n;
}

/** True for a word written in capitals that is not a known acronym (used for intensity). */
export function isShoutedWord(word: string): boolean {
  return word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase() && !ACRONYMS.has(word);
}
