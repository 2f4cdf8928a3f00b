import { openDatabase } from '../../server/store/database';
import { createStore } from '../../server/store/postgres-store';
import type { Database } from '../../server/store/types';
import { uniqueSchema } from '../helpers/database';
import { makeAssessment, makeConversation } from './factories';

/**
 * The statements run per request (the handoff insert, the handoff reads) are kept prepared on each
 * Postgres connection: the insert is a long statement whose parse and plan cost Postgres more than
 * its execution. PGlite ignores the name and answers the same.
 */
const url = process.env.TEST_DATABASE_URL;

describe('prepared statements', () => {
  it('PGlite keeps the handoff insert and reads prepared on its one session, and answers as unnamed', async () => {
    const db = await openDatabase({ schema: uniqueSchema(__filename) });
    try {
      const named = await db.query<{ n: number }>('SELECT $1::int + 1 AS n', [41], { prepare: 'test_add_one' });
      const again = await db.query<{ n: number }>('SELECT $1::int + 1 AS n', [1], { prepare: 'test_add_one' });
      expect([named.rows[0]!.n, again.rows[0]!.n]).toEqual([42, 2]);

      const store = createStore(db);
      await store.migrate();
      const tenant = await store.createTenant({ name: 'acme' });
      const recorded = await store.recordCompleteHandoff(tenant.id, { conversation: makeConversation({ id: 'g-1' }), conversationId: 'g-1', assessment: makeAssessment() });
      const read = await store.getHandoff(tenant.id, recorded!.id);
      // What the prepared path reads back is what the unprepared transaction path reads back.
      const { handoff: viaTransaction } = await store.recordHandoff(tenant.id, { conversation: makeConversation({ id: 'g-1' }), conversationId: 'g-1', assessment: makeAssessment() });
      expect(read).toEqual(viaTransaction);
      expect(typeof read!.created_at).toBe('string');
      expect(read!.assessment.brief.summary).toEqual(expect.any(String));

      const { rows } = await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['baton_handoff_by_id', 'baton_insert_complete_handoff', 'test_add_one']));
    } finally {
      await db.close();
    }
  });

  // Registered only with a Postgres to ask (CI sets TEST_DATABASE_URL).
  if (url) it('Postgres keeps the handoff insert and reads prepared on the connection that ran them', async () => {
    // One connection, so the session that prepared is the one asked.
    const schema = uniqueSchema(__filename);
    const db: Database = await openDatabase({ url, schema, maxConnections: 1 });
    try {
      const store = createStore(db);
      await store.migrate();
      const tenant = await store.createTenant({ name: 'acme' });
      for (const id of ['p-1', 'p-2']) {
        const recorded = await store.recordCompleteHandoff(tenant.id, { conversation: makeConversation({ id }), conversationId: id, assessment: makeAssessment() });
        expect(recorded?.conversation_id).toBe(id);
        expect((await store.getHandoff(tenant.id, recorded!.id))?.conversation_id).toBe(id);
      }
      const { rows } = await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['baton_handoff_by_id', 'baton_insert_complete_handoff']));
    } finally {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
  });
});
