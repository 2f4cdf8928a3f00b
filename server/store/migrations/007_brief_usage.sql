-- What each model call for a brief cost (the OpenAI writer): one row per enrichment attempt, used or
-- not, so the tenant's sum is what the provider bills. brief_version is the version the answer
-- became, null when the offline brief stayed (timeout, error, refusal, invalid output, over budget).
CREATE TABLE brief_usage (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  brief_version integer,
  model text NOT NULL,
  outcome text NOT NULL,
  prompt_tokens integer NOT NULL CHECK (prompt_tokens >= 0),
  completion_tokens integer NOT NULL CHECK (completion_tokens >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Sums per tenant over a period (the monthly limit, GET /v1/usage); rows per handoff for its view.
CREATE INDEX brief_usage_tenant_time_idx ON brief_usage (tenant_id, created_at);
CREATE INDEX brief_usage_handoff_idx ON brief_usage (handoff_id);
