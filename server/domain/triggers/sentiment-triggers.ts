import type { Evidence, SentimentSignal, Trigger } from '../decision';
import { MAX_EVIDENCE, makeTrigger, type EngineInput } from './engine-input';

const DETAILS: Record<SentimentSignal, string> = {
  frustration: 'sounds frustrated',
  anger: 'sounds angry',
  urgency: 'says it is urgent',
  helplessness: 'sounds like they have run out of options',
};

/** Sentiment family: one trigger per signal, quoting the words that carried it. */
export function sentimentTriggers(input: EngineInput): Trigger[] {
  const out: Trigger[] = [];
  for (const signal of input.sentiment.signals) {
    const hits = input.sentiment.hits.filter((h) => h.signal === signal);
    const evidence: Evidence[] = hits.slice(0, MAX_EVIDENCE).map((h) => ({ message: h.message, quote: h.quote }));
    const kinds = [...new Set(hits.map((h) => h.kind))].join(', ');
    out.push(makeTrigger(signal, `${DETAILS[signal]} (${kinds})`, evidence));
  }
  return out;
}
