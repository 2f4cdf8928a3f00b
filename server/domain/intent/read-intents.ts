import Sentiment from 'sentiment';
import type { Category, TriggerCode } from '../codes';
import type { IntentExample } from '../policy';
import { isNegated, refusesAsNotNeeded, splitSentences } from '../text';
import type { LanguageCode } from '../language';
import { languagesOf, type Hit, type MessageView } from '../triggers/scan';
import { MAX_WORDS, words } from './features';
import type { IntentModel } from './model';

/**
 * Reads every customer sentence with the intent model (and the tenant's own examples) and returns
 * hits shaped like the phrase rules' hits, so the trigger families treat both alike. Pure: the model
 * is passed in, nothing is read from outside.
 */

export interface IntentHit extends Hit {
  /** The model's probability for the code or category, or the example's cosine similarity. */
  score: number;
  /** Index into the tenant's `intent_examples` when an example, not the model, found it. */
  example?: number;
}

export interface IntentReading {
  codes: Map<TriggerCode, IntentHit[]>;
  categories: Map<Category, IntentHit[]>;
  /** What the model read of each customer message, by message index (none for a message it skipped). */
  read: Map<number, MessageReading>;
}

export interface MessageReading {
  /** The highest score for each code (model.meta.codes order) over the sentences read. */
  peak: Float32Array;
  /**
   * Start and end offsets of the sentences read whole, in pairs: not fragments under MIN_WORDS, nor
   * a sentence longer than the MAX_WORDS the model reads of it.
   */
  spans: number[];
}

/** Enough to read any real conversation; a pasted log must not cost seconds. */
const MAX_SENTENCES_PER_MESSAGE = 40;
const MAX_SENTENCES = 200;
/**
 * Fragments shorter than this are left to the rules: "Set customer." (cut from "customer.tier"),
 * "human pls" or "it doesn't work" carry too little for the model to weigh (the last is `ambiguous`
 * in CONTRACT §3 terms), and the rules' short-ask phrases are precise.
 */
const MIN_WORDS = 4;
/**
 * Codes that say something went wrong. A sentence holding a word of praise or thanks is not where
 * the model may add one: "the quality is great", "it arrived fine", "charged me for the bag I
 * ordered, thanks". The rules still can (they also read sarcasm and "thanks, but it arrived broken").
 * Praise is a word AFINN (the `sentiment` library the sentiment family uses) scores PRAISE or more
 * ("great", "good", "perfect", "love"), not negated, or thanks. AFINN's milder positives are mostly
 * the words of a polite request ("please", "help", "like", "want", "hope", "resolve", "yes"): counted
 * as praise they kept the model from every "the lamp arrived broken, please advise".
 */
const COMPLAINTS: ReadonlySet<TriggerCode> = new Set(['complaint', 'damaged_order', 'billing_dispute', 'bug_report']);
const afinn = new Sentiment();
const PRAISE = 3;
const THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'fine']);

export function praises(text: string): boolean {
  return afinn.analyze(text).calculation.some((entry) => {
    for (const [word, score] of Object.entries(entry)) if (score >= PRAISE || (score > 0 && THANKS.has(word))) return true;
    return false;
  });
}

/**
 * A capitalised word inside a sentence ("Hi, this is Sue from accounting", "my son Bill ordered it")
 * names someone or something and says nothing of what the customer wants; lower-cased, the model
 * would read it as the word it spells ("sue": legal, 1.00). The model reads the sentence without
 * them. A sentence's first word stays, and so does every word of text capitalised throughout (a
 * subject line: "Refund For Order 123"). Training sentences keep their names: leaving them out there
 * too cost 3 to 5 points of recall on the held-out messages (docs/EVALUATION.md).
 */
// The capital is checked before the lookbehind, which would otherwise scan back over a whole run of
// spaces at each of its positions (quadratic time).
const NAME_RE = /(?=\p{Lu})(?<=[\p{L}\p{N},;'")]\s+)\p{Lu}\p{Ll}+\b/gu;
const TITLE_CASE_RE = /\b\p{Lu}\p{Ll}+\b/gu;
const WORD_RE = /\b\p{L}+\b/gu;

export function withoutNames(sentence: string): string {
  const titled = sentence.match(TITLE_CASE_RE)?.length ?? 0;
  if (titled === 0 || titled * 2 >= (sentence.match(WORD_RE)?.length ?? 0)) return sentence;
  return sentence.replace(NAME_RE, '').replace(/\s{2,}/g, ' ');
}

/**
 * Codes that are requests: a refusal of them is not them ("I don't need a human", "no need to
 * refund"). The rules' own negation reading (text.ts, `want`) decides; the model only scores.
 */
const REQUESTS: ReadonlySet<TriggerCode> = new Set(['human_requested', 'refund_request', 'cancellation', 'custom_pricing', 'account_change']);
/**
 * Clauses end at a comma, semicolon or colon, and at a sentence end: the negation scope stops at a
 * full stop, so "not asking money back." read to its end, or as the first half of a pair of
 * sentences, showed no refusal at all.
 */
const CLAUSE_RE = /[^,;:.!?]+/g;
/**
 * "Do not escalate", "don't transfer me", "never cancel it": an order not to act is no request to.
 * The `want` negation covers refusals of wanting ("I don't need …"); this covers the imperative.
 */
const IMPERATIVE_REFUSAL_RE = /\b(?:do not|don't|dont|never)\s+(?:escalate|transfer|forward|connect|pass|cancel|close|refund|change)\b/i;
/** isNegated looks back 60 characters: probe a long clause every 50 so a refusal at its start is seen. */
const PROBE = 50;

type Languages = () => ReadonlySet<LanguageCode> | undefined;

function negatedClause(clause: string, languages: Languages): boolean {
  if (IMPERATIVE_REFUSAL_RE.test(clause) || refusesAsNotNeeded(clause)) return true;
  for (let i = Math.min(clause.length, PROBE); ; i = Math.min(clause.length, i + PROBE)) {
    if (isNegated(clause, i, 'want', languages)) return true;
    if (i >= clause.length) return false;
  }
}

/** The sentence without its refused clauses, or undefined when nothing was refused. */
function withoutRefusals(sentence: string, languages: Languages): string | undefined {
  const clauses = sentence.match(CLAUSE_RE) ?? [];
  const kept = clauses.filter((c) => !negatedClause(c, languages));
  return kept.length === clauses.length ? undefined : kept.join(',');
}

interface EmbeddedExamples {
  vectors: Float32Array[];
}
const embeddedCache = new WeakMap<readonly IntentExample[], WeakMap<IntentModel, EmbeddedExamples>>();

/** Examples are embedded once per policy object and model, not once per decision. */
function embedExamples(model: IntentModel, examples: readonly IntentExample[]): EmbeddedExamples {
  let byModel = embeddedCache.get(examples);
  if (!byModel) embeddedCache.set(examples, (byModel = new WeakMap()));
  let embedded = byModel.get(model);
  if (!embedded) byModel.set(model, (embedded = { vectors: examples.map((e) => model.embed(e.text)) }));
  return embedded;
}

function add<K>(map: Map<K, IntentHit[]>, key: K, hit: IntentHit): void {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
}

export interface ReadOptions {
  examples?: readonly IntentExample[];
  /** Cosine similarity for examples; the model's calibrated value when absent. */
  similarity?: number;
}

export function readIntents(views: readonly MessageView[], model: IntentModel, options: ReadOptions = {}): IntentReading {
  const reading: IntentReading = { codes: new Map(), categories: new Map(), read: new Map() };
  const { meta } = model;
  const examples = options.examples ?? [];
  const embedded = examples.length > 0 ? embedExamples(model, examples) : undefined;
  const similarity = options.similarity ?? meta.example_similarity;
  let budget = MAX_SENTENCES;
  let pairBudget = MAX_SENTENCES;

  /**
   * Scores one sentence, or one pair of neighbouring sentences (`pair`): a code told across two
   * ("I ordered the lamp on Monday. It came in pieces.") is in neither alone, and the labelled
   * messages the model learnt from are whole messages of one to three sentences. A pair's hits quote
   * both sentences. It adds no span to what the rules' veto counts as read (a fragment inside a pair
   * was not read on its own), and tenant examples are matched to sentences only (docs/RULES.md).
   */
  const readUnit = (view: MessageView, s: { text: string; index: number; length: number }, pair: boolean): void => {
    const read = withoutNames(s.text);
    const count = words(read).length;
    if (count < MIN_WORDS) return;
    const scores = model.score(read);
    noteRead(reading.read, view.index, count < MAX_WORDS && !pair ? [s.index, s.index + s.length] : [], scores.codes);
    const at = { message: view.index, quote: view.text.slice(s.index, s.index + s.length), at: s.index };
    let refusal: { text?: string; scores?: Float32Array } | undefined;
    let pleased: boolean | undefined;
    meta.codes.forEach((code, k) => {
      const score = scores.codes[k]!;
      if (score < (meta.thresholds[code] ?? Infinity)) return;
      if (COMPLAINTS.has(code) && (pleased ??= praises(s.text))) return;
      if (REQUESTS.has(code)) {
        // A refused request in the sentence: the rest of it must still say the code on its own.
        refusal ??= { text: withoutRefusals(read, () => languagesOf(view)) };
        if (refusal.text !== undefined) {
          refusal.scores ??= model.score(refusal.text).codes;
          if (refusal.scores[k]! < meta.thresholds[code]!) return;
        }
      }
      add(reading.codes, code, { ...at, score: round2(score) });
    });
    let top = 0;
    for (let c = 1; c < scores.categories.length; c++) if (scores.categories[c]! > scores.categories[top]!) top = c;
    const category = meta.categories[top]!;
    if (category !== 'other' && scores.categories[top]! >= meta.category_threshold) {
      add(reading.categories, category, { ...at, score: round2(scores.categories[top]!) });
    }
    if (embedded && !pair) {
      let best = -1;
      let bestSim = similarity;
      embedded.vectors.forEach((v, i) => {
        const sim = model.similarity(scores.vector, v);
        if (sim >= bestSim) {
          best = i;
          bestSim = sim;
        }
      });
      if (best >= 0) {
        const example = examples[best]!;
        const hit = { ...at, score: round2(bestSim), example: best };
        if (example.code && !(REQUESTS.has(example.code) && withoutRefusals(s.text, () => languagesOf(view)) !== undefined)) add(reading.codes, example.code, hit);
        if (example.category) add(reading.categories, example.category, hit);
      }
    }
  };

  for (const view of views) {
    if (view.role !== 'customer') continue;
    const sentences = splitSentences(view.norm).slice(0, MAX_SENTENCES_PER_MESSAGE);
    for (const s of sentences) {
      if (budget-- <= 0) return reading;
      readUnit(view, s, false);
    }
    for (let i = 0; i + 1 < sentences.length && pairBudget-- > 0; i++) {
      const first = sentences[i]!;
      const end = sentences[i + 1]!.index + sentences[i + 1]!.length;
      readUnit(view, { text: view.norm.slice(first.index, end), index: first.index, length: end - first.index }, true);
    }
  }
  return reading;
}

function noteRead(read: Map<number, MessageReading>, message: number, span: readonly number[], codes: Float32Array): void {
  const seen = read.get(message);
  if (!seen) {
    read.set(message, { peak: Float32Array.from(codes), spans: [...span] });
    return;
  }
  seen.spans.push(...span);
  for (let k = 0; k < codes.length; k++) if (codes[k]! > seen.peak[k]!) seen.peak[k] = codes[k]!;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
