import type { Conversation } from '../domain/conversation';
import type { Assessment, Brief } from '../domain/decision';
import type { TenantPolicy } from '../domain/policy';

/** The smallest SQL surface both PGlite and node-postgres give us. */
export interface QueryOptions {
  /**
   * Extension: a name under which Postgres keeps the statement prepared on each connection, so the
   * next run of the same text skips sending, parsing and planning it (PGlite ignores it). Only for
   * fixed texts run per request: every distinct name costs each connection a prepared statement.
   */
  prepare?: string;
}

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  /** Multi-statement SQL without parameters (migrations, pg-boss DDL on PGlite). */
  exec(text: string): Promise<void>;
  /**
   * Extension: like `exec`, but gives back the last statement's rows (pg-boss sends parameterless
   * SQL that may be several statements and still reads a result). Both engines provide it.
   */
  execRows?(text: string): Promise<Record<string, unknown>[]>;
  /**
   * Extension, inside a transaction only: runs `fn` once the transaction has committed (never after a
   * rollback). How work enqueued in a transaction wakes this process's workers at the moment the job
   * becomes visible, instead of at their next poll.
   */
  afterCommit?(fn: () => void): void;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Tenant {
  id: string;
  name: string;
  policy: TenantPolicy;
  created_at: string;
}

export type HandoffStatus = 'received' | 'assembled' | 'failed';

export interface BriefVersion {
  version: number;
  writer: string;
  brief: Brief;
  created_at: string;
}

export interface HandoffRecord {
  id: string;
  tenant_id: string;
  /** The caller's conversation id (generated when the caller sent none). */
  conversation_id: string;
  status: HandoffStatus;
  conversation: Conversation;
  /** Decision fields plus the latest brief. */
  assessment: Assessment;
  ticket?: { provider: string; id: string; url?: string };
  brief_version: number;
  /** Extension: the place in line when it was recorded (null for handoffs recorded before it was kept). */
  queue_position?: number;
  created_at: string;
  updated_at: string;
}

/**
 * A handoff as the read routes answer it: the conversation as the JSON text the database holds
 * (valid JSON, written into the answer as it is), never parsed and encoded again.
 */
export type StoredHandoffView = Omit<HandoffRecord, 'conversation'> & { conversationJson: string };

/** Work to enqueue inside the same transaction that records something. */
export type EnqueueInTransaction = (tx: Sql, handoff: HandoffRecord) => Promise<void>;

export interface NewHandoff {
  conversation: Conversation;
  /** The caller's id, or one Baton generated. With the tenant, the idempotency key. */
  conversationId: string;
  assessment: Assessment;
  /** The promised wait (minutes) within which earlier escalations of the queue count as ahead; default 10. */
  queueWindowMinutes?: number;
}

/**
 * Everything the server and workers persist. Every method that reads tenant data takes the tenant id
 * and filters on it: another tenant's row is simply not found.
 */
export interface Store {
  readonly db: Database;
  /** Applies pending SQL migrations (idempotent, safe with several processes starting at once). */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;

  createTenant(input: { name: string; policy?: Partial<TenantPolicy> }): Promise<Tenant>;
  /**
   * A tenant and its first API key in one statement: a crash or a failure in between cannot leave a
   * tenant no key opens (whose name, taken, would then refuse the retry).
   */
  createTenantWithKey(input: { name: string; policy?: Partial<TenantPolicy> }, keyLabel: string): Promise<{ tenant: Tenant; apiKey: { id: string; key: string } }>;
  getTenant(id: string): Promise<Tenant | null>;
  findTenantByName(name: string): Promise<Tenant | null>;
  /** Makes a new API key; only its hash is stored, the raw key is returned once. */
  createApiKey(tenantId: string, label?: string): Promise<{ id: string; key: string }>;
  /**
   * Hashes the presented key and finds its (non-revoked) tenant. A key found is remembered for
   * AUTH_CACHE_MS: a key revoked or a policy changed by another process takes effect within that.
   */
  authenticate(rawKey: string): Promise<Tenant | null>;
  /** Extension: revokes one of the tenant's keys; false when the tenant has no such active key. */
  revokeApiKey(tenantId: string, keyId: string): Promise<boolean>;
  /** Forgets the keys authenticate() remembers: a tenant changed here takes effect at once. */
  forgetAuthenticated(): void;

  /**
   * Records a handoff once per (tenant, conversation id): the conversation, the handoff, brief
   * version 1, and whatever `enqueue` adds, all in one transaction. A replay returns the existing
   * handoff with `created: false` and enqueues nothing.
   */
  /**
   * Extension: records a new handoff already `assembled`, in one statement and with no job, when
   * nothing would follow its assembly: the tenant has no integration connected (no connector to ask,
   * no helpdesk to write back to) and, for an escalation, no Slack route for its queue. The brief
   * written with it is then the assembled brief (assembly would write the same one). Null when the
   * tenant has such work, or the conversation was recorded before: use recordHandoff.
   */
  recordCompleteHandoff(tenantId: string, input: NewHandoff): Promise<HandoffRecord | null>;
  recordHandoff(
    tenantId: string,
    input: NewHandoff,
    enqueue?: EnqueueInTransaction,
  ): Promise<{ handoff: HandoffRecord; created: boolean }>;
  getHandoff(tenantId: string, handoffId: string): Promise<HandoffRecord | null>;
  /** The newest handoff for a helpdesk ticket (what the sidebars read). */
  findHandoffByTicket(tenantId: string, provider: string, ticketId: string): Promise<HandoffRecord | null>;
  /** Extension: getHandoff and findHandoffByTicket for an answer, the conversation left as stored text. */
  getHandoffView(tenantId: string, handoffId: string): Promise<StoredHandoffView | null>;
  findHandoffViewByTicket(tenantId: string, provider: string, ticketId: string): Promise<StoredHandoffView | null>;
  /** Stores a newer brief (progressive brief) and sets the handoff's status. */
  addBriefVersion(tenantId: string, handoffId: string, brief: Brief, status?: HandoffStatus): Promise<BriefVersion>;
  /**
   * Extension: stores the next brief version and moves the handoff from status `from` to `to`, only
   * if it is still in `from` (checked and changed in one statement). Null when it was not: a
   * retried or duplicated job then adds nothing.
   */
  advanceBrief(
    tenantId: string,
    handoffId: string,
    brief: Brief,
    transition: { from: HandoffStatus; to: HandoffStatus },
    /** Runs in the same transaction once the version is stored (e.g. enqueue the model's brief). */
    then?: (tx: Sql, version: BriefVersion) => Promise<void>,
  ): Promise<BriefVersion | null>;
  /**
   * Extension: moves the handoff from status `from` to `to` without a new brief version, only if it
   * is still in `from` and its latest version is still `version` (checked and changed in one
   * statement): the assembled brief added nothing to that version. Null when it was not.
   */
  advanceStatus(
    tenantId: string,
    handoffId: string,
    version: number,
    transition: { from: HandoffStatus; to: HandoffStatus },
    /** Runs in the same transaction once the status moved, with the (unchanged) current version. */
    then?: (tx: Sql, current: { version: number }) => Promise<void>,
  ): Promise<{ version: number } | null>;
  listBriefVersions(tenantId: string, handoffId: string): Promise<BriefVersion[]>;

  /**
   * Stores an inbound webhook event once per (source, event id), with its follow-up work in the same
   * transaction. A duplicate returns `created: false` and enqueues nothing.
   */
  recordInboundEvent(
    input: { tenantId: string | null; source: string; eventId: string; payload: unknown },
    enqueue?: (tx: Sql) => Promise<void>,
  ): Promise<{ id: string; created: boolean }>;
}
