import { ensureDemoTenant } from '../../server/demo-tenant';
import { ConfigError, ConflictError, NotFoundError, ValidationError } from '../../server/errors';
import { createLogger } from '../../server/logger';
import { hashApiKey } from '../../server/store/api-keys';
import { AUTH_CACHE_MS, createStore } from '../../server/store/postgres-store';
import type { Store } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';

describe.each(backends())('tenants and API keys on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = createStore(await backend.open(uniqueSchema(__filename)));
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await resetTables(store.db);
  });

  it('creates a tenant with the default policy filled in and finds it by id and name', async () => {
    const tenant = await store.createTenant({ name: 'acme', policy: { refund_threshold: 250 } });
    expect(tenant.policy.refund_threshold).toBe(250);
    expect(tenant.policy.confidence_threshold).toBe(0.5);
    expect(new Date(tenant.created_at).toISOString()).toBe(tenant.created_at);
    expect(await store.getTenant(tenant.id)).toEqual(tenant);
    expect(await store.findTenantByName('acme')).toEqual(tenant);
    expect(await store.findTenantByName('nobody')).toBeNull();
    expect(await store.getTenant('not-a-uuid')).toBeNull();
  });

  it('refuses a duplicate name and a bad policy, naming the field', async () => {
    await store.createTenant({ name: 'acme' });
    await expect(store.createTenant({ name: 'acme' })).rejects.toMatchObject({ constructor: ConflictError, field: 'name' });
    await expect(
      store.createTenant({ name: 'other', policy: { confidence_threshold: 3 } }),
    ).rejects.toMatchObject({ constructor: ValidationError, field: 'policy.confidence_threshold' });
    await expect(store.createTenant({ name: '  ' })).rejects.toMatchObject({ field: 'name' });
  });

  it('does not start the demo tenant beside a tenant named Demo in other capitals: it names DEMO_TENANT and takes nothing over', async () => {
    const yours = await store.createTenant({ name: 'Demo' });
    const start = ensureDemoTenant(store, { dataDir: '/nonexistent-baton-data-dir', logger: createLogger({ logLevel: 'silent' }) });
    await expect(start).rejects.toMatchObject({ constructor: ConfigError, variable: 'DEMO_TENANT', message: expect.stringContaining('"Demo"') });
    const { rows } = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE tenant_id = $1', [yours.id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('creates a tenant with its first key in one statement: both or neither', async () => {
    const { tenant, apiKey } = await store.createTenantWithKey({ name: 'acme', policy: { refund_threshold: 250 } }, 'first');
    expect(tenant.policy.refund_threshold).toBe(250);
    expect(await store.getTenant(tenant.id)).toEqual(tenant);
    expect((await store.authenticate(apiKey.key))?.id).toBe(tenant.id);
    const { rows: keys } = await store.db.query<{ id: string; label: string }>('SELECT id, label FROM api_keys WHERE tenant_id = $1', [tenant.id]);
    expect(keys).toEqual([{ id: apiKey.id, label: 'first' }]);

    // A key the database refuses (a NUL in its label) must not leave a tenant behind, nor its name taken.
    await expect(store.createTenantWithKey({ name: 'globex' }, 'bad\u0000label')).rejects.toThrow();
    expect(await store.findTenantByName('globex')).toBeNull();
    await expect(store.createTenantWithKey({ name: 'acme' }, 'again')).rejects.toMatchObject({ constructor: ConflictError, field: 'name' });
    const { rows } = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    expect(rows[0]!.n).toBe(1);
    expect((await store.createTenantWithKey({ name: 'globex' }, 'first')).tenant.name).toBe('globex');
  });

  it('stores only the sha256 of an API key and authenticates the raw key', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const { id, key } = await store.createApiKey(tenant.id, 'chatbot');
    expect(key).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);

    const { rows } = await store.db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).toBe(hashApiKey(key));
    expect(rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(key.slice(3));

    expect((await store.authenticate(key))?.id).toBe(tenant.id);
    expect(await store.authenticate(`${key}x`)).toBeNull();
    expect(await store.authenticate('')).toBeNull();
  });

  it('stops authenticating a revoked key, and only the owning tenant can revoke it', async () => {
    const acme = await store.createTenant({ name: 'acme' });
    const globex = await store.createTenant({ name: 'globex' });
    const first = await store.createApiKey(acme.id);
    const second = await store.createApiKey(acme.id);

    expect(await store.revokeApiKey(globex.id, first.id)).toBe(false);
    expect((await store.authenticate(first.key))?.id).toBe(acme.id);

    expect(await store.revokeApiKey(acme.id, first.id)).toBe(true);
    expect(await store.authenticate(first.key)).toBeNull();
    expect((await store.authenticate(second.key))?.id).toBe(acme.id);
    expect(await store.revokeApiKey(acme.id, first.id)).toBe(false);
  });

  it('remembers a key that worked for a moment: a revocation by another process takes effect within AUTH_CACHE_MS', async () => {
    const acme = await store.createTenant({ name: 'acme' });
    const key = await store.createApiKey(acme.id);
    expect((await store.authenticate(key.key))?.id).toBe(acme.id);
    // Revoked behind this store's back, as the CLI or a second server would on a shared Postgres.
    await store.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [key.id]);
    expect((await store.authenticate(key.key))?.id).toBe(acme.id);
    await new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 100));
    expect(await store.authenticate(key.key)).toBeNull();

    // Through this store, or after forgetAuthenticated(), a change counts at once.
    const other = await store.createApiKey(acme.id);
    expect((await store.authenticate(other.key))?.policy.refund_threshold).toBe(100);
    await store.db.query(`UPDATE tenants SET policy = policy || '{"refund_threshold": 300}'::jsonb WHERE id = $1`, [acme.id]);
    store.forgetAuthenticated();
    expect((await store.authenticate(other.key))?.policy.refund_threshold).toBe(300);
  });

  it('refuses a key for a tenant that does not exist', async () => {
    await expect(store.createApiKey('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
