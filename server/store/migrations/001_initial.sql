-- Baton's tables. Runs unchanged on PGlite and Postgres (gen_random_uuid is core since Postgres 13).

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  policy jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the sha256 of a key is kept: a leaked table does not leak working keys.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  label text,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

CREATE TABLE conversations (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, conversation_id)
);

CREATE TABLE handoffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'assembled', 'failed')),
  -- The rules' decision without the brief; briefs live in brief_versions.
  decision jsonb NOT NULL,
  escalate boolean NOT NULL,
  category text NOT NULL,
  queue text NOT NULL,
  priority text NOT NULL,
  ticket_provider text,
  ticket_id text,
  ticket_url text,
  brief_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- With the tenant, the caller's conversation id is the idempotency key.
  UNIQUE (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, conversation_id) ON DELETE CASCADE
);
-- The sidebars look handoffs up by ticket.
CREATE INDEX handoffs_ticket_idx ON handoffs (tenant_id, ticket_provider, ticket_id);

CREATE TABLE brief_versions (
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  version integer NOT NULL,
  writer text NOT NULL,
  brief jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (handoff_id, version)
);

-- Webhook deliveries, deduplicated by the vendor's event id. tenant_id is null until the event is
-- matched to a tenant (e.g. an install event).
CREATE TABLE inbound_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
  source text NOT NULL,
  event_id text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, event_id)
);
