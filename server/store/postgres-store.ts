import type { Brief } from '../domain/decision';
import { tenantPolicySchema, type TenantPolicy } from '../domain/policy';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { generateApiKey, hashApiKey } from './api-keys';
import { parseOrThrow } from '../validation';
import { migrate } from './migrate';
import { Remembered } from './remembered';
import { insertCompleteHandoff, insertedRecord, insertHandoff } from './record-handoff';
import {
  HANDOFF_SELECT,
  HANDOFF_VIEW_SELECT,
  isUuid,
  toBriefVersion,
  toHandoff,
  toHandoffView,
  toTenant,
  type BriefVersionRow,
  type HandoffRow,
  type HandoffViewRow,
  type TenantRow,
} from './rows';
import type {
  BriefVersion,
  Database,
  EnqueueInTransaction,
  HandoffRecord,
  HandoffStatus,
  NewHandoff,
  Sql,
  Store,
  Tenant,
} from './types';

/** JSON goes in as text and is cast in SQL, so neither driver re-encodes strings or turns arrays into Postgres arrays. */
const json = (value: unknown): string => JSON.stringify(value);

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function parsePolicy(policy: Partial<TenantPolicy> | undefined): TenantPolicy {
  return parseOrThrow(tenantPolicySchema, policy ?? {}, 'policy', 'policy');
}

async function selectHandoff(sql: Sql, tenantId: string, handoffId: string): Promise<HandoffRecord | null> {
  if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
  const { rows } = await sql.query<HandoffRow>(HANDOFF_BY_ID, [tenantId, handoffId], { prepare: 'baton_handoff_by_id' });
  return rows[0] ? toHandoff(rows[0]) : null;
}

async function insertBriefVersion(sql: Sql, handoffId: string, version: number, brief: Brief): Promise<BriefVersion> {
  const { rows } = await sql.query<BriefVersionRow>(
    `INSERT INTO brief_versions (handoff_id, version, writer, brief) VALUES ($1, $2, $3, $4::text::jsonb)
     RETURNING version, writer, brief, created_at`,
    [handoffId, version, brief.writer, json(brief)],
  );
  return toBriefVersion(rows[0]!);
}

/**
 * How long a key that authenticated is trusted without asking the database again. Every request
 * presents its key, and the lookup was one of the two statements of a brief read; remembered for two
 * seconds, a revocation or policy change made through another process (the CLI, a second server)
 * takes effect within that, and one made through this one at once (forgetAuthenticated).
 */
export const AUTH_CACHE_MS = 2000;

/**
 * A tenant whose handoffs have follow-up work (recordCompleteHandoff found it busy) goes straight to
 * the transactional path for this long, sparing it a statement that would insert nothing. Only a
 * shortcut: the statement's own check decides, so a stale entry costs speed, never correctness.
 */
const BUSY_REMEMBERED_MS = 60_000;

/** Keys or tenants remembered at most; past it the map starts again empty. */
const MAX_REMEMBERED = 10_000;

/** The reads every sidebar and API call makes, kept prepared (QueryOptions.prepare). */
const HANDOFF_BY_ID = `${HANDOFF_SELECT} WHERE h.tenant_id = $1 AND h.id = $2`;
const BY_TICKET = `WHERE h.tenant_id = $1 AND h.ticket_provider = $2 AND h.ticket_id = $3
  ORDER BY h.created_at DESC, h.id DESC LIMIT 1`;
const HANDOFF_BY_TICKET = `${HANDOFF_SELECT} ${BY_TICKET}`;
const HANDOFF_VIEW_BY_ID = `${HANDOFF_VIEW_SELECT} WHERE h.tenant_id = $1 AND h.id = $2`;
const HANDOFF_VIEW_BY_TICKET = `${HANDOFF_VIEW_SELECT} ${BY_TICKET}`;

/** A new tenant's name (trimmed, not empty) and policy (checked, defaults filled). */
function newTenant(input: { name: string; policy?: Partial<TenantPolicy> }): { name: string; policy: TenantPolicy } {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) throw new ValidationError('name: must be a non-empty string', 'name');
  return { name, policy: parsePolicy(input.policy) };
}

/**
 * Runs a tenant insert, answering a taken name with a conflict that names the field. Names are
 * unique ignoring case (migration 011), so the tenant holding it may spell it otherwise: it is named.
 */
async function insertTenant<T>(db: Database, name: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (errorCode(error) !== '23505') throw error;
    const { rows } = await db.query<{ name: string }>('SELECT name FROM tenants WHERE lower(name) = lower($1)', [name]);
    const taken = rows[0]?.name;
    if (taken === undefined) throw error; // another unique value (an API key's hash), not the name
    const how = taken === name ? '' : ` (as "${taken}": names are compared ignoring case)`;
    throw new ConflictError(`name: a tenant named "${name}" already exists${how}`, 'name');
  }
}

/** The Store on SQL that runs the same on PGlite and Postgres. Every tenant read filters on tenant_id. */
export function createStore(db: Database): Store {
  const authenticated = new Remembered<Tenant>(AUTH_CACHE_MS, MAX_REMEMBERED);
  const busy = new Remembered<true>(BUSY_REMEMBERED_MS, MAX_REMEMBERED);
  return {
    db,

    async migrate() {
      await migrate(db);
    },

    async ping() {
      await db.query('SELECT 1');
    },

    close: () => db.close(),

    async createTenant(input: { name: string; policy?: Partial<TenantPolicy> }): Promise<Tenant> {
      const { name, policy } = newTenant(input);
      const { rows } = await insertTenant(db, name, () =>
        db.query<TenantRow>('INSERT INTO tenants (name, policy) VALUES ($1, $2::text::jsonb) RETURNING id, name, policy, created_at', [name, json(policy)]),
      );
      return toTenant(rows[0]!);
    },

    async createTenantWithKey(input: { name: string; policy?: Partial<TenantPolicy> }, keyLabel: string) {
      const { name, policy } = newTenant(input);
      const key = generateApiKey();
      const { rows } = await insertTenant(db, name, () =>
        db.query<TenantRow & { key_id: string }>(
          `WITH tenant AS (
             INSERT INTO tenants (name, policy) VALUES ($1, $2::text::jsonb) RETURNING id, name, policy, created_at
           ), key AS (
             INSERT INTO api_keys (tenant_id, label, key_hash) SELECT id, $3, $4 FROM tenant RETURNING id
           )
           SELECT tenant.*, key.id AS key_id FROM tenant, key`,
          [name, json(policy), keyLabel, hashApiKey(key)],
        ),
      );
      const { key_id: keyId, ...tenant } = rows[0]!;
      return { tenant: toTenant(tenant), apiKey: { id: keyId, key } };
    },

    async getTenant(id) {
      if (!isUuid(id)) return null;
      const { rows } = await db.query<TenantRow>('SELECT id, name, policy, created_at FROM tenants WHERE id = $1', [id], { prepare: 'baton_tenant_by_id' });
      return rows[0] ? toTenant(rows[0]) : null;
    },

    async findTenantByName(name) {
      const { rows } = await db.query<TenantRow>('SELECT id, name, policy, created_at FROM tenants WHERE name = $1', [name]);
      return rows[0] ? toTenant(rows[0]) : null;
    },

    async createApiKey(tenantId, label) {
      if (!isUuid(tenantId)) throw new NotFoundError('tenant not found');
      const key = generateApiKey();
      try {
        const { rows } = await db.query<{ id: string }>(
          'INSERT INTO api_keys (tenant_id, label, key_hash) VALUES ($1, $2, $3) RETURNING id',
          [tenantId, label ?? null, hashApiKey(key)],
        );
        return { id: rows[0]!.id, key };
      } catch (error) {
        if (errorCode(error) === '23503') throw new NotFoundError('tenant not found');
        throw error;
      }
    },

    async authenticate(rawKey) {
      if (typeof rawKey !== 'string' || rawKey.length === 0) return null;
      const hash = hashApiKey(rawKey);
      const known = authenticated.get(hash);
      if (known) return known;
      const { rows } = await db.query<TenantRow>(
        `SELECT t.id, t.name, t.policy, t.created_at FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [hash],
        { prepare: 'baton_tenant_by_key' },
      );
      const tenant = rows[0] ? toTenant(rows[0]) : null;
      // Only keys that worked are remembered: an unknown key costs its sender a lookup every time
      // (and the per-address limit), and cannot fill this map.
      if (tenant) authenticated.set(hash, tenant);
      return tenant;
    },

    async revokeApiKey(tenantId, keyId) {
      if (!isUuid(tenantId) || !isUuid(keyId)) return false;
      const { rows } = await db.query(
        'UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id',
        [tenantId, keyId],
      );
      authenticated.clear();
      return rows.length === 1;
    },

    forgetAuthenticated() {
      authenticated.clear();
    },

    async recordCompleteHandoff(tenantId: string, input: NewHandoff) {
      if (!isUuid(tenantId) || busy.get(tenantId)) return null;
      const inserted = await insertCompleteHandoff(db, tenantId, input);
      if (inserted.busy) busy.set(tenantId, true);
      return inserted.row ? insertedRecord(tenantId, input, inserted.row, 'assembled') : null;
    },

    async recordHandoff(tenantId: string, input: NewHandoff, enqueue?: EnqueueInTransaction) {
      if (!isUuid(tenantId)) throw new NotFoundError('tenant not found');
      return db.transaction(async (tx) => {
        const inserted = await insertHandoff(tx, tenantId, input);
        if (!inserted) {
          const { rows } = await tx.query<HandoffRow>(
            `${HANDOFF_SELECT} WHERE h.tenant_id = $1 AND h.conversation_id = $2`,
            [tenantId, input.conversationId],
          );
          return { handoff: toHandoff(rows[0]!), created: false };
        }
        const handoff = insertedRecord(tenantId, input, inserted);
        // Throwing here rolls back the conversation, the handoff and the brief with the job.
        if (enqueue) await enqueue(tx, handoff);
        return { handoff, created: true };
      });
    },

    getHandoff: (tenantId, handoffId) => selectHandoff(db, tenantId, handoffId),

    async findHandoffByTicket(tenantId, provider, ticketId) {
      if (!isUuid(tenantId)) return null;
      const { rows } = await db.query<HandoffRow>(HANDOFF_BY_TICKET, [tenantId, provider, ticketId], { prepare: 'baton_handoff_by_ticket' });
      return rows[0] ? toHandoff(rows[0]) : null;
    },

    async getHandoffView(tenantId, handoffId) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
      const { rows } = await db.query<HandoffViewRow>(HANDOFF_VIEW_BY_ID, [tenantId, handoffId], { prepare: 'baton_handoff_view_by_id' });
      return rows[0] ? toHandoffView(rows[0]) : null;
    },

    async findHandoffViewByTicket(tenantId, provider, ticketId) {
      if (!isUuid(tenantId)) return null;
      const { rows } = await db.query<HandoffViewRow>(HANDOFF_VIEW_BY_TICKET, [tenantId, provider, ticketId], {
        prepare: 'baton_handoff_view_by_ticket',
      });
      return rows[0] ? toHandoffView(rows[0]) : null;
    },

    async addBriefVersion(tenantId, handoffId, brief, status?: HandoffStatus) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) throw new NotFoundError('handoff not found');
      return db.transaction(async (tx) => {
        // The row lock taken by UPDATE orders concurrent writers, so version numbers never collide.
        const { rows } = await tx.query<{ brief_version: number }>(
          `UPDATE handoffs SET brief_version = brief_version + 1, status = COALESCE($3, status), updated_at = now()
           WHERE tenant_id = $1 AND id = $2 RETURNING brief_version`,
          [tenantId, handoffId, status ?? null],
        );
        if (!rows[0]) throw new NotFoundError('handoff not found');
        return insertBriefVersion(tx, handoffId, rows[0].brief_version, brief);
      });
    },

    async advanceBrief(tenantId, handoffId, brief, transition, then) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
      // Check, bump and insert in one statement: atomic on its own, and one round trip per job.
      const advance = async (sql: Sql) => {
        const { rows } = await sql.query<BriefVersionRow>(
          `WITH bumped AS (
             UPDATE handoffs SET brief_version = brief_version + 1, status = $4, updated_at = now()
             WHERE tenant_id = $1 AND id = $2 AND status = $3 RETURNING id, brief_version
           )
           INSERT INTO brief_versions (handoff_id, version, writer, brief)
           SELECT id, brief_version, $5, $6::text::jsonb FROM bumped
           RETURNING version, writer, brief, created_at`,
          [tenantId, handoffId, transition.from, transition.to, brief.writer, json(brief)],
          { prepare: 'baton_advance_brief' },
        );
        return rows[0] ? toBriefVersion(rows[0]) : null;
      };
      if (!then) return advance(db);
      return db.transaction(async (tx) => {
        const version = await advance(tx);
        if (version) await then(tx, version);
        return version;
      });
    },

    async advanceStatus(tenantId, handoffId, version, transition, then) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
      const advance = async (sql: Sql) => {
        const { rows } = await sql.query<{ brief_version: number }>(
          `UPDATE handoffs SET status = $4, updated_at = now()
           WHERE tenant_id = $1 AND id = $2 AND status = $3 AND brief_version = $5 RETURNING brief_version`,
          [tenantId, handoffId, transition.from, transition.to, version],
          { prepare: 'baton_advance_status' },
        );
        return rows[0] ? { version: Number(rows[0].brief_version) } : null;
      };
      if (!then) return advance(db);
      return db.transaction(async (tx) => {
        const current = await advance(tx);
        if (current) await then(tx, current);
        return current;
      });
    },

    async listBriefVersions(tenantId, handoffId) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) return [];
      const { rows } = await db.query<BriefVersionRow>(
        `SELECT b.version, b.writer, b.brief, b.created_at FROM brief_versions b
         JOIN handoffs h ON h.id = b.handoff_id
         WHERE h.tenant_id = $1 AND h.id = $2 ORDER BY b.version`,
        [tenantId, handoffId],
      );
      return rows.map(toBriefVersion);
    },

    async recordInboundEvent(input, enqueue) {
      if (input.tenantId !== null && !isUuid(input.tenantId)) throw new NotFoundError('tenant not found');
      return db.transaction(async (tx) => {
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO inbound_events (tenant_id, source, event_id, payload) VALUES ($1, $2, $3, $4::text::jsonb)
           ON CONFLICT (source, event_id) DO NOTHING RETURNING id`,
          [input.tenantId, input.source, input.eventId, json(input.payload ?? null)],
        );
        if (inserted.rows[0]) {
          if (enqueue) await enqueue(tx);
          return { id: inserted.rows[0].id, created: true };
        }
        const { rows } = await tx.query<{ id: string }>(
          'SELECT id FROM inbound_events WHERE source = $1 AND event_id = $2',
          [input.source, input.eventId],
        );
        return { id: rows[0]!.id, created: false };
      });
    },
  };
}
