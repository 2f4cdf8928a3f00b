import { arrivalsInWindowSql, countArrivalSql, pickShard } from './queue-arrivals';
import type { HandoffRecord, NewHandoff, Sql } from './types';

/** The default promised wait (DEFAULT_WAIT_MINUTES), when a caller names no window. */
const DEFAULT_WINDOW_MINUTES = 10;

/**
 * The write path of a new handoff in one statement: the conversation, the handoff with its place in
 * line, the queue's arrival counter and brief version 1. Separate statements cost a round trip each
 * (and on PGlite a parse and plan each, on the one thread); this was four statements plus a read-back.
 *
 * A replay of the same (tenant, conversation id) inserts nothing: the handoff's ON CONFLICT yields no
 * row, so neither the counter nor the brief see one. A concurrent first insert of the same key makes
 * this one wait for it and then do nothing, as with separate statements.
 */
const INSERT_HANDOFF = `
  WITH conversation AS (
    INSERT INTO conversations (tenant_id, conversation_id, payload) VALUES ($1, $2, $3::text::jsonb)
    ON CONFLICT (tenant_id, conversation_id) DO NOTHING
  ),
  handoff AS (
    INSERT INTO handoffs (tenant_id, conversation_id, decision, escalate, category, queue, priority,
      ticket_provider, ticket_id, ticket_url, queue_position)
    VALUES ($1, $2, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $11, ${arrivalsInWindowSql('$1', '$7', '$14::int')} + 1)
    ON CONFLICT (tenant_id, conversation_id) DO NOTHING
    RETURNING id, created_at, updated_at, queue_position
  ),
  arrival AS (
    ${countArrivalSql('handoff', '$5::boolean', '$1::uuid', '$7', '$15')}
  ),
  brief AS (
    INSERT INTO brief_versions (handoff_id, version, writer, brief)
    SELECT id, 1, $12, $13::text::jsonb FROM handoff
  )
  SELECT id, created_at, updated_at, queue_position FROM handoff`;

export interface InsertedHandoff {
  id: string;
  created_at: Date | string;
  updated_at: Date | string;
  queue_position: number;
}

/**
 * Inserts a new handoff (see INSERT_HANDOFF); null when the (tenant, conversation id) already had
 * one. `windowMinutes` is the promised wait within which earlier escalations count as ahead in line.
 */
export async function insertHandoff(tx: Sql, tenantId: string, input: NewHandoff): Promise<InsertedHandoff | null> {
  const { brief, ...decision } = input.assessment;
  const ticket = input.conversation.ticket;
  const { rows } = await tx.query<InsertedHandoff>(INSERT_HANDOFF, [
    tenantId,
    input.conversationId,
    JSON.stringify(input.conversation),
    JSON.stringify(decision),
    decision.escalate,
    decision.category,
    decision.queue,
    decision.priority,
    ticket?.provider ?? null,
    ticket?.id ?? null,
    ticket?.url ?? null,
    brief.writer,
    JSON.stringify(brief),
    input.queueWindowMinutes ?? DEFAULT_WINDOW_MINUTES,
    pickShard(),
  ]);
  return rows[0] ?? null;
}

/** The record of a handoff just inserted, built from what was written: no read-back needed. */
export function insertedRecord(tenantId: string, input: NewHandoff, row: InsertedHandoff): HandoffRecord {
  const ticket = input.conversation.ticket;
  const record: HandoffRecord = {
    id: row.id,
    tenant_id: tenantId,
    conversation_id: input.conversationId,
    status: 'received',
    conversation: input.conversation,
    assessment: input.assessment,
    brief_version: 1,
    queue_position: Number(row.queue_position),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
  if (ticket?.provider && ticket.id) {
    record.ticket = { provider: ticket.provider, id: ticket.id, ...(ticket.url ? { url: ticket.url } : {}) };
  }
  return record;
}
