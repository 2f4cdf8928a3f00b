import Sentiment from 'sentiment';
import type { Conversation } from './conversation';
import type { Sentiment as SentimentResult, SentimentSignal } from './decision';
import { scan, viewMessages, type Hits, type MessageView } from './triggers/scan';
import { INTENSIFIERS, NEGATORS, PRAISE_RE, SENTIMENT_RULES, SETBACK_RE } from './triggers/sentiment-phrases';
import { shoutedSpan } from './text';

/**
 * Sentiment over the customer's messages: the AFINN-165 lexicon (the `sentiment` package) for the
 * words, our own rules for what it misses (negation further than one word back, intensity from
 * capitals, `!!!`, profanity and intensifiers, sarcasm that makes praise words mean the opposite)
 * and the signal phrases of DESIGN.md, each hit kept with its message and quote as evidence.
 */

export interface SentimentHit {
  signal: SentimentSignal;
  /** What produced it: the phrase family, or `shouting` / `exclamations` / `profanity` / `threat_to_leave`. */
  kind: string;
  message: number;
  quote: string;
}

export interface SentimentAnalysis extends SentimentResult {
  hits: SentimentHit[];
  /** Profanity, or a threat to leave said in anger: escalates on its own (CONTRACT.md §3). */
  severe: boolean;
  /** The customer threatened to leave (also feeds the cancellation trigger). */
  threatToLeave: boolean;
}

// One analyser for the process: it holds no per-call state (we never pass `extras`, which mutates its labels).
const analyzer = new Sentiment();
const LABELS: Record<string, number> = require('sentiment/languages/en/labels.json');

/**
 * A word's lexicon score. Only the lexicon's own entries: the customer's "constructor" read as
 * `LABELS.constructor` (Object, inherited) was added to the total, and the sentiment score came out
 * NaN (null in the answer) for any message with that word in it.
 */
function labelOf(token: string): number | undefined {
  return Object.hasOwn(LABELS, token) ? LABELS[token] : undefined;
}

const EXCLAMATION_RUN_RE = /!{3,}|(?:!\s?){3,}/u;
/** Score per whole-conversation unit: tanh(total / SCALE) keeps a long rant and a one-liner comparable. */
const SCALE = 8;
/** Shouting or a run of "!!!" in a message that is not happy: anger even when no word says so. */
const SHOUT_WEIGHT = 1;
const SIGNAL_WEIGHT: Record<string, number> = {
  frustration: -2,
  helplessness: -2,
  urgency: -0.5,
  sarcasm: -2,
  profanity: -2,
  anger_word: -1,
  threat_to_leave: -2,
};

/** Lexicon score of one message, with our wider negation and intensifiers; praise is dropped when sarcastic. */
function lexiconScore(text: string, sarcastic: boolean): number {
  return scoreTokens(analyzer.analyze(text).tokens, sarcastic);
}

/**
 * `soured`: words quoted by a complaint phrase of the same message ("what a joke", "thanks for
 * nothing"), whose praise words the lexicon would otherwise count as praise.
 */
function scoreTokens(tokens: readonly string[], sarcastic: boolean, soured: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    let value = labelOf(token);
    if (value === undefined || (value > 0 && soured.has(token))) continue;
    const window = tokens.slice(Math.max(0, i - 3), i);
    if (window.some((t) => NEGATORS.has(t))) value = -value / 2;
    if (i > 0 && INTENSIFIERS.has(tokens[i - 1]!)) value *= 1.5;
    if (sarcastic && value > 0) continue;
    total += value;
  }
  return total;
}

function add(hits: SentimentHit[], signal: SentimentSignal, kind: string, message: number, quote: string): void {
  hits.push({ signal, kind, message, quote });
}

const KIND_SIGNAL: Record<string, SentimentSignal> = {
  frustration: 'frustration',
  sarcasm: 'frustration',
  urgency: 'urgency',
  helplessness: 'helplessness',
  profanity: 'anger',
  anger_word: 'anger',
  threat_to_leave: 'anger',
};

/** Pass `views` when the caller already prepared the messages (the decision does, to scan once). */
export function analyzeSentiment(conversation: Conversation, views?: readonly MessageView[]): SentimentAnalysis {
  const messages = views ?? viewMessages(conversation);
  const customer = messages.filter((m) => m.role === 'customer');
  const found: Hits = scan(customer, SENTIMENT_RULES);
  const hits: SentimentHit[] = [];
  for (const [kind, signal] of Object.entries(KIND_SIGNAL)) {
    for (const hit of found.get(kind)) add(hits, signal, kind, hit.message, hit.quote);
  }
  for (const view of customer) {
    if (found.get('sarcasm').some((h) => h.message === view.index)) continue;
    const praise = PRAISE_RE.exec(view.norm);
    if (praise && SETBACK_RE.test(view.norm)) add(hits, 'frustration', 'sarcasm', view.index, view.text.slice(praise.index, praise.index + praise[0].length));
  }

  let total = 0;
  for (const view of customer) {
    const phraseHits = hits.filter((h) => h.message === view.index);
    const { tokens } = analyzer.analyze(view.norm);
    const shout = shoutedSpan(view.norm);
    const bang = EXCLAMATION_RUN_RE.exec(view.norm);
    // Shouted with a complaint or any negative word, the lexicon's praise words are the sarcasm of
    // an angry customer ("WHAT A JOKE", "GREAT, ANOTHER DELAY"), not praise: they are dropped.
    const loud = shout !== undefined || bang !== null;
    const sour = () => phraseHits.length > 0 || tokens.some((t) => (labelOf(t) ?? 0) < 0);
    const sarcastic = phraseHits.some((h) => h.kind === 'sarcasm') || (loud && sour());
    const soured = phraseHits.length === 0 ? undefined : new Set(phraseHits.flatMap((h) => h.quote.toLowerCase().split(/[^\p{L}']+/u)));
    let score = scoreTokens(tokens, sarcastic, soured);
    // Capitals and "!!!" are anger only when the message is not happy ("THANK YOU!!!" is not).
    const hostile = score <= 0 || phraseHits.length > 0;
    if (hostile && shout) add(hits, 'anger', 'shouting', view.index, view.text.slice(shout.index, shout.index + shout.length));
    if (hostile && bang) add(hits, 'anger', 'exclamations', view.index, view.text.slice(bang.index, bang.index + bang[0].length));
    if (hostile && (shout || bang)) score = score * 1.5 - (shout ? SHOUT_WEIGHT : 0) - (bang ? SHOUT_WEIGHT : 0);
    for (const hit of phraseHits) score += SIGNAL_WEIGHT[hit.kind] ?? 0;
    total += score;
  }

  hits.sort((a, b) => a.message - b.message);
  const score = Math.round(Math.tanh(total / SCALE) * 100) / 100;
  const signals = (['frustration', 'anger', 'urgency', 'helplessness'] as const).filter((s) => hits.some((h) => h.signal === s));
  const threatToLeave = found.has('threat_to_leave');
  const otherAnger = hits.some((h) => h.signal === 'anger' && h.kind !== 'threat_to_leave');
  const severe =
    found.has('profanity') || (threatToLeave && (otherAnger || signals.includes('frustration') || score <= -0.3));
  const label = score <= -0.15 ? 'negative' : score >= 0.15 ? 'positive' : 'neutral';
  return { label, score: Object.is(score, -0) ? 0 : score, signals, hits, severe, threatToLeave };
}
