import { withStorableText } from '../validation';
import { isoTime, isUuid } from './rows';
import type { Sql } from './types';

/** A delivery that used up its retries (migration 013), as GET /v1/handoffs/:id shows it. */
export interface DeliveryFailure {
  /** The queue whose job failed, e.g. `helpdesk-write-back` or `slack-alert-post`. */
  job: string;
  /** The last try's error, as pg-boss recorded it. */
  error: string;
  failed_at: string;
}

/** Longest error kept: a vendor's message, not its whole answer. */
const MAX_ERROR_LENGTH = 1000;

/**
 * Records (or replaces) the failure of `job` for a handoff of `tenantId`; a handoff deleted since
 * (or another tenant's) records nothing.
 */
export async function recordDeliveryFailure(db: Sql, failure: { tenantId: string; handoffId: string; job: string; error: string }): Promise<boolean> {
  if (!isUuid(failure.tenantId) || !isUuid(failure.handoffId)) return false;
  // Cut first: a cut between a surrogate pair leaves half of it, which withStorableText replaces.
  const error = withStorableText(failure.error.slice(0, MAX_ERROR_LENGTH));
  const { rows } = await db.query(
    `INSERT INTO delivery_failures (handoff_id, tenant_id, job, error)
     SELECT id, tenant_id, $3, $4 FROM handoffs WHERE id = $1 AND tenant_id = $2
     ON CONFLICT (handoff_id, job) DO UPDATE SET error = EXCLUDED.error, failed_at = now()
     RETURNING job`,
    [failure.handoffId, failure.tenantId, failure.job, error],
  );
  return rows.length > 0;
}

/** A handoff's failed deliveries, oldest first; another tenant's handoff has none. */
export async function deliveryFailures(db: Sql, tenantId: string, handoffId: string): Promise<DeliveryFailure[]> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return [];
  const { rows } = await db.query<{ job: string; error: string; failed_at: Date | string }>(
    'SELECT job, error, failed_at FROM delivery_failures WHERE handoff_id = $1 AND tenant_id = $2 ORDER BY failed_at, job',
    [handoffId, tenantId],
  );
  return rows.map((row) => ({ job: row.job, error: row.error, failed_at: isoTime(row.failed_at) }));
}
