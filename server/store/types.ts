import type { Conversation } from '../domain/conversation';
import type { Assessment, Brief } from '../domain/decision';
import type { TenantPolicy } from '../domain/policy';

/** The smallest SQL surface both PGlite and node-postgres give us. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Multi-statement SQL without parameters (migrations, pg-boss DDL on PGlite). */
  exec(text: string): Promise<void>;
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
  created_at: string;
  updated_at: string;
}

/** Work to enqueue inside the same transaction that records something. */
export type EnqueueInTransaction = (tx: Sql, handoff: HandoffRecord) => Promise<void>;
