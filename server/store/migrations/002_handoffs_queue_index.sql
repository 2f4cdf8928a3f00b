-- The customer's place in line counts a tenant's recent escalations per queue (server/http/queue-standing.ts).
CREATE INDEX handoffs_queue_recent_idx ON handoffs (tenant_id, queue, created_at);
