import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntentModel, type IntentMeta } from './model';

/**
 * The committed weights: `intent-model.json` (header, output layer, thresholds) and
 * `intent-embeddings.bin` (int8 embeddings, then one little-endian float32 scale per bucket).
 * Written by `npm run train:intents`; read here once per process. The weights are part of the
 * program like the phrase tables are, so reading them is loading code, not the domain doing I/O.
 */
export const WEIGHTS_DIR = path.join(__dirname, 'weights');
export const META_FILE = 'intent-model.json';
export const EMBEDDINGS_FILE = 'intent-embeddings.bin';

export function encodeEmbeddings(embeddings: Int8Array, scales: Float32Array): Buffer {
  const buf = Buffer.alloc(embeddings.length + scales.length * 4);
  Buffer.from(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength).copy(buf, 0);
  for (let i = 0; i < scales.length; i++) buf.writeFloatLE(scales[i]!, embeddings.length + i * 4);
  return buf;
}

export function decodeModel(meta: IntentMeta, bin: Buffer): IntentModel {
  if (meta.format !== 'baton-intent-model' || meta.version !== 1) throw new Error('intent model: unknown weights format');
  const size = meta.space.buckets * meta.dim;
  if (bin.length !== size + meta.space.buckets * 4) throw new Error(`intent model: ${EMBEDDINGS_FILE} has ${bin.length} bytes, expected ${size + meta.space.buckets * 4}`);
  const embeddings = new Int8Array(size);
  embeddings.set(new Int8Array(bin.buffer, bin.byteOffset, size));
  const scales = new Float32Array(meta.space.buckets);
  for (let i = 0; i < scales.length; i++) scales[i] = bin.readFloatLE(size + i * 4);
  return new IntentModel(meta, embeddings, scales);
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
