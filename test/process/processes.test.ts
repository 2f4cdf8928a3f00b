import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runToExit } from './run-to-exit';
import { killAll, startServer, waitFor, type ServerProcess } from './server-process';

jest.setTimeout(180_000);

const handoff = {
  id: 'conv-crash-1',
  messages: [
    { role: 'customer', text: 'Where is order #48213? It is two weeks late.' },
    { role: 'bot', text: 'It shipped May 2.', helpful: false },
    { role: 'customer', text: 'I want to talk to a real person.' },
  ],
  ticket: { provider: 'zendesk', id: '777' },
};

async function call(server: ServerProcess, method: string, route: string, body?: unknown) {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${server.demoKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('npm start on embedded PGlite, killed with SIGKILL and restarted', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-proc-'));
  });
  afterAll(() => {
    killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing it accepted: the handoff is there after the crash and its assembly completes', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    expect(first.demoKey).toMatch(/^bt_/);
    expect(fs.statSync(path.join(dataDir, 'demo-api-key')).mode & 0o777).toBe(0o600);

    const accepted = await call(first, 'POST', '/v1/handoffs', handoff);
    expect(accepted.status).toBe(202);
    // No chance for a graceful shutdown. (The demo tenant has nothing connected, so the handoff was
    // recorded assembled; crash-recovery.test.ts kills a server with assembly jobs under way.)
    await first.crash();

    const second = await startServer({ DATA_DIR: dataDir });
    // The demo key survives restarts (only its hash is in the database).
    expect(second.demoKey).toBe(first.demoKey);

    const replay = await call(second, 'POST', '/v1/handoffs', handoff);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(accepted.body.id);

    const assembled = await waitFor('the handoff to be assembled', async () => {
      const res = await call(second, 'GET', `/v1/handoffs/${accepted.body.id}`);
      return res.body.status === 'assembled' ? res.body : undefined;
    });
    // The demo tenant has no connectors: the offline brief is the assembled one, version 1.
    expect(assembled.brief_version).toBe(1);
    expect(assembled.conversation_id).toBe('conv-crash-1');

    const brief = await call(second, 'GET', '/v1/briefs?provider=zendesk&ticket=777');
    expect(brief.body.id).toBe(accepted.body.id);

    expect(await second.terminate()).toBe(0);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
const DEMO_KEY = `bt_proc_${randomBytes(16).toString('hex')}`;

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

function conversation(i: number) {
  return {
    id: `conv-shared-${i}`,
    messages: [{ role: 'customer', text: `Order #4821${i} never arrived. Let me speak to a human.` }],
    ticket: { provider: 'zendesk', id: `90${i}` },
  };
}

async function postShared(server: ServerProcess, body: unknown) {
  const res = await fetch(`${server.url}/v1/handoffs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string } };
}

// Postgres is what lets several processes share one database; CI sets TEST_DATABASE_URL, and without
// it only the embedded-database case above is registered.
if (adminUrl) describe('two server processes on one Postgres', () => {
  const database = `baton_proc_${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  let db: Client;

  beforeAll(async () => {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    db = new Client({ connectionString: databaseUrl(adminUrl!, database) });
    await db.connect();
  });

  afterAll(async () => {
    killAll();
    await db?.end();
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records each of 5 handoffs once when both receive them at once, and assembles each exactly once', async () => {
    const env = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-proc-pg-'));
      dirs.push(dir);
      return { DATABASE_URL: databaseUrl(adminUrl!, database), DATA_DIR: dir, BATON_DEMO_API_KEY: DEMO_KEY };
    };
    // Started together: migrations, queue creation and the demo tenant must all tolerate the race.
    const [one, two] = await Promise.all([startServer(env()), startServer(env())]);
    // Their queue routed to Slack, these escalations have follow-up work, so each gets an assembly job
    // (with nothing to follow, a handoff is recorded assembled at once and there is no job to share).
    const probe = await fetch(`${one!.url}/v1/assess`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(conversation(0)),
    });
    const { queue, escalate } = (await probe.json()) as { queue: string; escalate: boolean };
    expect(escalate).toBe(true);
    await db.query(`INSERT INTO slack_routes (tenant_id, queue, channel_id) SELECT id, $1, 'C0SHARED' FROM tenants WHERE name = 'demo'`, [queue]);

    const responses = await Promise.all(
      [0, 1, 2, 3, 4].flatMap((i) => [postShared(one!, conversation(i)), postShared(two!, conversation(i))]),
    );
    for (let i = 0; i < 5; i += 1) {
      const pair = responses.slice(i * 2, i * 2 + 2);
      expect(pair.map((r) => r.status).sort()).toEqual([200, 202]);
      expect(pair[0]!.body.id).toBe(pair[1]!.body.id);
    }

    const { rows: handoffs } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM handoffs');
    expect(handoffs[0]!.n).toBe(5);

    await waitFor('all 5 handoffs assembled', async () => {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM handoffs WHERE status = 'assembled'");
      return rows[0]!.n === 5 ? true : undefined;
    });
    const { rows: versions } = await db.query<{ handoff_id: string; n: number }>(
      'SELECT handoff_id, count(*)::int AS n FROM brief_versions GROUP BY handoff_id',
    );
    // No connectors on the demo tenant: assembly wrote no second version (nothing new to say).
    expect(versions.map((v) => v.n)).toEqual([1, 1, 1, 1, 1]);

    // One job per handoff, completed on its first attempt. pg-boss marks a job completed in its own
    // statement after the handler's transaction commits, so a handoff can read 'assembled' a moment
    // before its job does: wait for every job to leave the active states first.
    const jobs = await waitFor('the 5 assembly jobs to finish', async () => {
      const { rows } = await db.query<{ state: string; retry_count: number }>(
        "SELECT state, retry_count FROM pgboss.job WHERE name = 'handoff-assemble' ORDER BY id",
      );
      return rows.length === 5 && rows.every((j) => !['created', 'retry', 'active'].includes(j.state)) ? rows : undefined;
    });
    expect(jobs).toEqual(Array.from({ length: 5 }, () => ({ state: 'completed', retry_count: 0 })));

    expect(await Promise.all([one!.terminate(), two!.terminate()])).toEqual([0, 0]);
  });
});

describe('start-up failures', () => {
  const run = (script: string, env: Record<string, string>) => runToExit(script, env, 30_000);

  it('exits 1 naming the variable when the configuration is wrong', async () => {
    const port = await run('server/main.ts', { PORT: 'abc' });
    expect(port).toEqual({ code: 1, stderr: "Configuration error: PORT must be an integer between 0 and 65535, got 'abc'\n" });
    const kb = await run('server/main.ts', { KB_DIR: '/nonexistent/kb', DATA_DIR: path.join(os.tmpdir(), 'baton-unused') });
    expect(kb.code).toBe(1);
    expect(kb.stderr).toMatch(/^Configuration error: KB_DIR must be a readable folder/);
  });

  it('refuses to run workers alone on the embedded database', async () => {
    const worker = await run('server/worker-main.ts', {});
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/^Configuration error: DATABASE_URL must be set for npm run worker/);
  });
});
