import { randomBytes } from 'node:crypto';
import type { Sql } from './types';

/**
 * What the helpdesk sidebars record: helpful / not-helpful votes on a brief and the save guard's
 * warnings, plus each tenant's secret for signing embeddable sidebar links. Every write checks in
 * the same statement that the handoff belongs to the tenant, so another tenant's id is simply not found.
 */

export interface BriefFeedbackInput {
  handoffId: string;
  briefVersion: number;
  helpful: boolean;
  agentId?: string;
}

/** One vote per agent and brief version (a second click changes it). False when the handoff is not the tenant's. */
export async function recordBriefFeedback(db: Sql, tenantId: string, input: BriefFeedbackInput): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO brief_feedback (handoff_id, tenant_id, brief_version, agent_id, helpful)
     SELECT h.id, h.tenant_id, $3, $4, $5 FROM handoffs h
      WHERE h.id = $1 AND h.tenant_id = $2 AND $3 BETWEEN 1 AND h.brief_version
     ON CONFLICT (handoff_id, brief_version, agent_id)
     DO UPDATE SET helpful = EXCLUDED.helpful, updated_at = now()
     RETURNING handoff_id`,
    [input.handoffId, tenantId, input.briefVersion, input.agentId ?? '', input.helpful],
  );
  return rows.length === 1;
}

export interface GuardWarningInput {
  handoffId: string;
  kinds: string[];
  agentId?: string;
}

/** A handoff's warnings so far ($1 handoff, $2 tenant), read by guard_warnings_handoff_idx (migration 014). */
export const GUARD_WARNING_COUNT = 'SELECT count(*)::int AS n FROM guard_warnings WHERE handoff_id = $1 AND tenant_id = $2';

/** Counts one warning; the handoff's warning count after it, or null when the handoff is not the tenant's. */
export async function recordGuardWarning(db: Sql, tenantId: string, input: GuardWarningInput): Promise<number | null> {
  const { rows } = await db.query(
    `INSERT INTO guard_warnings (handoff_id, tenant_id, kinds, agent_id)
     SELECT h.id, h.tenant_id, $3, $4 FROM handoffs h WHERE h.id = $1 AND h.tenant_id = $2
     RETURNING handoff_id`,
    [input.handoffId, tenantId, input.kinds, input.agentId ?? ''],
  );
  if (rows.length === 0) return null;
  const count = await db.query<{ n: number }>(GUARD_WARNING_COUNT, [input.handoffId, tenantId]);
  return Number(count.rows[0]!.n);
}

export interface SidebarSignals {
  helpful: number;
  notHelpful: number;
  guardWarnings: number;
}

/** The tenant's totals (for metrics): votes and guard warnings. */
export async function sidebarSignals(db: Sql, tenantId: string): Promise<SidebarSignals> {
  const { rows } = await db.query<{ helpful: number; not_helpful: number; warnings: number }>(
    `SELECT
       (SELECT count(*)::int FROM brief_feedback WHERE tenant_id = $1 AND helpful) AS helpful,
       (SELECT count(*)::int FROM brief_feedback WHERE tenant_id = $1 AND NOT helpful) AS not_helpful,
       (SELECT count(*)::int FROM guard_warnings WHERE tenant_id = $1) AS warnings`,
    [tenantId],
  );
  const row = rows[0]!;
  return { helpful: Number(row.helpful), notHelpful: Number(row.not_helpful), guardWarnings: Number(row.warnings) };
}

/** The tenant's link-signing secret, made on first use (several processes racing agree on one). */
export async function embedSecret(db: Sql, tenantId: string): Promise<string> {
  await db.query(
    'INSERT INTO embed_secrets (tenant_id, secret) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING',
    [tenantId, randomBytes(32).toString('base64url')],
  );
  const { rows } = await db.query<{ secret: string }>('SELECT secret FROM embed_secrets WHERE tenant_id = $1', [tenantId]);
  return rows[0]!.secret;
}

/** The secret of a tenant that already has one (verifying a link never creates one). */
export async function findEmbedSecret(db: Sql, tenantId: string): Promise<string | null> {
  const { rows } = await db.query<{ secret: string }>('SELECT secret FROM embed_secrets WHERE tenant_id = $1', [tenantId]);
  return rows[0]?.secret ?? null;
}
