import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../server/store/database';
import type { Database } from '../../server/store/types';

export type BackendName = 'pglite' | 'postgres';

export interface TestBackend {
  name: BackendName;
  /**
   * Opens a database whose tables live in `schema`. Creating a PGlite takes seconds: open once per
   * test file (beforeAll) and use `resetTables` between tests. On Postgres, `close()` also drops
   * `schema` and `<schema>_boss` (pg-boss's schema in tests), so afterAll leaves nothing behind.
   */
  open(schema: string): Promise<Database>;
  /** The connection string, for opening a second handle on the same database (Postgres only). */
  url?: string;
}

/** PGlite in memory always; Postgres too when TEST_DATABASE_URL is set (CI sets it). */
export function backends(): TestBackend[] {
  const list: TestBackend[] = [{ name: 'pglite', open: (schema) => openDatabase({ schema }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push(postgresBackend(url));
  return list;
}

/** Postgres at `url`; `close()` also drops the schema and its pg-boss schema. */
export function postgresBackend(url: string): TestBackend {
  return {
    name: 'postgres',
    url,
    async open(schema) {
      const db = await openDatabase({ url, schema, maxConnections: 5 });
      return {
        ...db,
        async close() {
          try {
            await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_boss CASCADE;`);
          } finally {
            await db.close();
          }
        },
      };
    },
  };
}

/** A schema name unique to this run of a test file, e.g. `t_store_a1b2c3d4`. */
export function uniqueSchema(testFile: string): string {
  const base = path.basename(testFile).replace(/\.test\.ts$/, '').replace(/[^a-z0-9]+/gi, '_').toLowerCase().slice(0, 20);
  return `t_${base}_${randomBytes(4).toString('hex')}`;
}

/** Empties Baton's tables (not pg-boss's) so each test starts clean on the per-file database. */
export async function resetTables(db: Database): Promise<void> {
  await db.exec('TRUNCATE tenants, api_keys, conversations, handoffs, brief_versions, inbound_events, tenant_integrations, helpdesk_notes, ticket_followups, queue_arrivals, brief_feedback, guard_warnings, embed_secrets, brief_usage CASCADE');
}
