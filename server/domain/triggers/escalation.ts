import type { Priority, TriggerCode } from '../codes';
import type { Trigger } from '../decision';
import type { EngineInput } from './engine-input';

/**
 * Which detected triggers escalate (CONTRACT.md §3, "escalates by default"), after the tenant's
 * policy. Choices where the contract is silent:
 * - human_requested and safety ignore `non_escalating`: a customer must always reach a person, and
 *   danger to a person is never a tenant's call to silence.
 * - "lowers the bar": frustration or anger plus a bot confidence within 0.2 above the tenant
 *   threshold escalates; so does frustration or anger with a refund request below the threshold.
 * - refund "bot could not resolve": a failed bot answer or the bot saying it cannot do it.
 */

const UNSUPPRESSIBLE: ReadonlySet<TriggerCode> = new Set(['human_requested', 'safety']);
const LOW_ISH_MARGIN = 0.2;

function refundEscalates(input: EngineInput): boolean {
  const amounts = input.facts.amounts;
  if (amounts.length > 0) return Math.max(...amounts.map((a) => a.value)) >= input.policy.refund_threshold;
  return input.bot.failed.length > 0 || input.hits.has('bot:cannot');
}

export interface Escalation {
  escalate: boolean;
  reasons: TriggerCode[];
}

export function decideEscalation(triggers: readonly Trigger[], input: EngineInput): Escalation {
  const present = new Set(triggers.map((t) => t.code));
  const reasons: TriggerCode[] = [];
  const add = (code: TriggerCode) => {
    if (!reasons.includes(code)) reasons.push(code);
  };

  for (const t of triggers) {
    if (t.family === 'sentiment') continue;
    if (t.code === 'refund_request' && !refundEscalates(input)) continue;
    if (t.code === 'new_customer' && !input.policy.new_customer_escalates) continue;
    add(t.code);
  }

  const sentimentCodes = triggers.filter((t) => t.family === 'sentiment').map((t) => t.code);
  if (sentimentCodes.length > 0) {
    const upset = present.has('frustration') || present.has('anger');
    const confidence = input.conversation.bot?.confidence;
    const lowIsh = confidence !== undefined && confidence < input.policy.confidence_threshold + LOW_ISH_MARGIN;
    const refundBelowBar = present.has('refund_request') && !reasons.includes('refund_request');
    const sentimentEscalates =
      input.bot.failed.length > 0 ||
      triggers.some((t) => t.family === 'complexity') ||
      input.sentiment.severe ||
      (upset && lowIsh) ||
      (upset && refundBelowBar);
    if (sentimentEscalates) {
      sentimentCodes.forEach(add);
      if (upset && refundBelowBar) add('refund_request');
    }
  }

  const kept = reasons.filter((code) => UNSUPPRESSIBLE.has(code) || !input.policy.non_escalating.includes(code));
  return { escalate: kept.length > 0, reasons: kept };
}

const URGENT: ReadonlySet<TriggerCode> = new Set(['safety', 'account_security', 'legal_compliance']);
const HIGH: ReadonlySet<TriggerCode> = new Set(['vip', 'repeat_contact', 'billing_dispute', 'anger', 'urgency']);

/**
 * Priority from every detected trigger, not only the reasons (an angry customer escalated for a
 * refund is still high). A conversation that stays with the bot is `low`.
 */
export function priorityFor(triggers: readonly Trigger[], escalate: boolean): Priority {
  if (!escalate) return 'low';
  if (triggers.some((t) => URGENT.has(t.code))) return 'urgent';
  if (triggers.some((t) => HIGH.has(t.code))) return 'high';
  return 'normal';
}
