-- A ticket that a helpdesk event named for a messaging conversation (Zendesk: the Sunshine
-- Conversations id on messaging_ticket.message_added). The handoff from that conversation's
-- passControl, recorded before or after the event, gets this ticket: one conversation, one handoff.

CREATE TABLE conversation_tickets (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Baton's conversation id, as handoffs.conversation_id (e.g. sunshine:conversation:<id>).
  conversation_id text NOT NULL,
  ticket_provider text NOT NULL,
  ticket_id text NOT NULL,
  ticket_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, conversation_id)
);
