import type { Category, TriggerCode } from '../codes';
import { featureIds, type FeatureSpace } from './features';

/**
 * The intent model at inference: a fastText-style classifier. A sentence's vector is the mean of
 * its hashed features' embeddings (int8, one scale per bucket); one softmax over the training sets'
 * own fine-grained labels (Banking77's `card_payment_fee_charged` and `extra_charge_on_statement` are
 * learnt apart, though only the second is a dispute), and one softmax over categories. A code's score
 * is the probability mass of the labels that map to it (label-map.ts), so near neighbours that are
 * not the code (a question about a fee) keep their own mass instead of blurring the code.
 * The same vector is the space tenants' own examples are compared in (cosine, nearest neighbour).
 * Pure arithmetic in a fixed order: the same text gives the same scores on every run.
 */

export interface IntentMeta {
  format: 'baton-intent-model';
  version: 1;
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
  /** Output layer, row-major: (labels + categories) rows × dim, then one bias per row. */
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

export class IntentModel {
  private readonly rows: number;

  constructor(
    readonly meta: IntentMeta,
    /** buckets × dim, int8. */
    readonly embeddings: Int8Array,
    /** One dequantisation scale per bucket (0 for buckets training never saw). */
    readonly scales: Float32Array,
  ) {
    this.rows = meta.labels.length + meta.categories.length;
    if (embeddings.length !== meta.space.buckets * meta.dim) throw new Error('intent model: embedding size does not match its header');
    if (scales.length !== meta.space.buckets) throw new Error('intent model: scale count does not match its header');
    if (meta.out_weights.length !== this.rows * meta.dim || meta.out_bias.length !== this.rows) {
      throw new Error('intent model: output layer size does not match its header');
    }
  }

  /** Mean embedding of the sentence's features. */
  embed(text: string): Float32Array {
    const { dim } = this.meta;
    const out = new Float32Array(dim);
    const ids = featureIds(text, this.meta.space);
    if (ids.length === 0) return out;
    for (const id of ids) {
      const scale = this.scales[id]!;
      if (scale === 0) continue;
      const base = id * dim;
      for (let d = 0; d < dim; d++) out[d]! += this.embeddings[base + d]! * scale;
    }
    const inv = 1 / ids.length;
    for (let d = 0; d < dim; d++) out[d]! *= inv;
    return out;
  }

  /** Scores of a sentence vector. */
  scoreVector(vector: Float32Array): SentenceScores {
    const { dim, codes, labels, label_codes: labelCodes, out_weights: w, out_bias: b } = this.meta;
    const logits = new Float32Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      let s = b[r]!;
      const base = r * dim;
      for (let d = 0; d < dim; d++) s += w[base + d]! * vector[d]!;
      logits[r] = s;
    }
    const labelScores = softmax(logits.subarray(0, labels.length));
    const codeScores = new Float32Array(codes.length);
    for (let l = 0; l < labels.length; l++) for (const k of labelCodes[l]!) codeScores[k]! += labelScores[l]!;
    const catScores = softmax(logits.subarray(labels.length));
    return { vector, codes: codeScores, categories: catScores };
  }

  score(text: string): SentenceScores {
    return this.scoreVector(this.embed(text));
  }
}

function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
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
