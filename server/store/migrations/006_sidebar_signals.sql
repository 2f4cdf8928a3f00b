-- What agents tell Baton from the helpdesk sidebars: whether a brief helped, and how often the save
-- guard caught a reply asking for something the brief already held. Plus one signing secret per
-- tenant for the embeddable sidebar page's short-lived links.

CREATE TABLE brief_feedback (
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  brief_version integer NOT NULL,
  -- The helpdesk's agent id ('' when the sidebar does not know it): one vote per agent and version.
  agent_id text NOT NULL DEFAULT '',
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (handoff_id, brief_version, agent_id)
);
CREATE INDEX brief_feedback_tenant_idx ON brief_feedback (tenant_id, created_at);

CREATE TABLE guard_warnings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- What the reply asked for: order_id, email, phone, tracking_number, problem.
  kinds text[] NOT NULL,
  agent_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guard_warnings_tenant_idx ON guard_warnings (tenant_id, created_at);

CREATE TABLE embed_secrets (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
