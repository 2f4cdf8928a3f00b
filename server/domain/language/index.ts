import type { PhraseRule } from '../triggers/scan';
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { IT } from './it';
import { NL } from './nl';
import { PT } from './pt';
import type { LanguageCode, LanguagePack, PhraseKey } from './types';

/**
 * The language layer: what Baton knows of each language sits in that language's file (en.ts,
 * es.ts, …), all of one shape (LanguagePack). This module joins them into what the engine reads:
 * the phrase rules with every other language's phrases added, the negation and clause patterns,
 * and the date parsers. Which languages a message is in is asked of detect.ts only when a foreign
 * phrase matched or a date is read, so an English conversation never pays for detection.
 */

import { detect } from './detect';
export { detect, detectLanguages, type Detection } from './detect';
export type { LanguageCode, LanguagePack, PhraseKey } from './types';

export const PACKS: readonly LanguagePack[] = [EN, ES, FR, DE, PT, IT, NL];
const OTHERS = PACKS.filter((p) => p.code !== 'en');
const OTHER_CODES: readonly LanguageCode[] = OTHERS.map((pack) => pack.code);

/** English phrases of a key whose English lives in en.ts (the conversation's own phrases). */
export function englishPhrases(key: PhraseKey): readonly string[] {
  return EN.phrases[key] ?? [];
}

const NEEDS_UNICODE_RE = /\\p\{/;

function compile(alternatives: readonly string[], flags: string): RegExp {
  const source = alternatives.map((a) => `(?:${a})`).join('|');
  return new RegExp(source, NEEDS_UNICODE_RE.test(source) ? `${flags}u` : flags);
}

/**
 * The rules with what the other languages say for each key. A rule keeps its English regex (`re`)
 * and gets each other language's phrases as a regex of their own: `readIn` (global, for the scan)
 * and `foreign` (sticky, to tell which languages a phrase at a given place belongs to). The scan
 * reads a message with `re` and with the `readIn` of the languages whose common words it holds
 * (languagesToRead), taking the first match of any (scan.ts), so an English message never tries
 * hundreds of foreign alternatives at every position, and the cost of a message grows with the
 * languages it is read in, not with every language known.
 *
 * One regex per language, not one per set of languages read: a regex per set (English and the set's
 * phrases joined) was built and compiled on first use, and V8 takes 100-600 ms to compile all the
 * rules' regexes of one set, so the first message in each new mix of languages held the server that
 * long. These are compiled once, before the server listens (compileEveryReading, warm-up.ts).
 */
export function withLanguages(rules: readonly PhraseRule[]): PhraseRule[] {
  const seen = new Set<string>();
  return rules.map((rule) => {
    // A key's later rules are narrower readings of it (safety's injuries need a cause): the other
    // languages' phrases join the first rule of the key only.
    if (seen.has(rule.key)) return rule;
    seen.add(rule.key);
    const foreign = new Map<LanguageCode, RegExp>();
    const readIn = new Map<LanguageCode, RegExp>();
    for (const pack of OTHERS) {
      const phrases = pack.phrases[rule.key as PhraseKey];
      if (!phrases?.length) continue;
      foreign.set(pack.code, compile(phrases, 'iy'));
      readIn.set(pack.code, compile(phrases, 'gi'));
    }
    if (foreign.size === 0) return rule;
    FOREIGN_REGEXES.push(...readIn.values(), ...foreign.values());
    return { ...rule, foreign, readIn };
  });
}

/** Every regex withLanguages built, for compileEveryReading. */
const FOREIGN_REGEXES: RegExp[] = [];

/**
 * Runs each regex once on a short text, which makes V8 parse and compile it (a second run would
 * compile it again, to native code, at more memory). Returns how many it ran.
 */
export function compileRegexes(regexes: readonly RegExp[]): number {
  for (const re of regexes) {
    re.lastIndex = 0;
    re.exec('warm up');
    re.lastIndex = 0;
  }
  return regexes.length;
}

/**
 * Compiles every other-language regex of the phrase rules (compiled on first use instead, the first
 * message in another language waited for them). Run before the server listens (warm-up.ts).
 */
export function compileEveryReading(): number {
  return compileRegexes(FOREIGN_REGEXES);
}

/** Each other language's common words (LanguagePack.commonWords), as a bit per language in OTHERS order. */
const COMMON_WORDS = new Map<string, number>();
OTHERS.forEach((pack, i) => {
  for (const word of pack.commonWords) COMMON_WORDS.set(word, (COMMON_WORDS.get(word) ?? 0) | (1 << i));
});

/** Words as the common-word lists spell them: letters, an elision with its apostrophe ("l'", "j'"). */
const TOKEN_RE = /[A-Za-z\u00C0-\u024F]+'?/g;

/** How many of a text's words are each other language's common words (OTHERS order), of how many words. */
export interface CommonWordCounts {
  counts: readonly number[];
  words: number;
  /** The text's length: a single 250 kB token is no short message. */
  chars: number;
}

/** Counted on the first pages of a text: one that holds none of a language's common words there holds none later. */
const COUNTED_CHARS = 5000;

export function countCommonWords(text: string): CommonWordCounts {
  const counts = OTHERS.map(() => 0);
  let words = 0;
  const sample = text.slice(0, COUNTED_CHARS);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sample); m; m = TOKEN_RE.exec(sample)) {
    words += 1;
    const word = m[0].toLowerCase();
    const bits = COMMON_WORDS.get(word) ?? (word.endsWith("'") ? COMMON_WORDS.get(word.slice(0, -1)) : undefined);
    if (bits) for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i]! += 1;
  }
  return { counts, words, chars: text.length };
}

/**
 * Fewer words than this, in fewer characters, say too little to tell a language by its common
 * words ("no me sirve").
 */
const FEW_WORDS = 6;
const FEW_CHARS = 80;

/** A language is read in a text when one word in this many is its common word (a stray "de" in English is not enough). */
const HINT_SHARE = 25;

/**
 * The other languages whose phrases a message is read in, in PACKS order: those whose common words
 * it holds (at least one word in 25 of a long message), or all of them when it is too short to tell
 * (a short message costs little to read).
 */
export function languagesToRead(counted: CommonWordCounts): readonly LanguageCode[] {
  if (counted.words < FEW_WORDS && counted.chars < FEW_CHARS) return OTHER_CODES;
  const needed = Math.max(1, counted.words / HINT_SHARE);
  return OTHERS.filter((_, i) => counted.counts[i]! >= needed).map((pack) => pack.code);
}

/**
 * The language the customer writes in, for what Baton says back to them: another of our languages
 * when a fifth of the customer's words are its common words (a stray "de" or "die" in English is no
 * French or German) and tinyld places their text in it (tinyld alone calls some English sentences
 * German), else English. English text costs no detection. `counted`: each text's countCommonWords.
 */
export function customerLanguage(texts: readonly string[], counted: readonly CommonWordCounts[]): LanguageCode {
  const words = counted.reduce((sum, c) => sum + c.words, 0);
  const leaning = OTHERS.filter((_, i) => {
    const uses = counted.reduce((sum, c) => sum + c.counts[i]!, 0);
    return uses > 0 && uses * 5 >= words;
  }).map((pack) => pack.code);
  if (leaning.length === 0) return 'en';
  // The first thousand characters tell the language as well as a whole long conversation does.
  const main = detect(texts.join('\n').slice(0, 1000)).main;
  return main !== undefined && leaning.includes(main) ? main : 'en';
}

const all = (pick: (p: LanguagePack) => readonly string[]) => PACKS.flatMap(pick);

export interface NegationPatterns {
  /** A refusal of what follows: the clause before a match is read for it ("no quiero"). */
  refusal: RegExp;
  /** A plain negation within the last few words before a match ("wasn't hacked", "nicht gestohlen"). */
  negation: RegExp;
  /** A negation word anywhere in the text (no scope). */
  negationWord: RegExp;
}

function negationPatternsOf(packs: readonly LanguagePack[]): NegationPatterns {
  return {
    refusal: new RegExp(packs.flatMap((p) => p.refusals).join('|'), 'i'),
    negation: new RegExp(`(?:${packs.flatMap((p) => p.negations).join('|')})[^\\s]*\\s*(?:\\S+\\s+){0,2}$`, 'i'),
    negationWord: new RegExp(packs.flatMap((p) => p.negations).join('|'), 'i'),
  };
}

const ALL_NEGATIONS = negationPatternsOf(PACKS);
/** Per set of languages (at most 2^6: English is in every set detection returns). */
const negationsByLanguages = new Map<string, NegationPatterns>();

/**
 * The negation words of the languages a message may be written in (every language's when that cannot
 * be told): Spanish "no" just before a word refuses it ("no cancelar"), English "no refund yet" is a
 * refund not yet paid, so another language's negation must not read English text.
 */
export function negationPatterns(languages?: ReadonlySet<LanguageCode>): NegationPatterns {
  if (!languages) return ALL_NEGATIONS;
  const key = [...languages].sort().join(',');
  let patterns = negationsByLanguages.get(key);
  if (!patterns) negationsByLanguages.set(key, (patterns = negationPatternsOf(PACKS.filter((p) => languages.has(p.code)))));
  return patterns;
}

/** A refund settled or asked about in general, in the other languages (LanguagePack.refundSettled). */
export const REFUND_SETTLED_RE = new RegExp(all((p) => p.refundSettled ?? []).join('|'), 'i');

/** "Just curious", "in general", "por curiosidad": the message asks in general, not about a case now. */
export const GENERAL_ASK_RE = new RegExp(all((p) => p.generalAsks).join('|'), 'i');

/**
 * Ends of clauses: punctuation, and "but" in every language. A point, comma or colon between digits
 * is part of a number or a clock time ("11:10", "1,000", "5.30"), not the end of a clause.
 */
export const CLAUSE_BREAK_RE = new RegExp(`(?<!\\d)[.,:]|[.,:](?!\\d)|[!?;\\n()]|\\b(?:${all((p) => p.clauseBreaks).join('|')})\\b`, 'gi');
/** Any word a date in one of our languages holds (month or weekday names, "yesterday", "gestern"). */
export const DATE_WORD_RE = new RegExp(PACKS.map((p) => p.dateWords).join('|'), 'i');

/** Words just before a date that say it is still to come, in any language (see facts/nearest-day.ts). */
export const FUTURE_CUE_RE = new RegExp(all((p) => p.futureCues).join('|'), 'i');
/** Words that place a weekday in a week ("next Friday", "nächsten Freitag"): chrono's reading stands. */
export const WEEK_MODIFIER_RE = new RegExp(all((p) => p.weekModifiers).join('|'), 'i');

export interface DateReader {
  code: LanguageCode;
  parse: LanguagePack['parseDates'];
}

const EN_READER: DateReader = { code: 'en', parse: EN.parseDates };
const FOREIGN_DATE_WORDS = OTHERS.map((p) => ({ code: p.code, words: new RegExp(p.dateWords, 'i'), parse: p.parseDates }));
const ANY_FOREIGN_DATE_WORD = new RegExp(OTHERS.map((p) => p.dateWords).join('|'), 'i');

/**
 * chrono's parsers to read `text` with: English always; another language's when the text holds one
 * of its date words and may be written in it (asked of detect.ts only then, so English text costs
 * nothing). When the text is too short to tell, every language whose words appear is read.
 */
export function dateReaders(text: string, languages: () => ReadonlySet<LanguageCode> | undefined): DateReader[] {
  if (!ANY_FOREIGN_DATE_WORD.test(text)) return [EN_READER];
  const candidates = FOREIGN_DATE_WORDS.filter((r) => r.words.test(text));
  if (candidates.length === 0) return [EN_READER];
  const plausible = languages();
  return [EN_READER, ...candidates.filter((r) => plausible === undefined || plausible.has(r.code))];
}
