import { CATEGORIES, type Category, type TriggerCode } from '../domain/codes';
import { featureIdsOfWords, words, type FeatureSpace } from '../domain/intent/features';
import { INTENT_CODES } from '../domain/intent/intent-codes';
import { IntentModel, wordWeight, type IntentMeta } from '../domain/intent/model';
import type { Row } from './datasets';
import { mulberry32, shuffleInPlace } from './random';

/**
 * Trains the fastText-style model (model.ts) with plain SGD and a linearly decaying learning rate:
 * mean of hashed feature embeddings plus a learnt projection of the weighted mean of the words'
 * pre-trained vectors (kept fixed, so a word training never saw still lands near its synonyms) → a softmax over the sets' fine-grained labels (cross-entropy)
 * and a softmax over categories (cross-entropy, only on rows whose label names a category). Single-threaded and seeded,
 * so two runs give identical floats.
 */
export interface TrainConfig {
  space: FeatureSpace;
  dim: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Neutral rows kept per (source, label): the chat-move labels of MultiDoGo run to tens of thousands. */
  neutralCapPerLabel: number;
  /** Times each own-suite row is repeated per epoch (it is small and carries whole codes alone). */
  ownRepeat: number;
  /** How many of the pre-trained vectors' most frequent (letters-only) words ship with the model. */
  vocabulary: number;
  /** A word's weight in the mean of word vectors: rank / (rank + this). */
  wordRankOffset: number;
  /**
   * Share of hashed features left out of each training step at random, so the model cannot lean on
   * the exact words of the training sets alone and learns to read the pre-trained word vectors too.
   */
  hashDropout: number;
}

/** Pre-trained word vectors for training: `words` in frequency order, each unit-length, `dim` wide. */
export interface WordVectors {
  words: string[];
  dim: number;
  vectors: Float32Array;
}

export const MODEL_CODES: readonly TriggerCode[] = INTENT_CODES;

interface Example {
  ids: Int32Array;
  /** Weighted mean of the sentence's pre-trained word vectors (null: none of its words has one). */
  glove: Float32Array | null;
  label: number;
  category: number; // -1 = none
}

/** The rows training uses: neutral rows capped per label in a seeded order; own rows repeated. */
export function selectTraining(rows: readonly Row[], config: TrainConfig): Row[] {
  const random = mulberry32(config.seed);
  const neutralByLabel = new Map<string, Row[]>();
  const out: Row[] = [];
  for (const r of rows) {
    if (r.codes.length === 0 && r.source !== 'own') {
      const key = r.label;
      const list = neutralByLabel.get(key);
      if (list) list.push(r);
      else neutralByLabel.set(key, [r]);
    } else {
      for (let i = 0; i < (r.source === 'own' ? config.ownRepeat : 1); i++) out.push(r);
    }
  }
  for (const key of [...neutralByLabel.keys()].sort()) {
    const list = shuffleInPlace([...neutralByLabel.get(key)!], random);
    out.push(...list.slice(0, config.neutralCapPerLabel));
  }
  return out;
}

function toExample(row: Row, config: TrainConfig, labels: ReadonlyMap<string, number>, wv: WordVectors, index: ReadonlyMap<string, number>): Example {
  const ws = words(row.text);
  let glove: Float32Array | null = null;
  let total = 0;
  for (const w of ws) {
    const i = index.get(w);
    if (i === undefined) continue;
    glove ??= new Float32Array(wv.dim);
    const weight = wordWeight(i, config.wordRankOffset);
    total += weight;
    for (let j = 0; j < wv.dim; j++) glove[j]! += weight * wv.vectors[i * wv.dim + j]!;
  }
  if (glove) for (let j = 0; j < wv.dim; j++) glove[j]! /= total;
  return {
    ids: Int32Array.from(featureIdsOfWords(ws, config.space)),
    glove,
    label: labels.get(row.label)!,
    category: row.category === null ? -1 : CATEGORIES.indexOf(row.category),
  };
}

export interface Trained {
  model: IntentModel;
  examples: number;
}

/** Trains on `rows` (already only the training split) and returns the quantised model. */
export function train(rows: readonly Row[], config: TrainConfig, trainingHash: string, wv: WordVectors): Trained {
  const selected = selectTraining(rows, config);
  // Labels in sorted order; each label's codes are those of its rows (a label maps to one target).
  const labels = [...new Set(selected.map((r) => r.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const labelCodes = labels.map(() => new Set<number>());
  for (const r of selected) for (const c of r.codes) labelCodes[labelIndex.get(r.label)!]!.add(MODEL_CODES.indexOf(c));
  const wordIndex = new Map(wv.words.map((w, i) => [w, i]));
  const examples = selected.map((r) => toExample(r, config, labelIndex, wv, wordIndex)).filter((e) => e.ids.length > 0);
  const random = mulberry32(config.seed ^ 0x9e3779b9);
  const { dim } = config;
  const buckets = config.space.buckets;
  const K = labels.length;
  const C = CATEGORIES.length;
  const R = K + C;

  const emb = new Float32Array(buckets * dim);
  for (let i = 0; i < emb.length; i++) emb[i] = (random() * 2 - 1) / dim;
  const seen = new Uint8Array(buckets);
  for (const e of examples) for (const id of e.ids) seen[id] = 1;
  const out = new Float32Array(R * dim);
  const bias = new Float32Array(R);
  const G = wv.dim;
  const proj = new Float32Array(dim * G); // dim × G, row-major: word vector → sentence space
  for (let i = 0; i < proj.length; i++) proj[i] = (random() * 2 - 1) / Math.sqrt(G);
  /** Which of the current example's hashed features this step keeps (dropout). */
  const keep = new Uint8Array(examples.reduce((m, e) => Math.max(m, e.ids.length), 0));

  const h = new Float32Array(dim);
  const gradH = new Float32Array(dim);
  const logits = new Float32Array(R);
  const order = examples.map((_, i) => i);
  const total = config.epochs * examples.length;
  let step = 0;

  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const idx of order) {
      const ex = examples[idx]!;
      const lr = config.learningRate * (1 - step / total);
      step += 1;
      h.fill(0);
      const n = ex.ids.length;
      let kept = 0;
      for (let i = 0; i < n; i++) {
        keep[i] = config.hashDropout > 0 && random() < config.hashDropout ? 0 : 1;
        if (!keep[i]) continue;
        kept += 1;
        const base = ex.ids[i]! * dim;
        for (let d = 0; d < dim; d++) h[d]! += emb[base + d]!;
      }
      const inv = kept > 0 ? 1 / kept : 0;
      for (let d = 0; d < dim; d++) h[d]! *= inv;
      const g = ex.glove;
      if (g) {
        for (let d = 0; d < dim; d++) {
          let s = 0;
          const base = d * G;
          for (let j = 0; j < G; j++) s += proj[base + j]! * g[j]!;
          h[d]! += s;
        }
      }
      for (let r = 0; r < R; r++) {
        if (r >= K && ex.category < 0) continue;
        let s = bias[r]!;
        const base = r * dim;
        for (let d = 0; d < dim; d++) s += out[base + d]! * h[d]!;
        logits[r] = s;
      }
      gradH.fill(0);
      const apply = (r: number, g: number) => {
        const base = r * dim;
        for (let d = 0; d < dim; d++) {
          gradH[d]! += g * out[base + d]!;
          out[base + d]! -= lr * g * h[d]!;
        }
        bias[r]! -= lr * g;
      };
      softmaxStep(logits, 0, K, (l) => (l === ex.label ? 1 : 0), apply);
      if (ex.category >= 0) softmaxStep(logits, K, C, (c) => (c === ex.category ? 1 : 0), apply);
      for (let i = 0; i < n; i++) {
        if (!keep[i]) continue;
        const base = ex.ids[i]! * dim;
        for (let d = 0; d < dim; d++) emb[base + d]! -= lr * gradH[d]! * inv;
      }
      if (g) {
        for (let d = 0; d < dim; d++) {
          const gd = lr * gradH[d]!;
          const base = d * G;
          for (let j = 0; j < G; j++) proj[base + j]! -= gd * g[j]!;
        }
      }
    }
  }

  // Every shipped word's vector, projected once: P · v (dim wide), int8 with one scale per word.
  const V = wv.words.length;
  const wordQ = new Int8Array(V * dim);
  const wordScales = new Float32Array(V);
  const u = new Float32Array(dim);
  for (let w = 0; w < V; w++) {
    let max = 0;
    for (let d = 0; d < dim; d++) {
      let s = 0;
      for (let j = 0; j < G; j++) s += proj[d * G + j]! * wv.vectors[w * G + j]!;
      u[d] = s;
      max = Math.max(max, Math.abs(s));
    }
    if (max === 0) continue;
    const scale = Math.fround(max / 127);
    wordScales[w] = scale;
    for (let d = 0; d < dim; d++) wordQ[w * dim + d] = Math.round(u[d]! / scale);
  }

  // int8 per bucket with one scale; buckets no training sentence used stay zero (no random noise at inference).
  const q = new Int8Array(buckets * dim);
  const scales = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    if (!seen[b]) continue;
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(emb[b * dim + d]!));
    if (max === 0) continue;
    const scale = Math.fround(max / 127);
    scales[b] = scale;
    for (let d = 0; d < dim; d++) q[b * dim + d] = Math.round(emb[b * dim + d]! / scale);
  }

  const meta: IntentMeta = {
    format: 'baton-intent-model',
    version: 2,
    space: config.space,
    dim,
    codes: [...MODEL_CODES],
    labels,
    label_codes: labelCodes.map((set) => [...set].sort((a, b) => a - b)),
    categories: [...CATEGORIES] as Category[],
    thresholds: {},
    category_threshold: 1,
    example_similarity: 1,
    vocabulary: wv.words,
    word_rank_offset: config.wordRankOffset,
    vector_mean: [],
    out_weights: Array.from(out, round),
    out_bias: Array.from(bias, round),
    training_hash: trainingHash,
    training_inputs: { config: {}, files: {} },
    embeddings_sha256: '',
  };
  return { model: new IntentModel(meta, q, scales, wordQ, wordScales), examples: examples.length };
}

/** Cross-entropy gradient of a softmax over logits[from, from+n): apply(row, p - target). */
function softmaxStep(logits: Float32Array, from: number, n: number, target: (i: number) => number, apply: (r: number, g: number) => void): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[from + i]!);
  const p = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += p[i] = Math.exp(logits[from + i]! - max);
  for (let i = 0; i < n; i++) apply(from + i, p[i]! / sum - target(i));
}

/** Seven significant digits: stable text in the JSON, and a float32 survives it exactly enough. */
export function round(x: number): number {
  return Number(x.toPrecision(7));
}
