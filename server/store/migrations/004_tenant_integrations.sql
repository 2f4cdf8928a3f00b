-- Each tenant's connected outside systems. Settings are plain; credentials are one AES-256-GCM
-- sealed blob (server/secret-box.ts), never returned by any API.
CREATE TABLE tenant_integrations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('zendesk', 'gorgias', 'shopify', 'tracking')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  secrets_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider)
);

-- One row per brief version written back to a helpdesk: the ledger that keeps a retried job from
-- writing a second note (the vendor-side marker covers a crash between the write and this row).
CREATE TABLE helpdesk_notes (
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  version integer NOT NULL,
  provider text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (handoff_id, version, provider)
);

-- What later helpdesk events say about a ticket, for the handoff metrics. Keyed by ticket: events
-- may arrive before the handoff is recorded, and out of order.
CREATE TABLE ticket_followups (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  provider text NOT NULL,
  ticket_id text NOT NULL CHECK (length(ticket_id) <= 200),
  first_public_reply_at timestamptz,
  assignee_id text,
  status text,
  solved_at timestamptz,
  satisfaction text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider, ticket_id)
);
