import { fillCustomerMessage } from '../brief/customer-message';
import type { Assessment } from '../domain/decision';
import { placeInLine } from '../store/queue-arrivals';
import type { HandoffRecord } from '../store/types';
import type { AppDeps } from './deps';
import type { QueueStanding } from './handoff-view';

/**
 * Where the customer stands: the handoff's place in line as recorded with it (the escalations of its
 * queue that arrived within one promised wait, `windowMinutes`, itself included), or, with no handoff
 * (a dry run) or one recorded before places were kept, where a new escalation would stand now. Until
 * claims are recorded Baton cannot see who is still waiting; by the promise, older escalations have been
 * picked up, and without the window the number would only ever grow ("you are #4,000 in line"). Either
 * way the cost is a bounded read of per-minute counters, never a count of the handoffs.
 */
export async function queuePosition(
  db: AppDeps['store']['db'],
  tenantId: string,
  queue: string,
  windowMinutes: number,
  handoff?: Pick<HandoffRecord, 'queue_position'>,
): Promise<number> {
  if (handoff?.queue_position !== undefined) return handoff.queue_position;
  return placeInLine(db, tenantId, queue, windowMinutes);
}

/**
 * The brief's customer message with its placeholders filled. The wait is the configured default
 * until queues report their recent time-to-claim.
 */
export async function standingFor(
  deps: Pick<AppDeps, 'store' | 'config'>,
  tenantId: string,
  assessment: Assessment,
  handoff?: Pick<HandoffRecord, 'queue_position'>,
): Promise<QueueStanding> {
  const position = await queuePosition(deps.store.db, tenantId, assessment.queue, deps.config.defaultWaitMinutes, handoff);
  return {
    customerMessage: fillCustomerMessage(assessment.brief.customer_message, {
      waitMinutes: deps.config.defaultWaitMinutes,
      position,
    }),
  };
}
