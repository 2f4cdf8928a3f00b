import type { Decision } from '../domain/decision';
import { HANDOFF_TEXTS } from './handoff-texts';

/** Placeholders the server fills when it knows the queue (CONTRACT.md §2, `customer_message`). */
export const WAIT_PLACEHOLDER = '{wait_minutes}';
export const POSITION_PLACEHOLDER = '{queue_position}';

/**
 * What the customer is told at the handoff, in their language (the decision's `language`,
 * handoff-texts.ts): a person (the queue's team) is taking over, they will not need to repeat
 * anything, the wait and their place in line (placeholders), and that they may leave a message
 * instead. When the rules keep the conversation with the bot, it says the assistant carries on and
 * a person is one request away.
 */
export function writeCustomerMessage(decision: Decision): string {
  const texts = HANDOFF_TEXTS[decision.language ?? 'en'];
  if (!decision.escalate) return texts.staying;
  // A tenant's own queue names read as written ("vip_desk" → "vip desk"), "constructor" too: the
  // teams are a plain object, whose inherited Object put "{team}" itself in the customer's message.
  const team = (Object.hasOwn(texts.teams, decision.queue) ? texts.teams[decision.queue] : undefined) ?? decision.queue.replace(/[_-]+/g, ' ').trim();
  const opening = decision.priority === 'urgent' ? texts.connectingUrgent : texts.connecting;
  return [opening.replace('{team}', team), texts.noRepeat, texts.wait, texts.leaveMessage].join(' ');
}

export interface QueueStanding {
  waitMinutes: number;
  position: number;
}

function whole(name: string, value: number, round: (n: number) => number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  return Math.max(1, round(value));
}

/** "{wait_minutes} minutes" in every language, for the singular of a one-minute wait. */
const WAIT_WITH_UNIT = new RegExp(
  `\\{wait_minutes\\} (${[...new Set(Object.values(HANDOFF_TEXTS).map((t) => t.minutes[0]))].join('|')})`,
  'g',
);
const SINGULAR = new Map(Object.values(HANDOFF_TEXTS).map((t) => t.minutes));

/**
 * Fills the placeholders. The wait is rounded up (under-promise: 4.2 minutes reads "5") and is at
 * least 1; "1 minutes" becomes "1 minute" ("1 minuto", "1 Minute" …).
 */
export function fillCustomerMessage(template: string, standing: QueueStanding): string {
  const wait = whole('waitMinutes', standing.waitMinutes, Math.ceil);
  const position = whole('position', standing.position, Math.round);
  return template
    .replace(WAIT_WITH_UNIT, (_, unit: string) => (wait === 1 ? `1 ${SINGULAR.get(unit)}` : `${wait} ${unit}`))
    .replaceAll(WAIT_PLACEHOLDER, String(wait))
    .replaceAll(POSITION_PLACEHOLDER, String(position));
}
