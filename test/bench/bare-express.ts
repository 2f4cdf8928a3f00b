import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { httpLogger } from '../../server/http/http-logger';
import { openDatabase } from '../../server/store/database';

/**
 * The baselines `npm run bench` compares Baton with, on the same kind of database and the same pool
 * size: a bare Express route doing one INSERT of a JSON body, one doing one SELECT by primary key from a table of its own,
 * and an empty route with and without Baton's access log (pino-http) to price the logging alone.
 * Run as its own process; prints `listening <url>` when ready.
 */
async function main(): Promise<void> {
  const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.BARE_DATA_DIR! });
  await db.exec(`CREATE TABLE IF NOT EXISTS bare_rows (
    id bigserial PRIMARY KEY, key text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX IF NOT EXISTS bare_rows_key_idx ON bare_rows (key);`);
  // The SELECT baseline reads a table of its own, which the INSERT baseline does not grow: on a table
  // that grew from 1,000 to 15,000 rows since its last ANALYZE the planner picked a sequential scan,
  // and that slow baseline flattered the ratio of GET /v1/briefs.
  await db.exec(`CREATE TABLE IF NOT EXISTS bare_lookup (key text PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    INSERT INTO bare_lookup (key, payload) SELECT 'k' || n, '{"n": 1}'::jsonb FROM generate_series(1, 1000) n ON CONFLICT DO NOTHING;
    ANALYZE bare_lookup;`);

  const app = express();
  app.post('/insert', express.json({ limit: '1mb' }), async (req, res) => {
    const { rows } = await db.query<{ id: string }>('INSERT INTO bare_rows (key, payload) VALUES ($1, $2::text::jsonb) RETURNING id', [
      String(req.body?.id ?? 'x'),
      JSON.stringify(req.body),
    ]);
    res.status(202).json({ id: rows[0]!.id });
  });
  app.get('/select', async (req, res) => {
    const { rows } = await db.query('SELECT key, payload, created_at FROM bare_lookup WHERE key = $1', [
      String(req.query.key ?? 'k1'),
    ]);
    res.json(rows[0] ?? null);
  });
  app.get('/noop', (_req, res) => {
    res.json({ ok: true });
  });
  // Baton's access log, as configured in the server, writing JSON lines to stdout at level info.
  app.get('/noop-logged', httpLogger(pino({ level: 'info' })), (_req, res) => {
    res.json({ ok: true });
  });

  const server = createServer(app);
  server.listen(0, '127.0.0.1', () => {
    process.stderr.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}

void main();
