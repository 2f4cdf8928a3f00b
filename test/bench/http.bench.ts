import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../server/store/database';
import type { Sql } from '../../server/store/types';
import { cpuMs, memoryMb, startChild, type Child } from './server-child';

/**
 * `npm run bench`: Baton's HTTP API under load beside bare Express baselines, started by this script,
 * on 127.0.0.1 only and for fixed durations (a few minutes in all). PGlite always; Postgres too when
 * BENCH_DATABASE_URL is set (a database is created for the run and dropped after). Prints the figures
 * and rewrites the "HTTP" section of docs/BENCHMARKS.md, leaving the other sections as they are.
 */

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  duration: number;
}
type CannonRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
  onResponse?: (status: number, body: string) => void;
};
const autocannon = require('autocannon') as (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;

const ROOT = path.resolve(__dirname, '..', '..');
const CONNECTIONS = 50;
const KEY = `bt_bench_${randomBytes(16).toString('hex')}`;
const AUTH = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
const SEED_ROWS = 100_000;
const ADMIN_TOKEN = `bench-admin-${randomBytes(16).toString('hex')}`;

const log = (line: string) => process.stdout.write(`${line}\n`);

function conversation(n: number) {
  return {
    id: `bench-${n}`,
    channel: 'chat',
    customer: { id: `c-${n % 997}`, name: 'Ana Ruiz', email: 'ana@example.com', tier: 'standard' },
    messages: [
      { role: 'customer', text: `Where is order #${48000 + (n % 9000)}? It was due last week and tracking has not moved.` },
      { role: 'bot', text: 'Your order shipped. You can follow it with the tracking link in your email.', helpful: false },
      { role: 'customer', text: 'That did not help, the parcel has not moved in 6 days. Can I talk to a real person?' },
    ],
    bot: { confidence: 0.4, intent: 'order_status' },
    ticket: { provider: 'zendesk', id: `bench-${n}` },
  };
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  failed: number;
  baseline?: string;
  ratio?: number;
}

async function measure(name: string, target: Child, duration: number, request: CannonRequest): Promise<Row> {
  const cpuBefore = cpuMs(target.child.pid!);
  const result = await autocannon({ url: target.url, connections: CONNECTIONS, duration, requests: [request] });
  const cpu = cpuMs(target.child.pid!) - cpuBefore;
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: Number((cpu / Math.max(1, result.requests.total)).toFixed(2)),
    failed: result.non2xx + result.errors,
  };
}

let sequence = 0;
function ingestRequest(accepted: string[], tickets: string[] = [], statuses: string[] = []): CannonRequest {
  return {
    method: 'POST',
    path: '/v1/handoffs',
    headers: AUTH,
    setupRequest: (req) => ({ ...req, body: JSON.stringify(conversation((sequence += 1))) }),
    onResponse: (status, body) => {
      if (status !== 202) return;
      const handoff = JSON.parse(body) as { id: string; conversation_id: string; status: string };
      accepted.push(handoff.id);
      statuses.push(handoff.status);
      tickets.push(handoff.conversation_id); // the ticket id is the conversation id (see conversation())
    },
  };
}

/**
 * Waits until every accepted handoff is assembled. Jobs run oldest first, so it walks the list in
 * order, asking about the next 25 at once (one at a time, the walk itself took longer than assembly).
 */
async function drain(baton: Child, accepted: string[], limitMs: number): Promise<number | undefined> {
  const deadline = Date.now() + limitMs;
  const WINDOW = 25;
  let next = 0;
  while (next < accepted.length) {
    if (Date.now() > deadline) return undefined;
    const statuses = await Promise.all(
      accepted.slice(next, next + WINDOW).map(async (id) => {
        const res = await fetch(`${baton.url}/v1/handoffs/${id}`, { headers: AUTH });
        return ((await res.json()) as { status: string }).status;
      }),
    );
    const done = statuses.indexOf('received');
    next += done < 0 ? statuses.length : done;
    if (done >= 0) await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now();
}

/**
 * 5 s of the same ingest at the same 50 connections, then the wait until those handoffs are assembled:
 * the measured burst starts with the JIT warm and no backlog of the warm-up's assembly behind it (with
 * 2 s at 10 connections the first burst measured 30-40% slower than the same burst later).
 */
async function warmUp(baton: Child): Promise<void> {
  const accepted: string[] = [];
  await autocannon({ url: baton.url, connections: CONNECTIONS, duration: 5, requests: [ingestRequest(accepted)] });
  await drain(baton, accepted, 120_000);
}

/** Connects parcel tracking for the demo tenant through the admin API. */
async function connectTracking(baton: Child): Promise<void> {
  const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
  const { tenants } = (await (await fetch(`${baton.url}/admin/v1/tenants`, { headers })).json()) as { tenants: Array<{ id: string; name: string }> };
  const demo = tenants.find((t) => t.name === 'demo')!;
  const res = await fetch(`${baton.url}/admin/v1/tenants/${demo.id}/integrations/tracking`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ settings: {}, secrets: {} }),
  });
  if (res.status !== 200) throw new Error(`connecting tracking answered ${res.status}: ${await res.text()}`);
}

/** Grows the demo tenant's tables to `total` handoffs with SQL (not HTTP): small rows, real indexes. */
async function seed(sql: Sql, total: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM handoffs');
  const missing = total - Number(rows[0]!.n);
  if (missing <= 0) return 0;
  const run = randomBytes(3).toString('hex');
  await sql.query(
    `INSERT INTO conversations (tenant_id, conversation_id, payload)
     SELECT t.id, 'seed-${run}-' || n, '{"messages":[{"role":"customer","text":"seeded"}]}'::jsonb
     FROM tenants t, generate_series(1, $1::int) n WHERE t.name = 'demo'`,
    [missing],
  );
  await sql.query(
    `INSERT INTO handoffs (tenant_id, conversation_id, status, decision, escalate, category, queue, priority,
       ticket_provider, ticket_id, queue_position, created_at, updated_at)
     SELECT t.id, 'seed-${run}-' || n, 'assembled', '{"escalate":true}'::jsonb, true, 'order_status', 'shipping', 'high',
       'zendesk', 'seed-${run}-' || n, 1, now() - interval '2 days' + n * interval '1 second', now()
     FROM tenants t, generate_series(1, $1::int) n WHERE t.name = 'demo'`,
    [missing],
  );
  await sql.query(
    `INSERT INTO brief_versions (handoff_id, version, writer, brief)
     SELECT h.id, 1, 'offline', '{"summary":"seeded"}'::jsonb FROM handoffs h WHERE h.conversation_id LIKE 'seed-${run}-%'`,
  );
  await sql.exec('ANALYZE conversations; ANALYZE handoffs; ANALYZE brief_versions');
  return missing;
}

interface EngineReport {
  engine: string;
  rows: Row[];
  idleMemory: { rss: number; peak: number };
  endMemory: { rss: number; peak: number };
  /** The first burst (nothing connected): handoffs are assembled when recorded. */
  assembledAtOnce: { accepted: number; answeredAssembled: number; checkedAssembled: boolean };
  /** The burst with tracking connected: assembly jobs. */
  drain: { accepted: number; afterBurstSeconds?: number; perSecond?: number };
  flat: { rows: number; rps: number; p99: number; seeded: number };
}

async function benchEngine(engine: 'pglite' | 'postgres', databaseUrl?: string): Promise<EngineReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baton-bench-${engine}-`));
  const batonEnv = {
    DATA_DIR: path.join(dir, 'baton'),
    BATON_DEMO_API_KEY: KEY,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'info',
    BATON_ADMIN_TOKEN: ADMIN_TOKEN,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const startBaton = () => startChild(['server/main.ts'], batonEnv, /Baton listening on (\S+)/);
  const bare = await startChild(
    ['test/bench/bare-express.ts'],
    databaseUrl ? { DATABASE_URL: databaseUrl } : { BARE_DATA_DIR: path.join(dir, 'bare') },
    /listening (\S+)/,
  );
  let baton = await startBaton();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // settle after start-up
    const idleMemory = memoryMb(baton.child.pid!);
    log(`${engine}: Baton up, ${idleMemory.rss} MB resident after start`);

    const accepted: string[] = [];
    const tickets: string[] = [];
    const statuses: string[] = [];
    // What a fresh process gives its first callers (no warm-up of ours; the server's own before it listens).
    const coldIngest = await measure('POST /v1/handoffs, first 5 s after start', baton, 5, ingestRequest([]));
    // Warm-up (JIT, caches), then the 10 s burst at full rate, 50 connections. The demo tenant has
    // nothing connected, so each handoff is assembled when recorded (no job; docs/API.md): counted
    // from the answers, then checked through the API.
    await warmUp(baton);
    const ingest = await measure('POST /v1/handoffs', baton, 10, ingestRequest(accepted, tickets, statuses));
    const checkedAssembled = (await drain(baton, accepted, 120_000)) !== undefined;
    const assembledAtOnce = {
      accepted: accepted.length,
      answeredAssembled: statuses.filter((s) => s === 'assembled').length,
      checkedAssembled,
    };
    log(`${engine}: ingest ${ingest.rps}/s p99 ${ingest.p99} ms; ${assembledAtOnce.answeredAssembled} of ${accepted.length} handoffs answered assembled`);

    const reads = await measure('GET /v1/briefs', baton, 8, {
      method: 'GET',
      path: `/v1/briefs?provider=zendesk&ticket=${tickets[0]}`,
      headers: AUTH,
      setupRequest: (req) => ({ ...req, path: `/v1/briefs?provider=zendesk&ticket=${tickets[Math.floor(Math.random() * tickets.length)]}` }),
    });
    const assess = await measure('POST /v1/assess', baton, 8, { method: 'POST', path: '/v1/assess', headers: AUTH, body: JSON.stringify(conversation(1)) });

    const bareInsert = await measure('bare Express + one INSERT', bare, 8, {
      method: 'POST',
      path: '/insert',
      headers: { 'Content-Type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(conversation((sequence += 1))) }),
    });
    const bareSelect = await measure('bare Express + one SELECT', bare, 8, {
      method: 'GET',
      path: '/select?key=k1',
      setupRequest: (req) => ({ ...req, path: `/select?key=k${1 + Math.floor(Math.random() * 1000)}` }),
    });
    const noop = await measure('bare Express, empty route', bare, 5, { method: 'GET', path: '/noop' });
    const logged = await measure('bare Express, empty route + pino-http', bare, 5, { method: 'GET', path: '/noop-logged' });

    // Flatness: the same 10 s ingest with the tables grown to 100k handoffs by SQL.
    let seeded: number;
    if (databaseUrl) {
      const db = await openDatabase({ url: databaseUrl, maxConnections: 1 });
      seeded = await seed(db, SEED_ROWS);
      await db.close();
    } else {
      await baton.stop(); // PGlite has one owner: seed while Baton is down
      const db = await openDatabase({ dataDir: path.join(batonEnv.DATA_DIR, 'pglite') });
      seeded = await seed(db, SEED_ROWS);
      await db.close();
      baton = await startBaton();
      await warmUp(baton);
    }
    const ingestAt100k = await measure('POST /v1/handoffs at 100k rows', baton, 10, ingestRequest([]));

    // The background path: parcel tracking connected (no AfterShip key, so no outside call: it names
    // the carriers of tracking numbers it finds), so every handoff gets an assembly job, which writes
    // a second brief version naming its sources. The same burst, then the wait until all are assembled.
    await connectTracking(baton);
    await warmUp(baton);
    const connectedAccepted: string[] = [];
    const burstStart = Date.now();
    const connected = await measure('POST /v1/handoffs, tracking connected', baton, 10, ingestRequest(connectedAccepted));
    const burstEnd2 = Date.now();
    const connectedDrainedAt = await drain(baton, connectedAccepted, 120_000);
    const drainReport = {
      accepted: connectedAccepted.length,
      afterBurstSeconds: connectedDrainedAt === undefined ? undefined : Number(((connectedDrainedAt - burstEnd2) / 1000).toFixed(1)),
      perSecond: connectedDrainedAt === undefined ? undefined : Math.round(connectedAccepted.length / ((connectedDrainedAt - burstStart) / 1000)),
    };
    log(`${engine}: connected ingest ${connected.rps}/s p99 ${connected.p99} ms; ${connectedAccepted.length} handoffs assembled ${drainReport.afterBurstSeconds ?? '>120'} s after the burst`);
    const endMemory = memoryMb(baton.child.pid!);

    ingest.baseline = bareInsert.name;
    ingest.ratio = ingest.rps / bareInsert.rps;
    ingestAt100k.baseline = bareInsert.name;
    ingestAt100k.ratio = ingestAt100k.rps / bareInsert.rps;
    coldIngest.baseline = bareInsert.name;
    coldIngest.ratio = coldIngest.rps / bareInsert.rps;
    connected.baseline = bareInsert.name;
    connected.ratio = connected.rps / bareInsert.rps;
    reads.baseline = bareSelect.name;
    reads.ratio = reads.rps / bareSelect.rps;
    logged.baseline = noop.name;
    logged.ratio = logged.rps / noop.rps;
    return {
      engine,
      rows: [coldIngest, ingest, ingestAt100k, connected, reads, assess, bareInsert, bareSelect, noop, logged],
      idleMemory,
      endMemory,
      assembledAtOnce,
      drain: drainReport,
      flat: { rows: SEED_ROWS, rps: ingestAt100k.rps, p99: ingestAt100k.p99, seeded },
    };
  } finally {
    await baton.stop();
    await bare.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function table(report: EngineReport): string {
  const lines = [
    '| measure | req/s | p50 ms | p99 ms | vs baseline | CPU ms / req (server process) | failed |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of report.rows) {
    const ratio = r.ratio === undefined ? '' : `${Math.round(r.ratio * 100)}% of ${r.baseline}`;
    lines.push(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${ratio} | ${r.cpuMsPerRequest} | ${r.failed} |`);
  }
  const first = report.rows.find((r) => r.name === 'POST /v1/handoffs')!;
  const flatChange = ((report.flat.rps - first.rps) / first.rps) * 100;
  lines.push(
    '',
    `- Nothing connected: ${report.assembledAtOnce.accepted} handoffs accepted in the first 10 s burst, ` +
      `${report.assembledAtOnce.answeredAssembled} of them answered \`assembled\` (recorded complete, no job); ` +
      (report.assembledAtOnce.checkedAssembled ? 'all read back assembled through the API.' : 'NOT all read back assembled within 120 s.'),
    `- Assembly drain, tracking connected: ${report.drain.accepted} handoffs accepted in the 10 s burst, all assembled ` +
      (report.drain.afterBurstSeconds === undefined
        ? 'NOT within 120 s of its end.'
        : `${report.drain.afterBurstSeconds} s after its end (${report.drain.perSecond} per second from the burst's start).`),
    `- Ingest as the tables grow: ${first.rps} req/s (p99 ${first.p99} ms) on a fresh database, ${report.flat.rps} req/s ` +
      `(p99 ${report.flat.p99} ms) at ${report.flat.rows.toLocaleString('en')} handoffs (${flatChange >= 0 ? '+' : ''}${flatChange.toFixed(0)}%).`,
    `- Baton's resident memory: ${report.idleMemory.rss} MB after start; ${report.endMemory.rss} MB at the end (peak ${report.endMemory.peak} MB).`,
  );
  return lines.join('\n');
}

function machine(loadBefore: number[], loadAfter: number[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return (
    `Machine: ${os.cpus().length} vCPUs ("${cpu.trim()}"), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.arch()}, ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} ` +
    `before the run and ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after (1 / 5 / 15 min).`
  );
}

const SECTION = '## HTTP: `npm run bench`';

function writeDoc(body: string): void {
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const doc = fs.readFileSync(file, 'utf8');
  const section = `${SECTION}\n\n${body.trim()}\n`;
  const start = doc.indexOf(SECTION);
  if (start < 0) {
    fs.writeFileSync(file, `${doc.trimEnd()}\n\n${section}`);
    return;
  }
  const next = doc.indexOf('\n## ', start + SECTION.length);
  fs.writeFileSync(file, doc.slice(0, start) + section + (next < 0 ? '' : `\n${doc.slice(next + 1)}`));
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const reports: EngineReport[] = [];
  // BENCH_ENGINES=postgres skips the embedded run (e.g. to re-measure Postgres alone).
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('pglite')) reports.push(await benchEngine('pglite'));
  const adminUrl = engines.includes('postgres') ? process.env.BENCH_DATABASE_URL : undefined;
  if (adminUrl) {
    const database = `baton_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    try {
      reports.push(await benchEngine('postgres', url.toString()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
  const loadAfter = os.loadavg();
  const text = [
    machine(loadBefore, loadAfter),
    ...reports.map((r) => `### ${r.engine === 'pglite' ? 'Embedded PGlite (the default)' : 'Postgres (BENCH_DATABASE_URL)'}\n\n${table(r)}`),
  ].join('\n\n');
  log(`\n${text}\n`);
  if (process.env.BENCH_WRITE_DOC !== 'false') writeDoc(`${DOC_PREAMBLE}\n\n### Last run\n\n${text}`);
}

const DOC_PREAMBLE = `\`test/bench/http.bench.ts\` starts Baton (\`server/main.ts\`, default settings except a fixed demo
key and no rate limit) and, in another process, bare Express baselines on the same kind of database with
the same pool size (\`test/bench/bare-express.ts\`): one route doing one INSERT of the JSON body, one doing
one SELECT by primary key from a 1,000-row table of its own, and an empty route with and without Baton's access log (pino-http at
\`info\`). autocannon drives each for a fixed time with 50 connections on 127.0.0.1: a 10 s burst of
\`POST /v1/handoffs\` (each a new 3-message conversation) for the demo tenant, which has nothing connected
(so each handoff is recorded assembled, with no job), then the time until every handoff of the burst
has its assembled brief (polled through the API, oldest first), \`GET /v1/briefs\` for random tickets of
the burst, \`POST /v1/assess\`, the baselines, the same 10 s burst again once the tables hold 100,000
handoffs (rows added with SQL, small payloads, real indexes), and last the same burst with parcel
tracking connected (through the admin API; no AfterShip key, so no outside call), where every handoff
has an assembly job, and the time until all of those are assembled (the assembly drain). CPU per request is the server process's
user + system time (all its threads) over the requests served; the database server's own CPU (Postgres)
is not in it. PGlite always; Postgres too with \`BENCH_DATABASE_URL=postgres://…\` (a database is created
for the run and dropped after). The first row is a 5 s burst as soon as Baton has started (3 s after it says it listens): what a fresh process gives its first callers. Each later burst follows a 5 s warm-up at the same 50 connections whose handoffs are assembled first. The whole run takes 4 to 8 minutes.`;

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
