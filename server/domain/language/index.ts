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

export { detectLanguages } from './detect';
export type { LanguageCode, LanguagePack, PhraseKey } from './types';

export const PACKS: readonly LanguagePack[] = [EN, ES, FR, DE, PT, IT, NL];
const OTHERS = PACKS.filter((p) => p.code !== 'en');

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
 * The rules with what the other languages say for each key added to its regex as one named group,
 * `(?<foreign>…)`, after the English alternatives: the messages are still read once per rule, and
 * only a match inside that group is checked against the languages' own sticky regexes (`foreign`),
 * which tell the scan which languages it is a phrase of, so a match in a language the message is not
 * written in is dropped (scan.ts); "pedido" is Spanish and Portuguese alike.
 */
export function withLanguages(rules: readonly PhraseRule[]): PhraseRule[] {
  const seen = new Set<string>();
  return rules.map((rule) => {
    // A key's later rules are narrower readings of it (safety's injuries need a cause): the other
    // languages' phrases join the first rule of the key only.
    if (seen.has(rule.key)) return rule;
    seen.add(rule.key);
    const foreign = new Map<LanguageCode, RegExp>();
    for (const pack of OTHERS) {
      const phrases = pack.phrases[rule.key as PhraseKey];
      if (phrases?.length) foreign.set(pack.code, compile(phrases, 'iy'));
    }
    if (foreign.size === 0) return rule;
    const others = OTHERS.flatMap((pack) => pack.phrases[rule.key as PhraseKey] ?? []).map((p) => `(?:${p})`);
    const source = `${rule.re.source}|(?<foreign>${others.join('|')})`;
    const flags = NEEDS_UNICODE_RE.test(source) && !rule.re.flags.includes('u') ? `${rule.re.flags}u` : rule.re.flags;
    return { ...rule, re: new RegExp(source, flags), foreign };
  });
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

/** "Just curious", "in general", "por curiosidad": the message asks in general, not about a case now. */
export const GENERAL_ASK_RE = new RegExp(all((p) => p.generalAsks).join('|'), 'i');

/** Ends of clauses: punctuation, and "but" in every language. */
export const CLAUSE_BREAK_RE = new RegExp(`[.!?;,:\\n()]|\\b(?:${all((p) => p.clauseBreaks).join('|')})\\b`, 'gi');
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
