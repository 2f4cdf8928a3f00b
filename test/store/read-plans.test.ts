import { createStore } from '../../server/store/postgres-store';
import { GUARD_WARNING_COUNT } from '../../server/store/sidebar-signals';
import type { Database, Sql } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { scansOf } from './plans';

/**
 * Statements whose cost must not grow with traffic, checked by their plan on a table filled past
 * what one handoff holds (docs/BENCHMARKS.md, "Read routes at 100,000 handoffs"). A plan, not a
 * time: the planner picks a Seq Scan, or the tenant's index, where the statement's own index is missing.
 */

/** `handoffs` handoffs of one tenant (each with its conversation), by SQL: quicker than the store. */
async function fillHandoffs(sql: Sql, tenantId: string, handoffs: number): Promise<void> {
  await sql.query(
    `INSERT INTO conversations (tenant_id, conversation_id, payload)
     SELECT $1, 'plan-' || n, '{"messages":[]}'::jsonb FROM generate_series(1, $2::int) n`,
    [tenantId, handoffs],
  );
  await sql.query(
    `INSERT INTO handoffs (tenant_id, conversation_id, status, decision, escalate, category, queue, priority, ticket_provider, ticket_id)
     SELECT $1, 'plan-' || n, 'assembled', '{}'::jsonb, true, 'order_status', 'shipping', 'high', 'zendesk', 'plan-' || n
     FROM generate_series(1, $2::int) n`,
    [tenantId, handoffs],
  );
}

describe.each(backends())('read plans at many rows, on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let db: Database;
  let tenantId: string;

  beforeAll(async () => {
    db = await backend.open(schema);
    const store = createStore(db);
    await store.migrate();
    tenantId = (await store.createTenant({ name: 'plans' })).id;
    await fillHandoffs(db, tenantId, 2000);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("counts a handoff's guard warnings by its handoff, not by reading every warning of the tenant", async () => {
    await db.query(
      `INSERT INTO guard_warnings (handoff_id, tenant_id, kinds, agent_id)
       SELECT h.id, h.tenant_id, ARRAY['email'], 'agent-' || k FROM handoffs h, generate_series(1, 2) k WHERE h.tenant_id = $1`,
      [tenantId],
    );
    await db.exec('ANALYZE guard_warnings');
    const { rows } = await db.query<{ id: string }>('SELECT id FROM handoffs WHERE tenant_id = $1 LIMIT 1', [tenantId]);
    const scans = await scansOf(db, GUARD_WARNING_COUNT, [rows[0]!.id, tenantId], 'guard_warnings');
    expect(scans.map((scan) => scan.index)).toEqual(['guard_warnings_handoff_idx']);
  });
});
