import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from '../../server/store/data-dir-lock';
import { runToExit } from './run-to-exit';
import { killAll, startServer, waitFor, type ServerProcess } from './server-process';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '..', '..');
/** The demo tenant's key for the process-group signal test (BATON_DEMO_API_KEY). */
const KEY_FOR_GROUP = 'bt_group_signal_0123456789abcdef0123';

function conversation(i: number) {
  return {
    id: `crash-${i}`,
    messages: [
      { role: 'customer', text: `Order #5${String(i).padStart(4, '0')} never arrived and the tracking is stuck.` },
      { role: 'bot', text: 'It is on its way.', helpful: false },
      { role: 'customer', text: 'That does not help. Let me talk to a person.' },
    ],
    ticket: { provider: 'zendesk', id: `t-${i}` },
  };
}

async function call(server: ServerProcess, method: string, route: string, body?: unknown) {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${server.demoKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** One line, naming the variable, no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('the embedded database across kill -9, a second process and signals', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-crash-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    killAll();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives every accepted handoff its assembled brief within 60 s of a restart after kill -9 mid-burst, once each', async () => {
    const dataDir = tempDir();
    const adminToken = 'crash-test-admin-token-0123456789';
    const first = await startServer({ DATA_DIR: dataDir, BATON_ADMIN_TOKEN: adminToken }, 300_000);
    // A connected integration gives every handoff an assembly job (with nothing connected a handoff
    // is complete when recorded, and there would be no job to interrupt). Parcel tracking without an
    // AfterShip key asks no outside service: it names carriers of the tracking numbers it finds.
    const admin = { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' };
    const { tenants } = (await (await fetch(`${first.url}/admin/v1/tenants`, { headers: admin })).json()) as { tenants: Array<{ id: string }> };
    const connected = await fetch(`${first.url}/admin/v1/tenants/${tenants[0]!.id}/integrations/tracking`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ settings: {}, secrets: {} }),
    });
    expect(connected.status).toBe(200);
    const total = 60;
    const accepted: string[] = [];
    // Posted 10 at a time; the kill lands while assembly jobs of the last ones are queued or running.
    for (let i = 0; i < total; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => call(first, 'POST', '/v1/handoffs', conversation(i + k))));
      for (const res of batch) {
        expect(res.status).toBe(202);
        expect(res.body.status).toBe('received'); // its assembly is a job
        accepted.push(res.body.id);
      }
    }
    await first.crash();
    // The dead process's lock is still there; it must not block the restart.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);

    const second = await startServer({ DATA_DIR: dataDir }, 300_000);
    const restarted = Date.now();
    const pending = new Set(accepted);
    await waitFor(
      'every accepted handoff to be assembled',
      async () => {
        for (const id of [...pending]) {
          const res = await call(second, 'GET', `/v1/handoffs/${id}`);
          if (res.body.status === 'assembled') pending.delete(id);
        }
        return pending.size === 0 ? true : undefined;
      },
      60_000,
    );
    expect(Date.now() - restarted).toBeLessThan(60_000);

    // Nothing lost, nothing twice: each handoff once, assembled, with exactly one assembled version
    // after the rules' first one (the brief now names the tracking source it asked).
    for (const [i, id] of accepted.entries()) {
      const res = await call(second, 'GET', `/v1/handoffs/${id}`);
      expect(res.body).toMatchObject({ id, conversation_id: `crash-${i}`, status: 'assembled', brief_version: 2 });
    }
    const replay = await call(second, 'POST', '/v1/handoffs', conversation(0));
    expect(replay).toMatchObject({ status: 200, body: { id: accepted[0] } });
    expect(await second.terminate()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second process on the same DATA_DIR with one line, and the first keeps every handoff', async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir }, 300_000);
    const before = await call(first, 'POST', '/v1/handoffs', conversation(1));
    expect(before.status).toBe(202);

    const second = await runToExit('server/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).toBe(1);
    expectOneLine(second.stderr, new RegExp(`^Configuration error: DATA_DIR '${dataDir}' is in use by another Baton process \\(pid ${first.child.pid}\\)`));

    const after = await call(first, 'POST', '/v1/handoffs', conversation(2));
    expect(after.status).toBe(202);
    for (const id of [before.body.id, after.body.id]) expect((await call(first, 'GET', `/v1/handoffs/${id}`)).status).toBe(200);
    expect(await first.terminate()).toBe(0);
  });

  it('stops the server gracefully when npm start gets SIGTERM (one process, no orphan)', async () => {
    const dataDir = tempDir();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const url = await waitFor('npm start to listen', async () => /Baton listening on (\S+)/.exec(out)?.[1], 300_000);
    const serverPid = Number(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'));
    expect(serverPid).not.toBe(npm.pid);

    const code = await new Promise<number | null>((resolve) => {
      npm.once('exit', (c) => resolve(c));
      npm.kill('SIGTERM');
    });
    expect(code).toBe(0);
    // The server itself ran its shutdown (it removes its lock last) and is gone.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(() => process.kill(serverPid, 0)).toThrow();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('stops gracefully when the whole process group gets SIGINT under load (Ctrl-C: npm forwards it, so the server gets it twice)', async () => {
    const dataDir = tempDir();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', BATON_DEMO_API_KEY: KEY_FOR_GROUP },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as a terminal's foreground job
    });
    let out = '';
    npm.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const url = await waitFor('npm start to listen', async () => /Baton listening on (\S+)/.exec(out)?.[1], 300_000);
    let busy = true;
    const load = Array.from({ length: 8 }, async (_, i) => {
      for (let n = 0; busy; n += 1) {
        await fetch(`${url}/v1/handoffs`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${KEY_FOR_GROUP}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: `group-${i}-${n}`, messages: [{ role: 'customer', text: 'Where is my order? I want a person.' }] }),
        }).catch(() => undefined);
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const code = await new Promise<number | null>((resolve) => {
      npm.once('exit', (c) => resolve(c));
      process.kill(-npm.pid!, 'SIGINT');
    });
    busy = false;
    await Promise.all(load);
    expect([code, out]).toEqual([0, expect.not.stringContaining('second signal')]);
    // It drained and removed its lock, as for one signal.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});

describe('start-up failures an operator can fix: one line naming the variable, exit 1', () => {
  const start = (env: Record<string, string>) => runToExit('server/main.ts', env);

  it('port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-port-'));
    try {
      const result = await start({ PORT: String(port), DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expectOneLine(result.stderr, new RegExp(`^Configuration error: PORT ${port} is already in use`));
      // Found before anything was opened: no database, no demo key, no lock left behind.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('DATA_DIR not writable', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-file-')), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const result = await start({ PORT: '0', DATA_DIR: path.join(file, 'data') });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^Configuration error: DATA_DIR must be a writable folder, got '.*not-a-folder\/data' \(ENOTDIR\)/);
  });

  it('DATA_DIR is a file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-file-')), 'a-file');
    fs.writeFileSync(file, 'x');
    const result = await start({ PORT: '0', DATA_DIR: file });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^Configuration error: DATA_DIR must be a writable folder, got '.*a-file' \(it is a file\)/);
  });

  // Node's own recursive mkdir never returns for a path under /proc (Linux); start-up must end with one line.
  it('DATA_DIR on a filesystem that cannot hold folders (/proc)', async () => {
    const result = await start({ PORT: '0', DATA_DIR: '/proc/baton-data' });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^Configuration error: DATA_DIR must be a writable folder, got '\/proc\/baton-data' \(ENOENT\)/);
  });

  it('DATA_DIR whose lock file cannot be made (/proc/self)', async () => {
    const result = await start({ PORT: '0', DATA_DIR: '/proc/self' });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^Configuration error: DATA_DIR must be a writable folder, got '\/proc\/self' \(ENOENT\)/);
  });

  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    it('DATA_DIR not writable with DATABASE_URL set (the folder still holds the keys)', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-file-')), 'not-a-folder');
      fs.writeFileSync(file, 'x');
      const result = await start({ PORT: '0', DATABASE_URL: postgresUrl, DATA_DIR: path.join(file, 'data') });
      expect(result.code).toBe(1);
      expectOneLine(result.stderr, /^Configuration error: DATA_DIR must be a writable folder, got '.*not-a-folder\/data' \(ENOTDIR\)/);
    }, 120_000);
  }

  it('DATABASE_URL at a port that accepts connections but never answers as Postgres', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const result = await start({ PORT: '0', DATABASE_URL: `postgres://baton:s3cret@127.0.0.1:${port}/baton`, DATA_DIR: os.tmpdir() });
      expect(result.code).toBe(1);
      expectOneLine(result.stderr, /^Configuration error: DATABASE_URL: the database did not answer in time/);
      expect(result.stderr).not.toContain('s3cret');
    } finally {
      silent.close();
    }
  }, 120_000);

  it('database unreachable, without repeating the URL (it may hold a password)', async () => {
    const result = await start({ PORT: '0', DATABASE_URL: 'postgres://baton:s3cret@127.0.0.1:1/baton', DATA_DIR: os.tmpdir() });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^Configuration error: DATABASE_URL: could not connect to the database \(ECONNREFUSED\)/);
    expect(result.stderr).not.toContain('s3cret');
  });
});
