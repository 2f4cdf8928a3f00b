import type { Database, Sql } from '../store/types';

export interface TicketRef {
  provider: string;
  id: string;
  url?: string;
}

/**
 * Serialises the two sides of one link (the event naming the ticket, the handoff being recorded)
 * for one conversation: whichever commits second sees the other's row. Without it, on Postgres,
 * each could miss the other's uncommitted row and the ticket would never be filled.
 */
async function lockConversation(tx: Sql, tenantId: string, conversationId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('baton-conversation-ticket:' || $1 || ':' || $2))`, [tenantId, conversationId]);
}

const FILL_TICKET = `
  UPDATE handoffs SET ticket_provider = $3, ticket_id = $4, ticket_url = $5, updated_at = now()
  WHERE tenant_id = $1 AND conversation_id = $2 AND ticket_id IS NULL
  RETURNING id, status`;

/**
 * A helpdesk event named the ticket of a messaging conversation: remembered for a handoff recorded
 * later, and filled into the conversation's handoff if it has none yet, in one transaction with
 * `then` (the write-back, when the handoff is already assembled). Returns the handoff that got the
 * ticket, or null (no handoff yet, or it already had a ticket: a replay or a later message).
 */
export async function linkConversationTicket(
  db: Database,
  tenantId: string,
  conversationId: string,
  ticket: TicketRef,
  then?: (tx: Sql, filled: { handoffId: string; status: string }) => Promise<void>,
): Promise<{ handoffId: string; status: string } | null> {
  return db.transaction(async (tx) => {
    await lockConversation(tx, tenantId, conversationId);
    await tx.query(
      `INSERT INTO conversation_tickets (tenant_id, conversation_id, ticket_provider, ticket_id, ticket_url)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, conversation_id) DO NOTHING`,
      [tenantId, conversationId, ticket.provider, ticket.id, ticket.url ?? null],
    );
    const { rows } = await tx.query<{ id: string; status: string }>(FILL_TICKET, [tenantId, conversationId, ticket.provider, ticket.id, ticket.url ?? null]);
    const filled = rows[0] ? { handoffId: rows[0].id, status: rows[0].status } : null;
    if (filled && then) await then(tx, filled);
    return filled;
  });
}

/**
 * In the transaction recording a handoff: the ticket an earlier event named for its conversation,
 * filled in if the handoff has none. Returns it, or undefined.
 */
export async function fillLinkedTicket(tx: Sql, tenantId: string, conversationId: string): Promise<TicketRef | undefined> {
  await lockConversation(tx, tenantId, conversationId);
  const { rows } = await tx.query<{ ticket_provider: string; ticket_id: string; ticket_url: string | null }>(
    'SELECT ticket_provider, ticket_id, ticket_url FROM conversation_tickets WHERE tenant_id = $1 AND conversation_id = $2',
    [tenantId, conversationId],
  );
  const link = rows[0];
  if (!link) return undefined;
  const { rows: filled } = await tx.query(FILL_TICKET, [tenantId, conversationId, link.ticket_provider, link.ticket_id, link.ticket_url]);
  if (filled.length === 0) return undefined;
  return { provider: link.ticket_provider, id: link.ticket_id, ...(link.ticket_url ? { url: link.ticket_url } : {}) };
}
