import { fillCustomerMessage } from '../brief/customer-message';
import type { Assessment } from '../domain/decision';
import type { HandoffRecord } from '../store/types';
import type { AppDeps } from './deps';
import type { QueueStanding } from './handoff-view';

/**
 * How many of the tenant's escalations wait in `queue` up to and including `handoff` (or, with no
 * handoff, counting one more: where a new one would stand now). Until claims are recorded Baton
 * cannot see who is still waiting, so it counts the escalations that arrived within one promised wait
 * (`windowMinutes`) before this one: older ones have, by that promise, been picked up. Without the
 * window the number would only ever grow ("you are #4,000 in line").
 */
export async function queuePosition(
  db: AppDeps['store']['db'],
  tenantId: string,
  queue: string,
  windowMinutes: number,
  handoff?: Pick<HandoffRecord, 'id'>,
): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    `WITH ref AS (
       SELECT coalesce((SELECT created_at FROM handoffs WHERE id = $3::uuid AND tenant_id = $1), now()) AS at
     )
     SELECT count(*)::int AS n FROM handoffs, ref
      WHERE tenant_id = $1 AND queue = $2 AND escalate AND status <> 'failed'
        AND created_at <= ref.at AND created_at > ref.at - make_interval(mins => $4::int)`,
    [tenantId, queue, handoff?.id ?? null, windowMinutes],
  );
  const n = Number(rows[0]?.n ?? 0);
  // A handoff that did not escalate waits in no queue; it still reads as first in line.
  return handoff ? Math.max(n, 1) : n + 1;
}

/**
 * The brief's customer message with its placeholders filled. The wait is the configured default
 * until queues report their recent time-to-claim.
 */
export async function standingFor(
  deps: Pick<AppDeps, 'store' | 'config'>,
  tenantId: string,
  assessment: Assessment,
  handoff?: Pick<HandoffRecord, 'id'>,
): Promise<QueueStanding> {
  const position = await queuePosition(deps.store.db, tenantId, assessment.queue, deps.config.defaultWaitMinutes, handoff);
  return {
    customerMessage: fillCustomerMessage(assessment.brief.customer_message, {
      waitMinutes: deps.config.defaultWaitMinutes,
      position,
    }),
  };
}
