import type { Conversation } from '../domain/conversation';
import type { Brief, Decision } from '../domain/decision';
import { storedPolicySchema } from '../domain/policy';
import type { BriefVersion, HandoffRecord, HandoffStatus, StoredHandoffView, Tenant } from './types';

/** Row shapes as both drivers return them: jsonb parsed, timestamptz as Date. */
export interface TenantRow {
  id: string;
  name: string;
  policy: unknown;
  created_at: Date | string;
}

export interface HandoffRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  status: HandoffStatus;
  decision: Decision;
  ticket_provider: string | null;
  ticket_id: string | null;
  ticket_url: string | null;
  brief_version: number;
  queue_position: number | null;
  created_at: Date | string;
  updated_at: Date | string;
  conversation: Conversation;
  brief: Brief;
}

export type HandoffViewRow = Omit<HandoffRow, 'conversation'> & { conversation_json: string };

export interface BriefVersionRow {
  version: number;
  writer: string;
  brief: Brief;
  created_at: Date | string;
}

export function isoTime(value: Date | string): string {
  return new Date(value).toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and job payloads; a malformed one is simply not found (Postgres would throw). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function toTenant(row: TenantRow): Tenant {
  // Parsed on read so policies stored before a new field existed get that field's default, and
  // leniently where the rules have since tightened (storedPolicySchema).
  return { id: row.id, name: row.name, policy: storedPolicySchema.parse(row.policy ?? {}), created_at: isoTime(row.created_at) };
}

/** Reads a handoff with its conversation and its current brief (`brief_version`). */
const handoffSelect = (conversation: string) => `
  SELECT h.id, h.tenant_id, h.conversation_id, h.status, h.decision, h.ticket_provider, h.ticket_id,
         h.ticket_url, h.brief_version, h.queue_position, h.created_at, h.updated_at, ${conversation}, b.brief
  FROM handoffs h
  JOIN conversations c ON c.tenant_id = h.tenant_id AND c.conversation_id = h.conversation_id
  JOIN brief_versions b ON b.handoff_id = h.id AND b.version = h.brief_version`;
export const HANDOFF_SELECT = handoffSelect('c.payload AS conversation');
/**
 * The same with the conversation as its stored JSON text (`StoredHandoffView`): the reads answer it
 * as it is, sparing a parse and a re-encoding of what is usually most of the answer.
 */
export const HANDOFF_VIEW_SELECT = handoffSelect('c.payload::text AS conversation_json');

export function toHandoff(row: HandoffRow): HandoffRecord {
  return { ...withoutConversation(row), conversation: row.conversation };
}

export function toHandoffView(row: HandoffViewRow): StoredHandoffView {
  return { ...withoutConversation(row), conversationJson: row.conversation_json };
}

function withoutConversation(row: Omit<HandoffRow, 'conversation'>): Omit<HandoffRecord, 'conversation'> {
  const record: Omit<HandoffRecord, 'conversation'> = {
    id: row.id,
    tenant_id: row.tenant_id,
    conversation_id: row.conversation_id,
    status: row.status,
    assessment: { ...row.decision, brief: row.brief },
    brief_version: row.brief_version,
    ...(row.queue_position === null || row.queue_position === undefined ? {} : { queue_position: Number(row.queue_position) }),
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
  };
  if (row.ticket_provider && row.ticket_id) {
    record.ticket = { provider: row.ticket_provider, id: row.ticket_id, ...(row.ticket_url ? { url: row.ticket_url } : {}) };
  }
  return record;
}

export function toBriefVersion(row: BriefVersionRow): BriefVersion {
  return { version: row.version, writer: row.writer, brief: row.brief, created_at: isoTime(row.created_at) };
}
