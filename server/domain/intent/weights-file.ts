import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntentModel, type IntentMeta } from './model';

/**
 * The committed weights: `intent-model.json` (header, output layer, thresholds) and
 * `intent-embeddings.bin` (int8 bucket embeddings, one little-endian float32 scale per bucket, then
 * int8 word vectors in vocabulary order and one float32 scale per word).
 * Written by `npm run train:intents`; read here once per process. The weights are part of the
 * program like the phrase tables are, so reading them is loading code, not the domain doing I/O.
 */
export const WEIGHTS_DIR = path.join(__dirname, 'weights');
export const META_FILE = 'intent-model.json';
export const EMBEDDINGS_FILE = 'intent-embeddings.bin';

export function encodeEmbeddings(embeddings: Int8Array, scales: Float32Array, wordVectors: Int8Array, wordScales: Float32Array): Buffer {
  const buf = Buffer.alloc(embeddings.length + scales.length * 4 + wordVectors.length + wordScales.length * 4);
  let at = 0;
  Buffer.from(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength).copy(buf, at);
  at += embeddings.length;
  for (let i = 0; i < scales.length; i++, at += 4) buf.writeFloatLE(scales[i]!, at);
  Buffer.from(wordVectors.buffer, wordVectors.byteOffset, wordVectors.byteLength).copy(buf, at);
  at += wordVectors.length;
  for (let i = 0; i < wordScales.length; i++, at += 4) buf.writeFloatLE(wordScales[i]!, at);
  return buf;
}

export function decodeModel(meta: IntentMeta, bin: Buffer): IntentModel {
  if (meta.format !== 'baton-intent-model' || meta.version !== 2) throw new Error('intent model: unknown weights format');
  const size = meta.space.buckets * meta.dim;
  const words = meta.vocabulary.length;
  const expected = size + meta.space.buckets * 4 + words * meta.dim + words * 4;
  if (bin.length !== expected) throw new Error(`intent model: ${EMBEDDINGS_FILE} has ${bin.length} bytes, expected ${expected}`);
  let at = 0;
  const embeddings = new Int8Array(size);
  embeddings.set(new Int8Array(bin.buffer, bin.byteOffset, size));
  at += size;
  const scales = new Float32Array(meta.space.buckets);
  for (let i = 0; i < scales.length; i++, at += 4) scales[i] = bin.readFloatLE(at);
  const wordVectors = new Int8Array(words * meta.dim);
  wordVectors.set(new Int8Array(bin.buffer, bin.byteOffset + at, words * meta.dim));
  at += words * meta.dim;
  const wordScales = new Float32Array(words);
  for (let i = 0; i < words; i++, at += 4) wordScales[i] = bin.readFloatLE(at);
  return new IntentModel(meta, embeddings, scales, wordVectors, wordScales);
}

export function loadIntentModel(dir = WEIGHTS_DIR): IntentModel {
  const meta = JSON.parse(readFileSync(path.join(dir, META_FILE), 'utf8')) as IntentMeta;
  return decodeModel(meta, readFileSync(path.join(dir, EMBEDDINGS_FILE)));
}

let shared: IntentModel | undefined;

/** The committed model, loaded on first use and kept for the life of the process. */
export function defaultIntentModel(): IntentModel {
  shared ??= loadIntentModel();
  return shared;
}
