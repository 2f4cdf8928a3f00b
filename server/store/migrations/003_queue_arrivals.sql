-- The customer's place in line at a cost that does not grow with traffic (issue 6). Counting the
-- queue's escalations within one promised wait read every one of them per request (5.6 ms at 7k rows,
-- 11.4 ms at 14k); instead each escalation adds one to a counter for its (tenant, queue, minute), and
-- a place in line is the sum of at most window-minutes x 4 counters (server/store/queue-arrivals.ts).
--
-- The counters are a ring: slot = epoch minute mod 1441 (one more than the longest window,
-- DEFAULT_WAIT_MINUTES <= 1440), so a slot is reused when its minute has passed out of every window
-- and the table never holds more than 1441 x 4 rows per tenant and queue. Four shards per minute, chosen
-- at random per escalation, keep concurrent writers of one busy queue from queueing on one row lock.
CREATE TABLE queue_arrivals (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  queue text NOT NULL,
  slot smallint NOT NULL,
  shard smallint NOT NULL,
  -- Minutes since the epoch that `arrivals` counts; older than the window means stale, not zero'd.
  minute bigint NOT NULL,
  arrivals integer NOT NULL,
  PRIMARY KEY (tenant_id, queue, slot, shard)
) WITH (fillfactor = 50); -- room on each page so the counter updates stay HOT (no index change)

-- The place in line when the handoff was recorded, so reads (briefs, replays) cost no count at all.
-- Null for handoffs recorded before this migration: those are counted when read.
ALTER TABLE handoffs ADD COLUMN queue_position integer;

-- Only the count read this index.
DROP INDEX IF EXISTS handoffs_queue_recent_idx;
