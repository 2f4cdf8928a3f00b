import type { Category, TriggerCode } from '../codes';
import { bigramId, wordFeatureIds, words, type FeatureSpace } from './features';

/**
 * The intent model at inference: a fastText-style classifier. A sentence's vector is the mean of
 * its hashed features' embeddings (int8, one scale per bucket) plus the weighted mean of its words'
 * vectors (int8, one scale per word): for each word of the shipped vocabulary, its pre-trained GloVe
 * vector projected by a matrix learnt in training (the projection is applied once, at training, so
 * only the projected vectors ship). A word is weighted by its rarity, rank / (rank + word_rank_offset)
 * in GloVe's frequency order ("the" counts little, "refund" fully). Then, when the header has one, a
 * hidden ReLU layer, added to the vector when `hidden_residual` (v + ReLU(W·v + b): 32 × 32 more
 * multiplications per sentence, about a tenth of the output layer's). One softmax over the training sets'
 * own fine-grained labels (Banking77's `card_payment_fee_charged` and `extra_charge_on_statement` are
 * learnt apart, though only the second is a dispute), and one softmax over categories. A code's score
 * is the probability mass of the labels that map to it (label-map.ts), so near neighbours that are
 * not the code (a question about a fee) keep their own mass instead of blurring the code.
 * The same vector is the space tenants' own examples are compared in (cosine after centring on the
 * training sentences' mean, nearest neighbour).
 * Pure arithmetic in a fixed order: the same text gives the same scores on every run.
 */

export interface IntentMeta {
  format: 'baton-intent-model';
  version: 2;
  space: FeatureSpace;
  dim: number;
  codes: TriggerCode[];
  /** Fine-grained labels the softmax runs over (`source:label`), and per label the indices of its codes. */
  labels: string[];
  label_codes: number[][];
  categories: Category[];
  /** Per code: a sentence scoring at or above fires the code (chosen on validation data, see train.ts). */
  thresholds: Partial<Record<TriggerCode, number>>;
  /** A sentence's category counts as a keyword signal at or above this probability. */
  category_threshold: number;
  /** A tenant example applies to a sentence at or above this cosine similarity. */
  example_similarity: number;
  /**
   * Words that have a vector, most frequent first (GloVe order); the embeddings file holds their
   * projected vectors after the buckets'.
   */
  vocabulary: string[];
  /** A word's weight in the mean of word vectors is rank / (rank + this), rank counted from 1. */
  word_rank_offset: number;
  /**
   * Mean vector of the training sentences. Similarity between sentences (tenant examples) is the
   * cosine after subtracting it: every sentence shares the common words' direction, which otherwise
   * makes any two sentences look alike.
   */
  vector_mean: number[];
  /**
   * Optional hidden layer between the sentence vector and the softmaxes: units × dim weights
   * (row-major) and one bias per unit, ReLU. Absent: the softmaxes read the sentence vector itself.
   */
  hidden_weights?: number[];
  hidden_bias?: number[];
  /**
   * When set, word pairs are averaged apart from the words' own features and their mean is added with
   * this weight: in one mean with some thirty word and character pieces, "someone changed" weighs as
   * little as any piece, and who did what is lost. Absent: pairs share the one mean.
   */
  pair_weight?: number;
  /**
   * With pair_weight: each pair counts by the rarer of its two words (wordWeight, 1 for a word with no
   * vector), so "this is" and "of the" say little and "someone changed" says much. The pairs' sum is
   * still divided by their number: a sentence of common pairs adds little, not the same as any other.
   */
  pair_rarity?: boolean;
  /** The hidden layer's output is added to the sentence vector (units = dim) instead of replacing it. */
  hidden_residual?: boolean;
  /** Output layer, row-major: (labels + categories) rows × its input width (hidden units, else dim), then one bias per row. */
  out_weights: number[];
  out_bias: number[];
  /** sha256 of everything training read (data files, label map, own suite, code, configuration). */
  training_hash: string;
  /** The parts of training_hash, so a test can tell which input changed. */
  training_inputs: { config: unknown; files: Record<string, string> };
  /** sha256 of the embeddings file written with this header. */
  embeddings_sha256: string;
}

export interface SentenceScores {
  /** The sentence's vector (mean embedding); all zeros when no feature is known. */
  vector: Float32Array;
  /** Probability per code, in `meta.codes` order. */
  codes: Float32Array;
  /** Probability per category, in `meta.categories` order. */
  categories: Float32Array;
}

/** Distinct sentences whose scores a model remembers (least recently used forgotten first; about 2 MB). */
export const SCORE_CACHE_SIZE = 4096;

/** Distinct words whose features a model keeps summed (about 2.5 MB when full; then forgotten at once). */
const WORD_CACHE_SIZE = 8192;

interface WordPiece {
  sum: Float32Array;
  count: number;
  vector: Float32Array;
  weight: number;
}

export class IntentModel {
  private readonly rows: number;
  private readonly vocabulary: Map<string, number>;
  private readonly outWeights: Float32Array;
  private readonly outBias: Float32Array;
  /** Hidden layer (units × dim) and its biases; units is 0 without one. */
  private readonly hiddenWeights: Float32Array;
  private readonly hiddenBias: Float32Array;
  private readonly units: number;
  /** Width of what the output layer reads: the hidden units, else the sentence vector. */
  private readonly width: number;
  private readonly hiddenOut: Float32Array;
  /** (label, code) pairs of label_codes, flat: a code's score sums its labels' probabilities. */
  private readonly pairLabel: Int32Array;
  private readonly pairCode: Int32Array;
  /** Scratch space for one sentence's logits (scoring is synchronous, so one buffer serves every call). */
  private readonly logits: Float64Array;
  private readonly wordSum: Float64Array;
  private readonly hashSum: Float64Array;
  private readonly pairSum: Float64Array;
  private readonly pieces = new Map<string, WordPiece>();
  private readonly cache = new Map<string, SentenceScores>();

  constructor(
    readonly meta: IntentMeta,
    /** buckets × dim, int8. */
    readonly embeddings: Int8Array,
    /** One dequantisation scale per bucket (0 for buckets training never saw). */
    readonly scales: Float32Array,
    /** vocabulary × dim, int8: the words' projected vectors. */
    readonly wordVectors: Int8Array,
    /** One dequantisation scale per word. */
    readonly wordScales: Float32Array,
  ) {
    this.rows = meta.labels.length + meta.categories.length;
    if (embeddings.length !== meta.space.buckets * meta.dim) throw new Error('intent model: embedding size does not match its header');
    if (scales.length !== meta.space.buckets) throw new Error('intent model: scale count does not match its header');
    if (wordVectors.length !== meta.vocabulary.length * meta.dim || wordScales.length !== meta.vocabulary.length) {
      throw new Error('intent model: word vector count does not match its header');
    }
    this.hiddenWeights = Float32Array.from(meta.hidden_weights ?? []);
    this.hiddenBias = Float32Array.from(meta.hidden_bias ?? []);
    this.units = this.hiddenBias.length;
    if (this.hiddenWeights.length !== this.units * meta.dim) throw new Error('intent model: hidden layer size does not match its header');
    if (meta.hidden_residual && this.units !== meta.dim) throw new Error('intent model: a residual hidden layer must be as wide as the sentence vector');
    this.width = this.units > 0 ? this.units : meta.dim;
    this.hiddenOut = new Float32Array(this.width);
    if (meta.out_weights.length !== this.rows * this.width || meta.out_bias.length !== this.rows) {
      throw new Error('intent model: output layer size does not match its header');
    }
    this.vocabulary = new Map(meta.vocabulary.map((w, i) => [w, i]));
    this.outWeights = Float32Array.from(meta.out_weights);
    this.outBias = Float32Array.from(meta.out_bias);
    const pairs = meta.label_codes.flatMap((codes, label) => codes.map((code) => [label, code] as const));
    this.pairLabel = Int32Array.from(pairs, ([label]) => label);
    this.pairCode = Int32Array.from(pairs, ([, code]) => code);
    this.logits = new Float64Array(this.rows);
    this.wordSum = new Float64Array(meta.dim);
    this.hashSum = new Float64Array(meta.dim);
    this.pairSum = new Float64Array(meta.dim);
  }

  /** The sentence's vector: mean embedding of its hashed features plus the weighted mean of its word vectors. */
  embed(text: string): Float32Array {
    const { dim, space } = this.meta;
    const out = new Float32Array(dim);
    const ws = words(text);
    if (ws.length === 0) return out;
    const acc = this.hashSum;
    acc.fill(0);
    const glove = this.wordSum;
    glove.fill(0);
    const pairWeight = this.meta.pair_weight ?? 0;
    const pairs = pairWeight > 0 ? this.pairSum : acc;
    pairs.fill(0);
    const rarity = pairWeight > 0 && this.meta.pair_rarity === true;
    let previousWeight = 0;
    let count = 0;
    let weights = 0;
    for (let i = 0; i < ws.length; i++) {
      const piece = this.wordPiece(ws[i]!);
      count += piece.count;
      for (let d = 0; d < dim; d++) acc[d]! += piece.sum[d]!;
      const ownWeight = piece.weight > 0 ? piece.weight : 1;
      if (i > 0) {
        if (pairWeight === 0) count += 1;
        this.addBucket(pairs, bigramId(ws[i - 1]!, ws[i]!, space), rarity ? Math.max(previousWeight, ownWeight) : 1);
      }
      previousWeight = ownWeight;
      if (piece.weight > 0) {
        weights += piece.weight;
        for (let d = 0; d < dim; d++) glove[d]! += piece.vector[d]!;
      }
    }
    const pairScale = pairWeight > 0 && ws.length > 1 ? pairWeight / (ws.length - 1) : 0;
    for (let d = 0; d < dim; d++) out[d] = acc[d]! / count + pairScale * pairs[d]! + (weights > 0 ? glove[d]! / weights : 0);
    return out;
  }

  /** Adds a bucket's dequantised embedding to `acc` (buckets training never saw add nothing). */
  private addBucket(acc: Float64Array, id: number, weight = 1): void {
    const scale = this.scales[id]! * weight;
    if (scale === 0) return;
    const { dim } = this.meta;
    const emb = this.embeddings;
    const base = id * dim;
    for (let d = 0; d < dim; d++) acc[d]! += emb[base + d]! * scale;
  }

  /**
   * What one word brings, whatever sentence it is in: the sum of its own hashed features' embeddings
   * and how many there are, and its weighted word vector. Remembered per word (words recur far more
   * than sentences do); the sums are made in the same order every time, so remembering changes no score.
   */
  private wordPiece(w: string): WordPiece {
    const known = this.pieces.get(w);
    if (known) return known;
    const { dim, space } = this.meta;
    const ids = wordFeatureIds(w, space);
    const acc = new Float64Array(dim);
    for (const id of ids) this.addBucket(acc, id);
    const sum = Float32Array.from(acc);
    const index = this.vocabulary.get(w);
    const vector = new Float32Array(dim);
    let weight = 0;
    if (index !== undefined) {
      weight = wordWeight(index, this.meta.word_rank_offset);
      const scale = this.wordScales[index]! * weight;
      const base = index * dim;
      for (let d = 0; d < dim; d++) vector[d] = this.wordVectors[base + d]! * scale;
    }
    const piece = { sum, count: ids.length, vector, weight };
    if (this.pieces.size >= WORD_CACHE_SIZE) this.pieces.clear();
    this.pieces.set(w, piece);
    return piece;
  }

  /** Scores of a sentence vector. */
  scoreVector(vector: Float32Array): SentenceScores {
    const { codes, labels } = this.meta;
    const input = this.units > 0 ? this.hidden(vector) : vector;
    const dim = this.width;
    const w = this.outWeights;
    const b = this.outBias;
    const logits = this.logits;
    const K = labels.length;
    // Four running sums: about 1.7 times faster in V8 than one (this loop is most of the model's time).
    const tail = dim - (dim % 4);
    for (let r = 0; r < this.rows; r++) {
      let s0 = b[r]!;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const base = r * dim;
      for (let d = 0; d < tail; d += 4) {
        s0 += w[base + d]! * input[d]!;
        s1 += w[base + d + 1]! * input[d + 1]!;
        s2 += w[base + d + 2]! * input[d + 2]!;
        s3 += w[base + d + 3]! * input[d + 3]!;
      }
      for (let d = tail; d < dim; d++) s0 += w[base + d]! * input[d]!;
      logits[r] = s0 + s1 + s2 + s3;
    }
    softmaxInPlace(logits, 0, K);
    softmaxInPlace(logits, K, this.rows);
    const codeScores = new Float32Array(codes.length);
    const { pairLabel, pairCode } = this;
    for (let i = 0; i < pairLabel.length; i++) codeScores[pairCode[i]!]! += logits[pairLabel[i]!]!;
    const catScores = Float32Array.from(logits.subarray(K, this.rows));
    return { vector, codes: codeScores, categories: catScores };
  }

  /** The hidden layer's output for a sentence vector: ReLU(W·v + b), in a shared buffer. */
  private hidden(vector: Float32Array): Float32Array {
    const { dim } = this.meta;
    const w = this.hiddenWeights;
    const b = this.hiddenBias;
    const z = this.hiddenOut;
    for (let u = 0; u < this.units; u++) {
      let s = b[u]!;
      const base = u * dim;
      for (let d = 0; d < dim; d++) s += w[base + d]! * vector[d]!;
      z[u] = s > 0 ? s : 0;
    }
    if (this.meta.hidden_residual) for (let u = 0; u < this.units; u++) z[u]! += vector[u]!;
    return z;
  }

  /**
   * Scores of a sentence. Remembered for the last SCORE_CACHE_SIZE distinct sentences: a conversation
   * is decided again at every new message, and its earlier sentences need not be scored again (the
   * result is the same, scoring being deterministic). Callers must not modify what it returns.
   */
  score(text: string): SentenceScores {
    const cached = this.cache.get(text);
    if (cached) {
      this.cache.delete(text);
      this.cache.set(text, cached);
      return cached;
    }
    const scores = this.scoreVector(this.embed(text));
    if (this.cache.size >= SCORE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(text, scores);
    return scores;
  }

  /** Cosine similarity of two sentence vectors, centred on the training sentences' mean. */
  similarity(a: Float32Array, b: Float32Array): number {
    return centredCosine(a, b, this.meta.vector_mean);
  }

  /** Forgets every remembered sentence (the benchmark measures scoring from cold with it). */
  clearCache(): void {
    this.cache.clear();
  }
}

/** A word's weight in the mean of word vectors: frequent words ("the", "to") count little. */
export function wordWeight(index: number, offset: number): number {
  return (index + 1) / (index + 1 + offset);
}

/** Softmax of logits[from, to), in place. */
function softmaxInPlace(logits: Float64Array, from: number, to: number): void {
  let max = -Infinity;
  for (let i = from; i < to; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  // exp(-40) is 4e-18 of the largest term: such labels are set to 0 without calling exp.
  for (let i = from; i < to; i++) sum += logits[i] = logits[i]! - max < -40 ? 0 : Math.exp(logits[i]! - max);
  for (let i = from; i < to; i++) logits[i]! /= sum;
}

/** Cosine similarity of a − mean and b − mean (0 when either is all zeros). */
export function centredCosine(a: Float32Array, b: Float32Array, mean: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - (mean[i] ?? 0);
    const y = b[i]! - (mean[i] ?? 0);
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
