import { arrivalsInWindowSql, countArrivalSql, pickShard } from './queue-arrivals';
import type { HandoffRecord, HandoffStatus, NewHandoff, Sql } from './types';

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
 *
 * `gate` is a CTE with one row and one boolean column `busy`: when it holds, nothing is inserted.
 */
function insertHandoffSql(status: HandoffStatus, gate?: string): string {
  const when = gate ? 'FROM gate WHERE NOT gate.busy' : '';
  return `
  WITH ${gate ? `gate AS (${gate}),` : ''}
  conversation AS (
    INSERT INTO conversations (tenant_id, conversation_id, payload) SELECT $1, $2, $3::text::jsonb ${when}
    ON CONFLICT (tenant_id, conversation_id) DO NOTHING
  ),
  handoff AS (
    INSERT INTO handoffs (tenant_id, conversation_id, decision, escalate, category, queue, priority,
      ticket_provider, ticket_id, ticket_url, queue_position, status)
    SELECT $1, $2, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $11, ${arrivalsInWindowSql('$1', '$7', '$14::int')} + 1, '${status}' ${when}
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
  ${gate ? 'SELECT h.id, h.created_at, h.updated_at, h.queue_position, gate.busy FROM gate LEFT JOIN handoff h ON true' : 'SELECT id, created_at, updated_at, queue_position FROM handoff'}`;
}

const INSERT_HANDOFF = insertHandoffSql('received');

/**
 * Whether anything would follow the assembly of this tenant's new handoff, read in the statement that
 * would record it: a connected integration (connectors to ask, a helpdesk to write back to) or, for an
 * escalation, a Slack route for its queue (an alert to render). The tables are the ones assembly and
 * its follow-ups read (helpdesk-wiring.ts HAS_WRITE_BACK_TARGET, slack-store.ts hasAlertTarget).
 */
const FOLLOW_UP_GATE = `SELECT EXISTS (SELECT 1 FROM tenant_integrations WHERE tenant_id = $1)
    OR ($5::boolean AND EXISTS (SELECT 1 FROM slack_routes WHERE tenant_id = $1 AND queue = $7)) AS busy`;

const INSERT_COMPLETE_HANDOFF = insertHandoffSql('assembled', FOLLOW_UP_GATE);

export interface InsertedHandoff {
  id: string;
  created_at: Date | string;
  updated_at: Date | string;
  queue_position: number;
}

function insertParameters(tenantId: string, input: NewHandoff): unknown[] {
  const { brief, ...decision } = input.assessment;
  const ticket = input.conversation.ticket;
  return [
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
  ];
}

/**
 * Inserts a new handoff (see INSERT_HANDOFF) with status `received`, for its assembly job; null when
 * the (tenant, conversation id) already had one. `windowMinutes` is the promised wait within which
 * earlier escalations count as ahead in line.
 */
export async function insertHandoff(tx: Sql, tenantId: string, input: NewHandoff): Promise<InsertedHandoff | null> {
  const { rows } = await tx.query<InsertedHandoff>(INSERT_HANDOFF, insertParameters(tenantId, input), { prepare: 'baton_insert_handoff' });
  return rows[0] ?? null;
}

/**
 * Inserts a new handoff already `assembled`, in one statement and with no job, unless something would
 * follow its assembly (FOLLOW_UP_GATE). `busy`: the tenant has such work, nothing was inserted; null
 * row: a replay. Either way the caller goes the transactional way, which handles both.
 */
export async function insertCompleteHandoff(sql: Sql, tenantId: string, input: NewHandoff): Promise<{ busy: boolean; row: InsertedHandoff | null }> {
  const { rows } = await sql.query<InsertedHandoff & { id: string | null; busy: boolean }>(INSERT_COMPLETE_HANDOFF, insertParameters(tenantId, input), {
    prepare: 'baton_insert_complete_handoff',
  });
  const first = rows[0]!;
  return { busy: first.busy, row: first.id === null ? null : first };
}

/** The record of a handoff just inserted, built from what was written: no read-back needed. */
export function insertedRecord(tenantId: string, input: NewHandoff, row: InsertedHandoff, status: HandoffStatus = 'received'): HandoffRecord {
  const ticket = input.conversation.ticket;
  const record: HandoffRecord = {
    id: row.id,
    tenant_id: tenantId,
    conversation_id: input.conversationId,
    status,
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
