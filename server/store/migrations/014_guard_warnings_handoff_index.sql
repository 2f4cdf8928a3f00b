-- Each save-guard warning is answered with its handoff's count so far (POST /v1/briefs/guard-warnings),
-- and the table's only index was the tenant's (tenant_id, created_at): the count read every warning
-- the tenant ever had and kept those of one handoff (0.3 ms at 1,000 handoffs, 8.7 ms at 100,000 over
-- 20 tenants). By handoff it reads that handoff's few rows. A handoff's delete (ON DELETE CASCADE)
-- finds its warnings by this index too, instead of reading the whole table.
CREATE INDEX guard_warnings_handoff_idx ON guard_warnings (handoff_id);
