import { CATEGORIES, type Category, type TriggerCode } from '../domain/codes';
import { featureIds, type FeatureSpace } from '../domain/intent/features';
import { INTENT_CODES } from '../domain/intent/intent-codes';
import { IntentModel, type IntentMeta } from '../domain/intent/model';
import type { Row } from './datasets';
import { mulberry32, shuffleInPlace } from './random';

/**
 * Trains the fastText-style model (model.ts) with plain SGD and a linearly decaying learning rate:
 * mean of hashed feature embeddings → a softmax over the sets' fine-grained labels (cross-entropy)
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
}

export const MODEL_CODES: readonly TriggerCode[] = INTENT_CODES;

interface Example {
  ids: Int32Array;
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

function toExample(row: Row, config: TrainConfig, labels: ReadonlyMap<string, number>): Example {
  return {
    ids: Int32Array.from(featureIds(row.text, config.space)),
    label: labels.get(row.label)!,
    category: row.category === null ? -1 : CATEGORIES.indexOf(row.category),
  };
}

export interface Trained {
  model: IntentModel;
  examples: number;
}

/** Trains on `rows` (already only the training split) and returns the quantised model. */
export function train(rows: readonly Row[], config: TrainConfig, trainingHash: string): Trained {
  const selected = selectTraining(rows, config);
  // Labels in sorted order; each label's codes are those of its rows (a label maps to one target).
  const labels = [...new Set(selected.map((r) => r.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const labelCodes = labels.map(() => new Set<number>());
  for (const r of selected) for (const c of r.codes) labelCodes[labelIndex.get(r.label)!]!.add(MODEL_CODES.indexOf(c));
  const examples = selected.map((r) => toExample(r, config, labelIndex)).filter((e) => e.ids.length > 0);
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
      for (const id of ex.ids) {
        const base = id * dim;
        for (let d = 0; d < dim; d++) h[d]! += emb[base + d]!;
      }
      const inv = 1 / ex.ids.length;
      for (let d = 0; d < dim; d++) h[d]! *= inv;
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
      for (const id of ex.ids) {
        const base = id * dim;
        for (let d = 0; d < dim; d++) emb[base + d]! -= lr * gradH[d]! * inv;
      }
    }
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
    version: 1,
    space: config.space,
    dim,
    codes: [...MODEL_CODES],
    labels,
    label_codes: labelCodes.map((set) => [...set].sort((a, b) => a - b)),
    categories: [...CATEGORIES] as Category[],
    thresholds: {},
    category_threshold: 1,
    example_similarity: 1,
    out_weights: Array.from(out, round),
    out_bias: Array.from(bias, round),
    training_hash: trainingHash,
    training_inputs: { config: {}, files: {} },
    embeddings_sha256: '',
  };
  return { model: new IntentModel(meta, q, scales), examples: examples.length };
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
