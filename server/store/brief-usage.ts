import type { Brief } from '../domain/decision';
import { isoTime, isUuid, toBriefVersion, type BriefVersionRow } from './rows';
import type { BriefVersion, Database, Sql } from './types';

/**
 * The model's briefs and what they cost (migration 007). Every function takes the tenant id and
 * filters on it: another tenant's handoff is simply not found.
 */

export interface ModelCall {
  model: string;
  /**
   * enriched | timeout | rate_limited | server_error | refused | invalid_output | over_budget | error,
   * or unfinished: the call is under way, or the process stopped during it (its tokens are unknown;
   * the provider may have billed them) and the job's retry made a call of its own.
   */
  outcome: string;
  prompt_tokens: number;
  completion_tokens: number;
}

export interface UsageEntry extends ModelCall {
  /** The brief version the answer became; null when the offline brief stayed. */
  brief_version: number | null;
  created_at: string;
}

export interface UsageTotals {
  prompt_tokens: number;
  completion_tokens: number;
  /** Model calls made (one per enrichment attempt). */
  calls: number;
  /** Calls whose answer became a brief version. */
  enriched: number;
}

/** A call's row: inserted, or, with `callId`, the row startModelCall made for it completed. */
async function writeUsage(sql: Sql, tenantId: string, handoffId: string, call: ModelCall, version: number | null, callId?: string): Promise<void> {
  if (callId !== undefined) {
    await sql.query(
      `UPDATE brief_usage SET brief_version = $3, model = $4, outcome = $5, prompt_tokens = $6, completion_tokens = $7
       WHERE id = $8 AND tenant_id = $1 AND handoff_id = $2`,
      [tenantId, handoffId, version, call.model, call.outcome, call.prompt_tokens, call.completion_tokens, callId],
    );
    return;
  }
  await sql.query(
    `INSERT INTO brief_usage (tenant_id, handoff_id, brief_version, model, outcome, prompt_tokens, completion_tokens)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tenantId, handoffId, version, call.model, call.outcome, call.prompt_tokens, call.completion_tokens],
  );
}

/**
 * Stores the model's brief as the next version, only while the handoff still shows `fromVersion`
 * (checked and advanced in one statement), with its usage, in one transaction. Null when another
 * version came first (a retried job, a newer assembly): the call's usage is still recorded, since it
 * was billed.
 */
export async function storeModelBrief(
  db: Database,
  tenantId: string,
  handoffId: string,
  fromVersion: number,
  brief: Brief,
  call: ModelCall,
  /** The row startModelCall made for this call, completed here instead of a new one. */
  callId?: string,
): Promise<BriefVersion | null> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
  return db.transaction(async (tx) => {
    // Check, bump and insert in one statement, as advanceBrief does.
    const { rows } = await tx.query<BriefVersionRow>(
      `WITH bumped AS (
         UPDATE handoffs SET brief_version = brief_version + 1, updated_at = now()
         WHERE tenant_id = $1 AND id = $2 AND brief_version = $3 RETURNING id, brief_version
       )
       INSERT INTO brief_versions (handoff_id, version, writer, brief)
       SELECT id, brief_version, $4, $5::text::jsonb FROM bumped
       RETURNING version, writer, brief, created_at`,
      [tenantId, handoffId, fromVersion, brief.writer, JSON.stringify(brief)],
    );
    const version = rows[0] ? toBriefVersion(rows[0]) : null;
    await writeUsage(tx, tenantId, handoffId, { ...call, outcome: version ? call.outcome : 'superseded' }, version?.version ?? null, callId);
    return version;
  });
}

/**
 * Records a call before it is made, as `unfinished`; what it cost replaces that once it answers
 * (recordModelCall, storeModelBrief with the id). A process that stops during the call leaves the row
 * as it is, so the call still counts after the job's retry calls again. Null for another tenant's handoff.
 */
export async function startModelCall(db: Sql, tenantId: string, handoffId: string, model: string): Promise<string | null> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO brief_usage (tenant_id, handoff_id, brief_version, model, outcome, prompt_tokens, completion_tokens)
     SELECT h.tenant_id, h.id, NULL, $3, 'unfinished', 0, 0 FROM handoffs h WHERE h.tenant_id = $1 AND h.id = $2
     RETURNING id`,
    [tenantId, handoffId, model],
  );
  return rows[0]?.id ?? null;
}

/** Records a call whose answer was not used (the offline brief stayed). False for another tenant's handoff. */
export async function recordModelCall(db: Sql, tenantId: string, handoffId: string, call: ModelCall, callId?: string): Promise<boolean> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return false;
  if (callId !== undefined) {
    await writeUsage(db, tenantId, handoffId, call, null, callId);
    return true;
  }
  const { rows } = await db.query(
    `INSERT INTO brief_usage (tenant_id, handoff_id, brief_version, model, outcome, prompt_tokens, completion_tokens)
     SELECT h.tenant_id, h.id, NULL, $3, $4, $5, $6 FROM handoffs h WHERE h.tenant_id = $1 AND h.id = $2
     RETURNING id`,
    [tenantId, handoffId, call.model, call.outcome, call.prompt_tokens, call.completion_tokens],
  );
  return rows.length === 1;
}

/** The tenant's totals since `since` (all time when unset). */
export async function tenantUsage(db: Sql, tenantId: string, since?: Date): Promise<UsageTotals> {
  const empty = { prompt_tokens: 0, completion_tokens: 0, calls: 0, enriched: 0 };
  if (!isUuid(tenantId)) return empty;
  const { rows } = await db.query<Record<keyof UsageTotals, number | string>>(
    `SELECT COALESCE(sum(prompt_tokens), 0)::bigint AS prompt_tokens,
            COALESCE(sum(completion_tokens), 0)::bigint AS completion_tokens,
            count(*)::int AS calls,
            count(brief_version)::int AS enriched
     FROM brief_usage WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2::timestamptz)`,
    [tenantId, since ? since.toISOString() : null],
  );
  const row = rows[0];
  if (!row) return empty;
  // bigint sums come back as strings from node-postgres.
  return {
    prompt_tokens: Number(row.prompt_tokens),
    completion_tokens: Number(row.completion_tokens),
    calls: Number(row.calls),
    enriched: Number(row.enriched),
  };
}

/** Every model call made for one handoff, oldest first. */
export async function handoffUsage(db: Sql, tenantId: string, handoffId: string): Promise<UsageEntry[]> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return [];
  const { rows } = await db.query<UsageEntry & { created_at: Date | string }>(
    `SELECT brief_version, model, outcome, prompt_tokens, completion_tokens, created_at FROM brief_usage
     WHERE tenant_id = $1 AND handoff_id = $2 ORDER BY created_at, id`,
    [tenantId, handoffId],
  );
  return rows.map((r) => ({ ...r, created_at: isoTime(r.created_at) }));
}

/** The first instant of `now`'s calendar month in UTC: where a monthly limit starts counting. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
