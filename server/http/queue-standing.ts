import { fillCustomerMessage } from '../brief/customer-message';
import type { Assessment } from '../domain/decision';
import type { HandoffRecord } from '../store/types';
import type { AppDeps } from './deps';
import type { QueueStanding } from './handoff-view';

/**
 * How many of the tenant's open escalations wait in `queue` up to and including `handoff` (or, with
 * no handoff, counting one more: where a new one would stand now). "Open" is every escalated handoff
 * that did not fail; when claims and resolutions are recorded they will leave the count here.
 */
export async function queuePosition(
  db: AppDeps['store']['db'],
  tenantId: string,
  queue: string,
  handoff?: Pick<HandoffRecord, 'id'>,
): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    `SELECT count(*)::int AS n FROM handoffs
      WHERE tenant_id = $1 AND queue = $2 AND escalate AND status <> 'failed'
        AND ($3::uuid IS NULL OR created_at <= (SELECT created_at FROM handoffs WHERE id = $3::uuid))`,
    [tenantId, queue, handoff?.id ?? null],
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
  const position = await queuePosition(deps.store.db, tenantId, assessment.queue, handoff);
  return {
    customerMessage: fillCustomerMessage(assessment.brief.customer_message, {
      waitMinutes: deps.config.defaultWaitMinutes,
      position,
    }),
  };
}
