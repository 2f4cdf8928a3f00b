import type { Trigger } from '../decision';
import type { TriggerCode } from '../codes';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';
import type { Hit } from './scan';

const DETAILS: Partial<Record<TriggerCode, string>> = {
  refund_request: 'asks for money back',
  billing_dispute: 'disputes a charge',
  account_security: 'suspects unauthorised access or a stolen card or device',
  legal_compliance: 'mentions legal action, a regulator or a data-protection request',
  complaint: 'complains about the company, its service or product quality',
  cancellation: 'wants to end a subscription, membership or account, or to leave',
  custom_pricing: 'asks for custom, volume or enterprise pricing',
  damaged_order: 'item arrived damaged, defective or wrong',
  safety: 'mentions danger to a person',
};

export const TOPIC_CODES = Object.keys(DETAILS) as TriggerCode[];

/** The largest amount the customer mentioned, in the detail so the agent sees what is at stake. */
function refundDetail(input: EngineInput): string {
  const top = [...input.facts.amounts].sort((a, b) => b.value - a.value)[0];
  return top ? `asks for money back (${top.value} ${top.currency} mentioned)` : DETAILS.refund_request!;
}

/** Sarcastic praise is a complaint about the service said the other way round. */
function sarcasmHits(input: EngineInput): Hit[] {
  return input.sentiment.hits
    .filter((h) => h.kind === 'sarcasm')
    .map((h) => ({ message: h.message, quote: h.quote, at: input.views[h.message]!.text.indexOf(h.quote) }));
}

/** Topic family: one trigger per topic the customer raised, quoting where they raised it. */
export function topicTriggers(input: EngineInput): Trigger[] {
  const out: Trigger[] = [];
  for (const code of TOPIC_CODES) {
    const hits = code === 'complaint' ? [...input.hits.get(code), ...sarcasmHits(input)] : input.hits.get(code);
    if (hits.length === 0) continue;
    const detail = code === 'refund_request' ? refundDetail(input) : DETAILS[code]!;
    out.push(makeTrigger(code, detail, quoteEvidence(hits)));
  }
  return out;
}
