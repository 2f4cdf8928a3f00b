import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baton } from '../helpers/run-baton';

describe('baton tenants', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-tenants-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates a tenant with a key, connects an integration with secrets from stdin, names a bad field, and never prints a secret', async () => {
    const created = await baton(dataDir, ['tenants', 'create', 'acme']);
    expect(created.code).toBe(0);
    const { tenant, api_key } = JSON.parse(created.out);
    expect(api_key.key).toMatch(/^bt_/);

    const settingsFile = path.join(dataDir, 'settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ domain: 'acme', email: 'api@acme.example' }));
    const connected = await baton(dataDir, ['tenants', 'connect', tenant.id, 'gorgias', '--settings', settingsFile, '--secrets', '-'], JSON.stringify({ api_key: 'gorgias-key-987654321', webhook_secret: 'header-secret-0123456789' }));
    expect(connected.code).toBe(0);
    expect(connected.out).not.toContain('gorgias-key-987654321');
    expect(JSON.parse(connected.out)).toMatchObject({ provider: 'gorgias', secrets_set: ['api_key', 'webhook_secret'] });
    const bad = await baton(dataDir, ['tenants', 'connect', 'acme', 'gorgias', '--settings', settingsFile, '--secrets', '-'], '{}');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/secrets\.api_key/);
  }, 300_000);
});
