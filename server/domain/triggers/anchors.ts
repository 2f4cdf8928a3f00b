import { createHash } from 'node:crypto';
// Imported, not read from disk at run time, so `npm run build` emits it beside the compiled code.
import STORED from './anchors.json';

/**
 * Anchors of the phrase rules' regexes: words every match of a regex contains whole, so a message
 * holding none of them is not scanned with it. Nearly every (rule, message) pair is a miss, and a
 * miss costs the regex engine a try of every alternative at every position of the message; a
 * look-up of the message's words costs almost nothing. The regexes stay the only judges of a match.
 *
 * The anchors are found from each regex's syntax by anchor-finder.ts and written to anchors.json
 * (`npm run build:anchors`), keyed by a hash of the regex's flags and source. A regex the file does
 * not know (a phrase edited since) has no anchors here and is run on every message, as before: a
 * stale file costs speed, never a match. test/domain/anchors.test.ts fails until it is rewritten.
 */

/** The key of a regex in anchors.json. */
export function anchorKey(re: RegExp): string {
  return createHash('sha256').update(`${re.flags}/${re.source}`).digest('base64url').slice(0, 22);
}

/** anchors.json: the anchors of each regex by anchorKey(); null for a regex without. */
export type StoredAnchors = Record<string, string[] | null>;

const stored: StoredAnchors = STORED;

/** The anchors anchors.json holds for `re`, or undefined (none, or a regex it does not know). */
export function storedAnchorsOf(re: RegExp): ReadonlySet<string> | undefined {
  const key = anchorKey(re);
  const words = Object.hasOwn(stored, key) ? stored[key] : undefined;
  return words ? new Set(words) : undefined;
}

const NOT_LATIN_RE = /[^A-Za-z0-9\u00C0-\u024F]+/;
const NOT_ASCII_RE = /[^A-Za-z0-9]+/;
const NON_ASCII_RE = /[\u00C0-\u024F]/;

/**
 * A message's words as anchors are spelt: runs of letters and digits with the accented Latin
 * letters (what the phrase tables' letter edges bound) and, where one holds an accented letter, its
 * ASCII runs too (what `\b` bounds), lower-cased. Split before lower-casing: "K" (the Kelvin sign)
 * lower-cases to "k", and a regex reads it as no letter.
 */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.split(NOT_LATIN_RE)) {
    if (!word) continue;
    words.add(word.toLowerCase());
    if (NON_ASCII_RE.test(word)) for (const part of word.split(NOT_ASCII_RE)) if (part) words.add(part.toLowerCase());
  }
  return words;
}

/**
 * The anchors of a table's regexes, by word: for a message's words, which of the regexes may match
 * it, in one look-up per word (not one per regex and word).
 */
export class AnchorIndex {
  private readonly ids = new Map<RegExp, number>();
  private readonly byWord = new Map<string, number[]>();
  /** Regexes without anchors: they may match anything. */
  private readonly unanchored: number[] = [];

  constructor(regexes: Iterable<RegExp>) {
    for (const re of regexes) {
      if (this.ids.has(re)) continue;
      const id = this.ids.size;
      this.ids.set(re, id);
      const words = storedAnchorsOf(re);
      if (!words) {
        this.unanchored.push(id);
        continue;
      }
      for (const word of words) {
        const list = this.byWord.get(word);
        if (list) list.push(id);
        else this.byWord.set(word, [id]);
      }
    }
  }

  /** A test of whether a regex of the index may match a text with these words; regexes it does not hold may. */
  mayMatch(words: ReadonlySet<string>): (re: RegExp) => boolean {
    const may = new Uint8Array(this.ids.size);
    for (const id of this.unanchored) may[id] = 1;
    for (const word of words) {
      const ids = this.byWord.get(word);
      if (ids) for (const id of ids) may[id] = 1;
    }
    return (re) => {
      const id = this.ids.get(re);
      return id === undefined || may[id] === 1;
    };
  }
}
