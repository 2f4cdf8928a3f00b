import type { Decision } from '../domain/decision';
import { teamName } from './team-names';

/** Placeholders the server fills when it knows the queue (CONTRACT.md §2, `customer_message`). */
export const WAIT_PLACEHOLDER = '{wait_minutes}';
export const POSITION_PLACEHOLDER = '{queue_position}';

/**
 * What the customer is told at the handoff: a person (the queue's team) is taking over, they will
 * not need to repeat anything, the wait and their place in line (placeholders), and that they may
 * leave a message instead. When the rules keep the conversation with the bot, it says the
 * assistant carries on and a person is one request away.
 */
export function writeCustomerMessage(decision: Decision): string {
  if (!decision.escalate) {
    return "I'm still here to help, so let's keep going. If you'd rather talk to a person at any point, just say so.";
  }
  const team = teamName(decision.queue);
  const opening =
    decision.priority === 'urgent'
      ? `I'm connecting you with our ${team} team now as a priority.`
      : `I'm connecting you with our ${team} team.`;
  return [
    opening,
    "You won't need to repeat anything: they'll see this whole conversation and the details you've shared.",
    `The current wait is about ${WAIT_PLACEHOLDER} minutes and you are number ${POSITION_PLACEHOLDER} in line.`,
    "If you'd rather not wait, leave a message here and we'll reply by email.",
  ].join(' ');
}

export interface QueueStanding {
  waitMinutes: number;
  position: number;
}

function whole(name: string, value: number, round: (n: number) => number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  return Math.max(1, round(value));
}

/**
 * Fills the placeholders. The wait is rounded up (under-promise: 4.2 minutes reads "5") and is at
 * least 1; "1 minutes" becomes "1 minute".
 */
export function fillCustomerMessage(template: string, standing: QueueStanding): string {
  const wait = whole('waitMinutes', standing.waitMinutes, Math.ceil);
  const position = whole('position', standing.position, Math.round);
  return template
    .replaceAll(`${WAIT_PLACEHOLDER} minutes`, wait === 1 ? '1 minute' : `${wait} minutes`)
    .replaceAll(WAIT_PLACEHOLDER, String(wait))
    .replaceAll(POSITION_PLACEHOLDER, String(position));
}
