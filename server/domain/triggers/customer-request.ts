import type { Evidence, Trigger } from '../decision';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';

/** Bot intents and handoff reasons that mean "the customer asked for a person". */
const HUMAN_INTENT_RE = /(?:human|agent|representative|live_?chat|handoff|hand_off|escalat|operator|customer_request|user_request)/i;

/**
 * human_requested: the customer asked for a person, in any supported language, or said yes when
 * the bot offered one. The bot's own labels (intent, handoff_reason) count too: they come from the
 * bot, not from customer text. Always escalates (decided in escalation.ts).
 */
export function customerRequestTriggers(input: EngineInput): Trigger[] {
  const evidence: Evidence[] = quoteEvidence(input.hits.get('human_requested'));

  const accepts = new Map(input.hits.get('accept').map((h) => [h.message, h]));
  for (const turn of input.bot.turns) {
    if (!turn.offeredPerson) continue;
    const next = input.views.slice(turn.index + 1).find((v) => v.role === 'customer');
    const yes = next && accepts.get(next.index);
    if (yes) evidence.push({ message: yes.message, quote: yes.quote });
  }

  const { intent, handoff_reason: reason } = input.conversation.bot ?? {};
  if (reason && HUMAN_INTENT_RE.test(reason)) evidence.push({ field: 'bot.handoff_reason', value: reason });
  if (intent && HUMAN_INTENT_RE.test(intent)) evidence.push({ field: 'bot.intent', value: intent });

  if (evidence.length === 0) return [];
  return [makeTrigger('human_requested', 'asked for a person', evidence)];
}
