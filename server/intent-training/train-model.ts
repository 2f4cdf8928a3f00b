import { CATEGORIES, type Category, type TriggerCode } from '../domain/codes';
import { featureIdsOfWords, pairIdsOfWords, wordIdsOfWords, words, type FeatureSpace } from '../domain/intent/features';
import { INTENT_CODES } from '../domain/intent/intent-codes';
import { IntentModel, wordWeight, type IntentMeta } from '../domain/intent/model';
import { OWN_SOURCES, type Row } from './datasets';
import { mulberry32, shuffleInPlace } from './random';

/**
 * Trains the fastText-style model (model.ts) with plain SGD and a linearly decaying learning rate:
 * mean of hashed feature embeddings plus a learnt projection of the weighted mean of the words'
 * pre-trained vectors (kept fixed, so a word training never saw still lands near its synonyms), then
 * optionally a hidden ReLU layer (with the default configuration a residual one: v + ReLU(W·v + b),
 * learnt at a tenth of the rate, since at the full rate SGD diverged within the first epoch)
 * → a softmax over the sets' fine-grained labels (cross-entropy)
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
  /** Times each of our labelled messages is repeated per epoch (a few thousand against 49k public rows). */
  messagesRepeat?: number;
  /** Times each neutral labelled message (no code) is repeated instead (default: messagesRepeat). */
  messagesNeutralRepeat?: number;
  /** How many of the pre-trained vectors' most frequent (letters-only) words ship with the model. */
  vocabulary: number;
  /** A word's weight in the mean of word vectors: rank / (rank + this). */
  wordRankOffset: number;
  /**
   * Share of hashed features left out of each training step at random, so the model cannot lean on
   * the exact words of the training sets alone and learns to read the pre-trained word vectors too.
   */
  hashDropout: number;
  /**
   * ReLU units between the sentence vector and the softmaxes (0: none, the softmaxes read the sentence
   * vector directly).
   */
  hidden?: number;
  /** The hidden layer is added to the sentence vector (needs hidden = dim): softmaxes read v + ReLU(W·v + b). */
  hiddenResidual?: boolean;
  /** Scale of the hidden layer's initial weights (relative to He-uniform). */
  hiddenInit?: number;
  /** The hidden layer's learning rate, as a share of `learningRate`. */
  hiddenRate?: number;
  /**
   * Largest norm of the gradient a step passes back into the hidden layer and into the sentence vector
   * (longer ones are scaled down to it; 0: none). Without it a rare step's large gradient could set
   * off a divergence: with the hidden layer, one leave-one-out training diverged.
   */
  clipNorm?: number;
  /**
   * Largest norm of each hidden unit's row of W (a longer row is scaled down to it after its update; 0: none).
   * With outputGradClip, the guard against divergence: v and W feed each other (W's gradient grows with v,
   * v's with W), and SGD at the committed rate could run away within a few dozen steps (with seed 20261201,
   * in the first epoch). Set above anything the committed training reaches, so it changes none of its
   * weights and binds only in a runaway.
   */
  hiddenMaxNorm?: number;
  /** Largest norm of the gradient the softmaxes pass back into the hidden layer and v (0: none); see hiddenMaxNorm. */
  outputGradClip?: number;
  /**
   * Paraphrase augmentation: at each step, with probability `prob`, the example is read with some of
   * its words (each with probability `swap`) replaced by one of their `neighbours` nearest words in the
   * pre-trained vectors (cosine at least `minSimilarity`, among the `candidates` most frequent words,
   * never the `skip` most frequent ones, which are function words), so the model learns what the
   * sentence means rather than the training sets' exact words.
   */
  augment?: { prob: number; swap: number; neighbours: number; minSimilarity: number; candidates: number; skip: number };
  /**
   * Per-source loss weight: each source's rows together weigh as (its share of the training rows) to the
   * power (1 - this), renormalised; 0 leaves every row at weight 1, 1 gives every source the same total.
   */
  sourceBalance?: number;
  /**
   * Weight of the word pairs' own mean (IntentMeta.pair_weight); 0 or absent: pairs share the one mean
   * with the words and character pieces.
   */
  pairWeight?: number;
  /** Each pair counts by the rarer of its words (IntentMeta.pair_rarity); only with pairWeight. */
  pairRarity?: boolean;
  /**
   * Share of a sentence's words left out of each training step at random (the word's own features, its
   * pairs and its word vector; a sentence keeps at least one word), so no one word carries a label alone.
   */
  wordDropout?: number;
}

/** Pre-trained word vectors for training: `words` in frequency order, each unit-length, `dim` wide. */
export interface WordVectors {
  words: string[];
  dim: number;
  vectors: Float32Array;
}

export const MODEL_CODES: readonly TriggerCode[] = INTENT_CODES;

interface Example {
  /** The sentence's words (for augmentation). */
  words: string[];
  ids: Int32Array;
  /** Word-pair bucket ids when pairs have their own mean (config.pairWeight), else empty. */
  pairs: Int32Array;
  /** Each pair's weight (1, or the rarer word's weight with config.pairRarity). */
  pairWeights: Float32Array;
  /** Weighted mean of the sentence's pre-trained word vectors (null: none of its words has one). */
  glove: Float32Array | null;
  label: number;
  category: number; // -1 = none
  /** Loss weight (per-source balance). */
  weight: number;
}

/** The rows training uses: neutral rows capped per label in a seeded order; own rows repeated. */
export function selectTraining(rows: readonly Row[], config: TrainConfig): Row[] {
  const random = mulberry32(config.seed);
  const neutralByLabel = new Map<string, Row[]>();
  const out: Row[] = [];
  for (const r of rows) {
    if (r.codes.length === 0 && !OWN_SOURCES.has(r.source)) {
      const key = r.label;
      const list = neutralByLabel.get(key);
      if (list) list.push(r);
      else neutralByLabel.set(key, [r]);
    } else {
      const messages = r.codes.length === 0 ? (config.messagesNeutralRepeat ?? config.messagesRepeat ?? 1) : (config.messagesRepeat ?? 1);
      const repeat = r.source === 'own' ? config.ownRepeat : r.source === 'messages' ? messages : 1;
      for (let i = 0; i < repeat; i++) out.push(r);
    }
  }
  for (const key of [...neutralByLabel.keys()].sort()) {
    const list = shuffleInPlace([...neutralByLabel.get(key)!], random);
    out.push(...list.slice(0, config.neutralCapPerLabel));
  }
  return out;
}

/** Weighted mean of the words' pre-trained vectors (null: none of them has one). */
function gloveMean(ws: readonly string[], config: TrainConfig, wv: WordVectors, index: ReadonlyMap<string, number>): Float32Array | null {
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
  return glove;
}

/** Nearest words (by cosine of the unit word vectors) of every word in `vocab` that has some. */
function neighbourTable(vocab: Iterable<string>, wv: WordVectors, index: ReadonlyMap<string, number>, a: NonNullable<TrainConfig['augment']>): Map<string, string[]> {
  const G = wv.dim;
  const V = Math.min(a.candidates, wv.words.length);
  const table = new Map<string, string[]>();
  const sims = new Float32Array(V);
  for (const w of [...new Set(vocab)].sort()) {
    const i = index.get(w);
    if (i === undefined || i < a.skip || i >= V) continue;
    const base = i * G;
    for (let j = a.skip; j < V; j++) {
      let s = 0;
      const bj = j * G;
      for (let d = 0; d < G; d++) s += wv.vectors[base + d]! * wv.vectors[bj + d]!;
      sims[j] = s;
    }
    sims[i] = -1;
    const best: number[] = [];
    for (let j = a.skip; j < V; j++) {
      if (sims[j]! < a.minSimilarity) continue;
      best.push(j);
      best.sort((x, y) => sims[y]! - sims[x]! || x - y);
      if (best.length > a.neighbours) best.pop();
    }
    if (best.length > 0) table.set(w, best.map((j) => wv.words[j]!));
  }
  return table;
}

/** The hashed features of `ws`: pairs apart when the configuration averages them apart. */
function hashedIds(ws: readonly string[], config: TrainConfig, index: ReadonlyMap<string, number>): { ids: Int32Array; pairs: Int32Array; pairWeights: Float32Array } {
  if (!(config.pairWeight ?? 0)) return { ids: Int32Array.from(featureIdsOfWords(ws, config.space)), pairs: new Int32Array(0), pairWeights: new Float32Array(0) };
  const pairs = Int32Array.from(pairIdsOfWords(ws, config.space));
  // As model.ts reads them: a word with no vector is rare (weight 1).
  const rarity = (w: string) => {
    const i = index.get(w);
    return i === undefined ? 1 : wordWeight(i, config.wordRankOffset);
  };
  const pairWeights = Float32Array.from(pairs, (_, i) => (config.pairRarity ? Math.max(rarity(ws[i]!), rarity(ws[i + 1]!)) : 1));
  return { ids: Int32Array.from(wordIdsOfWords(ws, config.space)), pairs, pairWeights };
}

function toExample(row: Row, config: TrainConfig, labels: ReadonlyMap<string, number>, wv: WordVectors, index: ReadonlyMap<string, number>): Example {
  const ws = words(row.text);
  const glove = gloveMean(ws, config, wv, index);
  return {
    words: ws,
    ...hashedIds(ws, config, index),
    glove,
    label: labels.get(row.label)!,
    category: row.category === null ? -1 : CATEGORIES.indexOf(row.category),
    weight: 1,
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
  const balance = config.sourceBalance ?? 0;
  if (balance > 0) {
    const sourceOf = selected.filter((r) => words(r.text).length > 0).map((r) => r.source);
    const counts = new Map<string, number>();
    for (const src of sourceOf) counts.set(src, (counts.get(src) ?? 0) + 1);
    // A source's total weight ∝ count^(1 - balance); per row: count^(-balance), scaled so the smallest
    // source's rows weigh 1 (more would raise the effective learning rate, and SGD diverges).
    const scale = 1 / Math.max(...[...counts.values()].map((c) => c ** -balance));
    examples.forEach((e, i) => (e.weight = scale * counts.get(sourceOf[i]!)! ** -balance));
  }
  const random = mulberry32(config.seed ^ 0x9e3779b9);
  const aug = config.augment;
  const neighbours = aug ? neighbourTable(examples.flatMap((e) => e.words), wv, wordIndex, aug) : new Map<string, string[]>();
  const { dim } = config;
  const buckets = config.space.buckets;
  const K = labels.length;
  const C = CATEGORIES.length;
  const R = K + C;

  const emb = new Float32Array(buckets * dim);
  for (let i = 0; i < emb.length; i++) emb[i] = (random() * 2 - 1) / dim;
  const seen = new Uint8Array(buckets);
  for (const e of examples) for (const ids of [e.ids, e.pairs]) for (const id of ids) seen[id] = 1;
  const pairWeight = config.pairWeight ?? 0;
  const H = config.hidden ?? 0;
  const residual = config.hiddenResidual === true;
  if (residual && H !== dim) throw new Error('hiddenResidual needs hidden = dim');
  const O = H > 0 ? H : dim; // width the softmaxes read
  const w1 = new Float32Array(H * dim);
  const b1 = new Float32Array(H);
  const act = new Float32Array(H);
  const init = (config.hiddenInit ?? 1) * Math.sqrt(6 / (dim + H));
  for (let i = 0; i < w1.length; i++) w1[i] = (random() * 2 - 1) * init;
  b1.fill(0.01);
  const z = new Float32Array(O);
  const gradZ = new Float32Array(O);
  const out = new Float32Array(R * O);
  const bias = new Float32Array(R);
  const G = wv.dim;
  const proj = new Float32Array(dim * G); // dim × G, row-major: word vector → sentence space
  for (let i = 0; i < proj.length; i++) proj[i] = (random() * 2 - 1) / Math.sqrt(G);
  /** Which of the current example's hashed features this step keeps (dropout). */
  const keep = new Uint8Array(examples.reduce((m, e) => Math.max(m, e.ids.length), 0) * 4 + 64);

  const h = new Float32Array(dim);
  const gradH = new Float32Array(dim);
  const logits = new Float32Array(R);
  const order = examples.map((_, i) => i);
  const total = config.epochs * examples.length;
  let step = 0;

  for (let epoch = 0; epoch < config.epochs; epoch++) {
    if (!out.every(Number.isFinite)) throw new Error(`training diverged before epoch ${epoch + 1}: lower learningRate`);
    shuffleInPlace(order, random);
    for (const idx of order) {
      let ex = examples[idx]!;
      if (aug && random() < aug.prob) {
        let changed = false;
        const ws = ex.words.map((w) => {
          const list = neighbours.get(w);
          if (!list || random() >= aug.swap) return w;
          changed = true;
          return list[Math.floor(random() * list.length)]!;
        });
        if (changed) {
          ex = { ...ex, words: ws, ...hashedIds(ws, config, wordIndex), glove: gloveMean(ws, config, wv, wordIndex) };
          for (const ids of [ex.ids, ex.pairs]) for (const id of ids) seen[id] = 1;
        }
      }
      const wordDropout = config.wordDropout ?? 0;
      if (wordDropout > 0 && ex.words.length > 1) {
        const ws = ex.words.filter(() => random() >= wordDropout);
        if (ws.length > 0 && ws.length < ex.words.length) {
          ex = { ...ex, words: ws, ...hashedIds(ws, config, wordIndex), glove: gloveMean(ws, config, wv, wordIndex) };
          for (const ids of [ex.ids, ex.pairs]) for (const id of ids) seen[id] = 1;
        }
      }
      const lr = config.learningRate * (1 - step / total);
      const hlr = lr * (config.hiddenRate ?? 1);
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
      // Pairs read apart (pairWeight): every pair is kept, since inference's mean divides by all of them.
      const np = ex.pairs.length;
      const pairInv = np > 0 ? pairWeight / np : 0;
      for (let i = 0; i < np; i++) {
        const base = ex.pairs[i]! * dim;
        const k = pairInv * ex.pairWeights[i]!;
        for (let d = 0; d < dim; d++) h[d]! += emb[base + d]! * k;
      }
      const g = ex.glove;
      if (g) {
        for (let d = 0; d < dim; d++) {
          let s = 0;
          const base = d * G;
          for (let j = 0; j < G; j++) s += proj[base + j]! * g[j]!;
          h[d]! += s;
        }
      }
      if (H > 0) {
        for (let u = 0; u < H; u++) {
          let s = b1[u]!;
          const base = u * dim;
          for (let d = 0; d < dim; d++) s += w1[base + d]! * h[d]!;
          act[u] = s > 0 ? s : 0;
          z[u] = residual ? h[u]! + act[u]! : act[u]!;
        }
      } else z.set(h);
      for (let r = 0; r < R; r++) {
        if (r >= K && ex.category < 0) continue;
        let s = bias[r]!;
        const base = r * O;
        for (let d = 0; d < O; d++) s += out[base + d]! * z[d]!;
        logits[r] = s;
      }
      gradZ.fill(0);
      const wEx = ex.weight;
      const apply = (r: number, g0: number) => {
        const g = g0 * wEx;
        const base = r * O;
        for (let d = 0; d < O; d++) {
          gradZ[d]! += g * out[base + d]!;
          out[base + d]! -= lr * g * z[d]!;
        }
        bias[r]! -= lr * g;
      };
      softmaxStep(logits, 0, K, (l) => (l === ex.label ? 1 : 0), apply);
      if (ex.category >= 0) softmaxStep(logits, K, C, (c) => (c === ex.category ? 1 : 0), apply);
      const clip = config.clipNorm ?? 0;
      if (clip > 0) clipInPlace(gradZ, clip);
      const outClip = config.outputGradClip ?? 0;
      if (outClip > 0) clipInPlace(gradZ, outClip);
      if (H > 0) {
        if (residual) gradH.set(gradZ);
        else gradH.fill(0);
        const maxNorm = config.hiddenMaxNorm ?? 0;
        for (let u = 0; u < H; u++) {
          if (act[u]! <= 0) continue;
          const gu = gradZ[u]!;
          const base = u * dim;
          for (let d = 0; d < dim; d++) {
            gradH[d]! += gu * w1[base + d]!;
            w1[base + d]! -= hlr * gu * h[d]!;
          }
          b1[u]! -= hlr * gu;
          if (maxNorm > 0) {
            let r2 = 0;
            for (let d = 0; d < dim; d++) r2 += w1[base + d]! * w1[base + d]!;
            if (r2 > maxNorm * maxNorm) {
              const k2 = maxNorm / Math.sqrt(r2);
              for (let d = 0; d < dim; d++) w1[base + d]! *= k2;
            }
          }
        }
      } else gradH.set(gradZ);
      if (clip > 0) clipInPlace(gradH, clip);
      for (let i = 0; i < n; i++) {
        if (!keep[i]) continue;
        const base = ex.ids[i]! * dim;
        for (let d = 0; d < dim; d++) emb[base + d]! -= lr * gradH[d]! * inv;
      }
      for (let i = 0; i < np; i++) {
        const base = ex.pairs[i]! * dim;
        const k = pairInv * ex.pairWeights[i]!;
        for (let d = 0; d < dim; d++) emb[base + d]! -= lr * gradH[d]! * k;
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
    ...(pairWeight > 0 ? { pair_weight: pairWeight, ...(config.pairRarity ? { pair_rarity: true } : {}) } : {}),
    vector_mean: [],
    ...(H > 0 ? { hidden_weights: Array.from(w1, round), hidden_bias: Array.from(b1, round), ...(residual ? { hidden_residual: true } : {}) } : {}),
    out_weights: Array.from(out, round),
    out_bias: Array.from(bias, round),
    training_hash: trainingHash,
    training_inputs: { config: {}, files: {} },
    embeddings_sha256: '',
  };
  return { model: new IntentModel(meta, q, scales, wordQ, wordScales), examples: examples.length };
}

/** Scales `v` down to norm `max` when it is longer. */
function clipInPlace(v: Float32Array, max: number): void {
  let n2 = 0;
  for (let i = 0; i < v.length; i++) n2 += v[i]! * v[i]!;
  if (n2 <= max * max) return;
  const k = max / Math.sqrt(n2);
  for (let i = 0; i < v.length; i++) v[i]! *= k;
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
