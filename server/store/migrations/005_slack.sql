-- Slack: where each tenant's queues are alerted, the workspaces Baton is installed in, and one alert
-- row per handoff that holds its whole life (posted, claimed, resolved) in one status column, so a
-- claim racing a resolve ends in one state.

CREATE TABLE slack_routes (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  queue text NOT NULL CHECK (length(queue) BETWEEN 1 AND 100),
  channel_id text NOT NULL CHECK (length(channel_id) BETWEEN 1 AND 40),
  -- The queue's lead, mentioned when an alert is still unclaimed at twice the SLA.
  lead_user_id text CHECK (length(lead_user_id) <= 40),
  sla_minutes integer NOT NULL DEFAULT 15 CHECK (sla_minutes BETWEEN 1 AND 10080),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, queue)
);

-- One row per workspace (or org-wide install). The bot token is stored encrypted (AES-256-GCM) and
-- never returned by any route.
CREATE TABLE slack_installations (
  team_id text PRIMARY KEY,
  enterprise_id text,
  tenant_id uuid REFERENCES tenants (id) ON DELETE SET NULL,
  bot_user_id text,
  bot_id text,
  bot_token_enc text NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX slack_installations_tenant_idx ON slack_installations (tenant_id);

CREATE TABLE slack_alerts (
  handoff_id uuid PRIMARY KEY REFERENCES handoffs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  queue text NOT NULL,
  -- Null when the tenant has no channel for the queue: the alert is rendered and kept for preview.
  channel_id text,
  team_id text,
  -- Slack's message timestamp, set once the post is known to have landed.
  message_ts text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'resolved')),
  claimed_by text,
  claimed_at timestamptz,
  resolved_at timestamptz,
  first_reply_at timestamptz,
  sla_due_at timestamptz,
  reminders_sent integer NOT NULL DEFAULT 0,
  -- The last rendered message (Block Kit), for preview and for updates in place.
  message jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slack_alerts_tenant_idx ON slack_alerts (tenant_id, created_at);
