-- What followed a handoff and never arrived: a job delivering it (the note on the ticket, a Slack
-- alert, its update or reminder) used up its retries. Its dead-letter worker records the last error
-- here, one row per handoff and job (a later failure of the same job replaces it), and
-- GET /v1/handoffs/:id shows them as `delivery_failures`, so nobody needs pg-boss's tables or the logs
-- to learn that an escalation reached its ticket or its channel without the brief.
CREATE TABLE delivery_failures (
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The queue whose job failed: helpdesk-write-back, slack-alert-post, …
  job text NOT NULL CHECK (length(job) BETWEEN 1 AND 50),
  error text NOT NULL CHECK (length(error) <= 1000),
  failed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (handoff_id, job)
);
