import { detectAll } from 'tinyld/light';
import { LANGUAGES, type LanguageCode } from './types';

/**
 * Which of our languages a text may be written in, from tinyld (its "light" profile: 70 kB, loads in
 * a fraction of the "normal" one's time, and picks the same top language on our languages). tinyld
 * guesses wildly on a few words ("human pls" comes out French), so a text is only placed when it is
 * long enough and tinyld is sure enough; otherwise the answer is "any of them" and every language's
 * phrases are read, as before detection existed. Languages scoring at least half the best one stay
 * in (Spanish and Italian look alike in a short sentence). English is always in: customers mix it
 * into every language, and the English tables are the base the others add to.
 */

/** Fewer letters than this and a guess is noise: read every language. */
export const MIN_LETTERS = 16;
/** tinyld's score for the best language must reach this, else read every language. */
export const MIN_ACCURACY = 0.05;
/** Enough text to tell a language apart; detection cost grows with length. */
const READ_CHARS = 240;

const LETTERS_RE = /\p{L}/gu;

function letterCount(text: string): number {
  LETTERS_RE.lastIndex = 0;
  let n = 0;
  while (LETTERS_RE.exec(text) && n < MIN_LETTERS) n += 1;
  return n;
}

/** What detection says of a text: the languages it may be in, and the one it is most likely in. */
export interface Detection {
  /** English first; `undefined` when it cannot be told (read them all). */
  languages: ReadonlySet<LanguageCode> | undefined;
  /** The likeliest language, when the text can be placed at all. */
  main: LanguageCode | undefined;
}

const UNTOLD: Detection = { languages: undefined, main: undefined };

export function detect(text: string): Detection {
  const sample = text.slice(0, READ_CHARS);
  if (letterCount(sample) < MIN_LETTERS) return UNTOLD;
  const scores = detectAll(sample, { only: [...LANGUAGES] });
  const best = scores[0];
  if (!best || best.accuracy < MIN_ACCURACY) return UNTOLD;
  const plausible = new Set<LanguageCode>(['en']);
  for (const s of scores) if (s.accuracy >= best.accuracy / 2) plausible.add(s.lang as LanguageCode);
  return { languages: plausible, main: best.lang as LanguageCode };
}

/** The languages `text` may be in, English first; `undefined` when it cannot be told (read them all). */
export function detectLanguages(text: string): ReadonlySet<LanguageCode> | undefined {
  return detect(text).languages;
}
