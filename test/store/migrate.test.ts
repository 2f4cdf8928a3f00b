import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/store/database';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { createStore } from '../../server/store/postgres-store';
import type { Logger } from '../../server/logger';
import type { Database } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';

const TABLES = [
  'api_keys',
  'brief_feedback',
  'brief_usage',
  'brief_versions',
  'conversation_tickets',
  'conversations',
  'delivery_failures',
  'embed_secrets',
  'guard_warnings',
  'handoffs',
  'helpdesk_note_claims',
  'helpdesk_notes',
  'inbound_events',
  'queue_arrivals',
  'schema_migrations',
  'slack_alerts',
  'slack_installations',
  'slack_routes',
  'tenant_integrations',
  'tenants',
  'ticket_followups',
];

async function tablesIn(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe.each(backends())('migrations on $name', (backend) => {
  let db: Database;
  const schema = uniqueSchema(__filename);

  beforeAll(async () => {
    db = await backend.open(schema);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates every table in the requested schema, and a second run applies nothing', async () => {
    const first = await migrate(db);
    expect(first).toEqual(loadMigrations().map((m) => m.name));
    expect(first[0]).toBe('001_initial');
    expect(await tablesIn(db)).toEqual(TABLES);
    const { rows: schemaRow } = await db.query<{ s: string }>('SELECT current_schema() AS s');
    expect(schemaRow[0]!.s).toBe(schema);

    expect(await migrate(db)).toEqual([]);
    await createStore(db).migrate();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]!.n).toBe(first.length);
  });

  it('010 drops queue names over 200 characters from stored policies, keeping the rest', async () => {
    const other = await backend.open(`${schema}_q`);
    try {
      const all = loadMigrations();
      const at = all.findIndex((m) => m.name === '010_queue_name_limit');
      expect(at).toBeGreaterThan(0);
      await migrate(other, all.slice(0, at));
      const long = 'q'.repeat(201);
      await other.query(`INSERT INTO tenants (name, policy) VALUES ('long', $1::text::jsonb), ('fine', $2::text::jsonb), ('none', '{"refund_threshold": 5}'::jsonb)`, [
        JSON.stringify({ refund_threshold: 7, queues: { billing: long, shipping: 'parcels' } }),
        JSON.stringify({ queues: { billing: 'q'.repeat(200) } }),
      ]);
      expect(await migrate(other, all)).toEqual(all.slice(at).map((m) => m.name));
      const { rows } = await other.query<{ name: string; policy: unknown }>('SELECT name, policy FROM tenants ORDER BY name');
      expect(rows).toEqual([
        { name: 'fine', policy: { queues: { billing: 'q'.repeat(200) } } },
        { name: 'long', policy: { refund_threshold: 7, queues: { shipping: 'parcels' } } },
        { name: 'none', policy: { refund_threshold: 5 } },
      ]);
    } finally {
      await other.close();
    }
  });

  it('011 makes tenant names unique ignoring case, renaming all but the oldest of names that differed only by case', async () => {
    const other = await backend.open(`${schema}_n`);
    try {
      const all = loadMigrations();
      const at = all.findIndex((m) => m.name === '011_tenant_name_case');
      expect(at).toBeGreaterThan(0);
      await migrate(other, all.slice(0, at));
      const { rows: inserted } = await other.query<{ id: string; name: string }>(
        `INSERT INTO tenants (name, created_at) VALUES
           ('acme', '2026-03-01T00:00:00Z'), ('Acme', '2026-01-01T00:00:00Z'), ('ACME', '2026-02-01T00:00:00Z'),
           ('École', '2026-01-02T00:00:00Z'), ('école', '2026-02-02T00:00:00Z'), ('globex', '2026-01-03T00:00:00Z')
         RETURNING id, name`,
      );
      const id = (name: string) => inserted.find((t) => t.name === name)!.id;
      expect(await migrate(other, all)).toEqual(all.slice(at).map((m) => m.name));
      const { rows } = await other.query<{ name: string }>('SELECT name FROM tenants ORDER BY created_at, name');
      expect(rows.map((r) => r.name)).toEqual(['Acme', 'École', 'globex', `ACME (${id('ACME')})`, `école (${id('école')})`, `acme (${id('acme')})`]);
      // Enforced for every name from now on, whatever its case.
      await expect(other.query(`INSERT INTO tenants (name) VALUES ('GLOBEX')`)).rejects.toMatchObject({ code: '23505' });
      await expect(other.query(`INSERT INTO tenants (name) VALUES ('ÉCOLE')`)).rejects.toMatchObject({ code: '23505' });
    } finally {
      await other.close();
    }
  });

  if (backend.name === 'postgres') {
    it('logs a pooled connection the server cuts (not swallowed), and keeps answering', async () => {
      const warnings: Array<{ obj: unknown; msg: string }> = [];
      const logger = { warn: (obj: unknown, msg: string) => void warnings.push({ obj, msg }) } as unknown as Logger;
      const pooled = await openDatabase({ url: backend.url, maxConnections: 1, logger });
      try {
        const { rows } = await pooled.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await db.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        for (let i = 0; i < 50 && warnings.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
        expect(warnings).toEqual([{ obj: { err: expect.any(Error) }, msg: expect.stringContaining('idle pooled connection failed') }]);
        // The pool replaced the connection.
        expect((await pooled.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
      } finally {
        await pooled.close();
      }
    });

    it('stays up when the database terminates its connections while queries and transactions run', async () => {
      const name = `baton-terminated-${process.pid}`;
      const url = new URL(backend.url!);
      url.searchParams.set('application_name', name);
      const pooled = await openDatabase({ url: url.toString(), maxConnections: 10 });
      let done = 0;
      let failed = 0;
      try {
        const end = Date.now() + 4000;
        const killer = setInterval(() => {
          void db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]).catch(() => undefined);
        }, 150);
        const worker = async (i: number) => {
          while (Date.now() < end) {
            try {
              if (i % 2) await pooled.transaction(async (tx) => void (await tx.query('SELECT 1')));
              else await pooled.query('SELECT 1');
              done += 1;
            } catch {
              failed += 1;
            }
            // Busy for a moment, so a termination arrives in the same read as a query's end.
            const t = Date.now();
            while (Date.now() - t < 2);
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, i) => worker(i)));
        clearInterval(killer);
        // Still serving, and the terminations did reach it.
        expect((await pooled.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
        expect(done).toBeGreaterThan(0);
        expect(failed).toBeGreaterThan(0);
      } finally {
        await pooled.close();
      }
    }, 30_000);

    it('lets two processes migrate a fresh schema at once', async () => {
      const fresh = uniqueSchema('concurrent');
      const a = await openDatabase({ url: backend.url, schema: fresh });
      const b = await openDatabase({ url: backend.url, schema: fresh });
      try {
        const [ranA, ranB] = await Promise.all([migrate(a), migrate(b)]);
        // Exactly one of them applied the migrations; the other waited on the lock and found none left.
        expect([...ranA, ...ranB]).toEqual(loadMigrations().map((m) => m.name));
        expect(await tablesIn(b)).toEqual(TABLES);
      } finally {
        await a.exec(`DROP SCHEMA IF EXISTS ${fresh} CASCADE`);
        await a.close();
        await b.close();
      }
    });
  }
});

describe('openDatabase', () => {
  it('keeps PGlite data in dataDir (created if missing) across restarts', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-')), 'nested', 'pglite');
    try {
      const first = createStore(await openDatabase({ dataDir }));
      await first.migrate();
      await first.createTenant({ name: 'persisted' });
      await first.close();

      const second = createStore(await openDatabase({ dataDir }));
      try {
        expect(await migrate(second.db)).toEqual([]);
        expect((await second.findTenantByName('persisted'))?.name).toBe('persisted');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
    }
  }, 60_000); // two PGlite start-ups on disk

  it('rejects a schema name that is not a plain identifier, naming the option', async () => {
    await expect(openDatabase({ schema: 'x; DROP TABLE tenants' })).rejects.toThrow(/^schema: /);
  });
});
