/**
 * Featurisation shared by training and inference, so the two can never disagree: a sentence becomes
 * a list of bucket ids in a fixed hashed space (fastText-style). Three kinds of feature:
 * - word unigrams: the words themselves;
 * - word bigrams: word order that single words lose ("talk to", "not working");
 * - character 3–5-grams of each word with boundary marks ("<som", "omeo"): a typo ("somone") still
 *   shares most of its pieces with the word it meant, and so do inflections ("cancelled", "cancelling").
 * Digits become 0 (an order number is not a word to learn) and text is lower-cased with accents kept.
 * Hashing (FNV-1a, 32 bit) keeps the vocabulary out of the weights file: any string maps to a bucket.
 *
 * Beside them, each word found in the shipped vocabulary (the most frequent words of pre-trained GloVe
 * vectors) brings its word vector: words no training sentence used ("pieces", "dent", "staff") land
 * near the words they mean instead of on noise.
 */

export interface FeatureSpace {
  /** Number of hashed buckets (a power of two). */
  buckets: number;
  /** Smallest and largest character n-gram. */
  minN: number;
  maxN: number;
}

const WORD_RE = /[\p{L}\p{N}']+/gu;
const DIGIT_RE = /\p{N}/gu;
/** Words longer than this are cut: a pasted token or URL must not cost thousands of n-grams. */
const MAX_WORD = 24;
/** Sentences longer than this many words are read only this far (the model scores sentences). */
export const MAX_WORDS = 60;

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV offset bases, one per feature kind, so "ab" as a word and as a character piece differ. */
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x050c5d1f;
const CHAR_SEED = 0x3b9aca07;

const APOSTROPHE = 0x27;

/**
 * A word without its leading and trailing apostrophes. Not `replace(/^'+|'+$/g, '')`: on a word with
 * a long run of them inside ("x'''…'y") that pattern retries the run from each of its characters
 * (quadratic time; 60,000 apostrophes took 4 s).
 */
function trimApostrophes(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && word.charCodeAt(start) === APOSTROPHE) start += 1;
  while (end > start && word.charCodeAt(end - 1) === APOSTROPHE) end -= 1;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

/** The words of a sentence as the model reads them. */
export function words(text: string): string[] {
  const lower = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(DIGIT_RE, '0');
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m && out.length < MAX_WORDS; m = WORD_RE.exec(lower)) {
    const w = trimApostrophes(m[0]);
    if (w) out.push(w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w);
  }
  return out;
}

/**
 * Bucket ids of one word's own features: the word, then its character n-grams. Character n-grams are
 * hashed incrementally: FNV-1a is sequential, so the hash of a piece of n+1 characters continues from
 * the piece of n, and no substring is ever built.
 */
export function wordFeatureIds(w: string, space: FeatureSpace, ids: number[] = []): number[] {
  const mask = space.buckets - 1;
  const { minN, maxN } = space;
  ids.push(fnv1a(w, WORD_SEED) & mask);
  const len = w.length + 2; // with the boundary marks '<' and '>'
  for (let s = 0; s + minN <= len; s++) {
    let h = CHAR_SEED;
    for (let k = s; k < s + maxN && k < len; k++) {
      h ^= k === 0 ? 60 : k === len - 1 ? 62 : w.charCodeAt(k - 1);
      h = Math.imul(h, 0x01000193);
      const n = k - s + 1;
      // The whole marked word is already a unigram feature.
      if (n >= minN && n !== len) ids.push((h >>> 0) & mask);
    }
  }
  return ids;
}

/** Bucket id of a word pair. */
export function bigramId(previous: string, w: string, space: FeatureSpace): number {
  return fnv1a(`${previous} ${w}`, BIGRAM_SEED) & (space.buckets - 1);
}

/** Bucket ids of every feature of the words `ws` (repeats kept: a word said twice weighs twice). */
export function featureIdsOfWords(ws: readonly string[], space: FeatureSpace): number[] {
  const ids: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (i > 0) ids.push(bigramId(ws[i - 1]!, ws[i]!, space));
    wordFeatureIds(ws[i]!, space, ids);
  }
  return ids;
}

/** Bucket ids of the word pairs of `ws` alone (for a model that reads them apart, IntentMeta.pair_weight). */
export function pairIdsOfWords(ws: readonly string[], space: FeatureSpace): number[] {
  const ids: number[] = [];
  for (let i = 1; i < ws.length; i++) ids.push(bigramId(ws[i - 1]!, ws[i]!, space));
  return ids;
}

/** Bucket ids of the words' own features alone (words and character pieces, no pairs). */
export function wordIdsOfWords(ws: readonly string[], space: FeatureSpace): number[] {
  const ids: number[] = [];
  for (const w of ws) wordFeatureIds(w, space, ids);
  return ids;
}

/** Bucket ids of every feature of `text`. */
export function featureIds(text: string, space: FeatureSpace): number[] {
  return featureIdsOfWords(words(text), space);
}
