import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baton } from '../helpers/run-baton';

describe('baton tenants slack-…', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-slack-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('routes a queue to a channel with a lead and an SLA, lists and removes it, and names a bad argument', async () => {
    expect((await baton(dataDir, ['tenants', 'create', 'acme'])).code).toBe(0);
    const set = await baton(dataDir, ['tenants', 'slack-route', 'acme', 'billing', 'C0BILL', '--lead', 'U0LEAD', '--sla', '25']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toEqual({ queue: 'billing', channel_id: 'C0BILL', lead_user_id: 'U0LEAD', sla_minutes: 25 });
    expect(JSON.parse((await baton(dataDir, ['tenants', 'slack-routes', 'acme'])).out)).toHaveLength(1);

    const bad = await baton(dataDir, ['tenants', 'slack-route', 'acme', 'billing', '#billing']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('CHANNEL_ID');
    const badSla = await baton(dataDir, ['tenants', 'slack-route', 'acme', 'billing', 'C0BILL', '--sla', '0']);
    expect(badSla.err).toContain('--sla');

    expect((await baton(dataDir, ['tenants', 'slack-unroute', 'acme', 'billing'])).code).toBe(0);
    expect(JSON.parse((await baton(dataDir, ['tenants', 'slack-routes', 'acme'])).out)).toEqual([]);
    const link = await baton(dataDir, ['tenants', 'slack-link', 'acme', 'T0NEVER']);
    expect(link.err).toContain('not installed');
  }, 300_000);
});

describe('baton tenants beside a running server', () => {
  it('refuses the embedded database while another process holds DATA_DIR, naming the admin API', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-locked-'));
    // A live Node process that is not this test: the folder reads as held by a server.
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    await new Promise((resolve) => server.once('spawn', resolve));
    try {
      fs.writeFileSync(path.join(dataDir, 'baton.lock'), `${server.pid}\n`);
      const res = await baton(dataDir, ['tenants', 'slack-routes', 'acme']);
      expect(res.code).toBe(1);
      expect(res.err).toContain('DATA_DIR');
      expect(res.err).toContain('admin API');
    } finally {
      server.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
