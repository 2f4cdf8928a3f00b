import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { adminRoutes } from '../../server/http/routes/admin';
import { createIntegrationStore } from '../../server/integrations/integration-store';
import { TenantIntegrations } from '../../server/integrations/tenant-integrations';
import { createSecretBox } from '../../server/secret-box';
import { createTenantAdmin } from '../../server/store/tenant-admin';
import { backends, uniqueSchema } from '../helpers/database';
import { openHarness, type Harness } from '../http/harness';

const TOKEN = 'admin-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };

describe.each(backends())('admin API on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let h: Harness;
  let app: Express;
  const box = createSecretBox(randomBytes(32));

  beforeAll(async () => {
    h = await openHarness(backend, schema);
    const integrations = createIntegrationStore(h.db, box);
    app = h.makeApp({}, [adminRoutes({ store: h.store, admin: createTenantAdmin(h.db), integrations, adminToken: TOKEN })]);
  }, 120_000);
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await h.reset();
  });

  it('counts refused admin tokens per address (429 past the budget), never accepted ones', async () => {
    const integrations = createIntegrationStore(h.db, createSecretBox(randomBytes(32)));
    const limited = h.makeApp({ unauthenticatedRateLimitPerMinute: 2 }, [adminRoutes({ store: h.store, admin: createTenantAdmin(h.db), integrations, adminToken: TOKEN })]);
    const statuses: number[] = [];
    for (const token of [TOKEN, TOKEN, TOKEN, 'wrong-1', TOKEN, 'wrong-2', 'wrong-3']) {
      statuses.push((await request(limited).get('/admin/v1/tenants').set('Authorization', `Bearer ${token}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 401, 200, 401, 429]);
  });

  it('refuses a missing or wrong admin token', async () => {
    expect((await request(app).get('/admin/v1/tenants')).status).toBe(401);
    expect((await request(app).get('/admin/v1/tenants').set('Authorization', `Bearer ${TOKEN}x`)).status).toBe(401);
  });

  it('creates a tenant with a working API key, sets its policy, and manages keys', async () => {
    const created = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'acme', policy: { refund_threshold: 50 } });
    expect(created.status).toBe(201);
    const { tenant, api_key } = created.body;
    expect(tenant.policy.refund_threshold).toBe(50);
    expect((await h.store.authenticate(api_key.key))?.id).toBe(tenant.id);

    const policy = await request(app).put(`/admin/v1/tenants/${tenant.id}/policy`).set(auth).send({ policy: { refund_threshold: 75, queues: { billing: 'payments' } } });
    expect(policy.status).toBe(200);
    expect((await h.store.getTenant(tenant.id))?.policy).toMatchObject({ refund_threshold: 75, queues: { billing: 'payments' } });
    const bad = await request(app).put(`/admin/v1/tenants/${tenant.id}/policy`).set(auth).send({ policy: { refund_threshold: -1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('policy.refund_threshold');

    const key = await request(app).post(`/admin/v1/tenants/${tenant.id}/keys`).set(auth).send({ label: 'bot' });
    expect(key.status).toBe(201);
    const keys = await request(app).get(`/admin/v1/tenants/${tenant.id}/keys`).set(auth);
    expect(keys.body.keys.map((k: { label: string }) => k.label)).toEqual(['created with the tenant', 'bot']);
    expect(JSON.stringify(keys.body)).not.toContain(key.body.key);
    expect((await request(app).delete(`/admin/v1/tenants/${tenant.id}/keys/${key.body.id}`).set(auth)).status).toBe(204);
    expect(await h.store.authenticate(key.body.key)).toBeNull();
    expect((await request(app).get('/admin/v1/tenants').set(auth)).body.tenants.map((t: { name: string }) => t.name)).toContain('acme');
  });

  it.each([
    ['only a space', ' '],
    ['a zero-width space (U+200B)', '\u200b'],
    ['a name ending in a zero-width space', 'payments\u200b'],
    ['capitals', 'Payments'],
    ['a space inside', 'fin ance'],
    ['a leading hyphen', '-finance'],
    ['a letter outside a-z', 'facturación'],
    ['200 characters of four bytes each (the old limit)', Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x1f300 + ((i * 7919) % 700))).join('')],
  ])('refuses a queue name Slack routes could never match (%s), naming policy.queues.<category>, and keeps the stored policy', async (_name, queue) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'queues', policy: { refund_threshold: 7, queues: { billing: 'payments' } } });
    const id = created.tenant.id as string;
    const res = await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: { queues: { billing: queue } } });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([422, 'invalid_input', 'policy.queues.billing']);
    expect((await h.store.getTenant(id))?.policy).toMatchObject({ refund_threshold: 7, queues: { billing: 'payments' } });
    const create = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'queues-2', policy: { queues: { sales: queue } } });
    expect([create.status, create.body.error.field]).toEqual([422, 'policy.queues.sales']);
    expect(await h.store.findTenantByName('queues-2')).toBeNull();
  });

  it('refuses a queue name over 100 characters, and records handoffs in a queue named at the limit', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'queues', policy: { refund_threshold: 7 } });
    const id = created.tenant.id as string;
    const atLimit = `q-${'9'.repeat(98)}`;
    const tooLong = await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: { queues: { billing: `${atLimit}x` } } });
    expect([tooLong.status, tooLong.body.error.field]).toEqual([422, 'policy.queues.billing']);
    expect((await h.store.getTenant(id))?.policy).toMatchObject({ refund_threshold: 7, queues: {} });

    expect((await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: { queues: { billing: atLimit } } })).status).toBe(200);
    const handoff = await request(app)
      .post('/v1/handoffs')
      .set('Authorization', `Bearer ${created.api_key.key}`)
      .send({ id: 'q1', messages: [{ role: 'customer', text: 'I was charged twice for my order, I want a person' }] });
    expect([handoff.status, handoff.body.queue]).toEqual([202, atLimit]);
  });

  it('still reads a tenant whose stored queue names predate the rule, keeping them until its policy is saved again', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'legacy' });
    const id = created.tenant.id as string;
    // As an older version stored it: any name of 1 to 200 characters was taken.
    await h.db.query(`UPDATE tenants SET policy = $2::text::jsonb WHERE id = $1`, [id, JSON.stringify({ refund_threshold: 7, queues: { billing: 'Billing Team', sales: ' ' } })]);
    h.store.forgetAuthenticated();
    const shown = await request(app).get(`/admin/v1/tenants/${id}`).set(auth);
    expect([shown.status, shown.body.tenant.policy.queues]).toEqual([200, { billing: 'Billing Team', sales: ' ' }]);
    const handoff = await request(app)
      .post('/v1/handoffs')
      .set('Authorization', `Bearer ${created.api_key.key}`)
      .send({ id: 'legacy-1', messages: [{ role: 'customer', text: 'I was charged twice for my order, I want a person' }] });
    expect([handoff.status, handoff.body.queue]).toEqual([202, 'Billing Team']);
    // Saving it as read is refused, naming the name to change; the stored policy is kept.
    const again = await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: shown.body.tenant.policy });
    expect([again.status, again.body.error.field]).toEqual([422, expect.stringMatching(/^policy\.queues\.(billing|sales)$/)]);
    expect((await h.store.getTenant(id))?.policy.queues).toEqual({ billing: 'Billing Team', sales: ' ' });
  });

  it.each([
    ['a symbol', 'ab!'],
    ['currency signs', '€€€'],
    ['three letters that are no currency', 'ABC'],
    ['a long s that upper-cases to USD', 'u\u017fd'],
    ['a dotless i that upper-cases to INR', '\u0131nr'],
  ])('refuses a currency that is not an ISO 4217 code (%s), naming policy.currency, and keeps the stored policy', async (_name, currency) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'money', policy: { currency: 'GBP' } });
    const res = await request(app).put(`/admin/v1/tenants/${created.tenant.id}/policy`).set(auth).send({ policy: { currency } });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([422, 'invalid_input', 'policy.currency']);
    expect((await h.store.getTenant(created.tenant.id))?.policy.currency).toBe('GBP');
    const create = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'money-2', policy: { currency } });
    expect([create.status, create.body.error.field]).toEqual([422, 'policy.currency']);
    expect(await h.store.findTenantByName('money-2')).toBeNull();
  });

  /** The next steps /v1/assess writes for a refund of 1.250 (European thousands) against a threshold of 1,000. */
  async function refundSteps(key: string): Promise<string[]> {
    const res = await request(app)
      .post('/v1/assess')
      .set('Authorization', `Bearer ${key}`)
      .send({ messages: [{ role: 'customer', text: 'I want a refund of 1.250 for order #4821, it arrived broken' }] });
    expect(res.status).toBe(200);
    return res.body.brief.next_steps.map((s: { action: string }) => s.action);
  }

  it('takes a currency code in any case and keeps it in upper case, so a refund over the threshold asks for approval', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'euro', policy: { currency: 'eur', refund_threshold: 1000 } });
    expect(created.tenant.policy.currency).toBe('EUR');
    expect((await h.store.getTenant(created.tenant.id))?.policy.currency).toBe('EUR');
    expect(await refundSteps(created.api_key.key)).toContain('Get approval before refunding €1,250.00: it is at or over the €1,000.00 threshold');
    const put = await request(app).put(`/admin/v1/tenants/${created.tenant.id}/policy`).set(auth).send({ currency: 'Chf' });
    expect([put.status, put.body.policy.currency]).toEqual([200, 'CHF']);
  });

  it('still reads a tenant whose stored currency predates the rule: lower case is read in upper case, one that is no currency is kept until the policy is saved', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'legacy-money' });
    const id = created.tenant.id as string;
    const store = (policy: object) => h.db.query(`UPDATE tenants SET policy = $2::text::jsonb WHERE id = $1`, [id, JSON.stringify(policy)]);
    await store({ currency: 'eur', refund_threshold: 1000 });
    h.store.forgetAuthenticated();
    expect((await request(app).get(`/admin/v1/tenants/${id}`).set(auth)).body.tenant.policy.currency).toBe('EUR');
    expect(await refundSteps(created.api_key.key)).toContain('Get approval before refunding €1,250.00: it is at or over the €1,000.00 threshold');

    await store({ currency: 'ab!', refund_threshold: 1000 });
    h.store.forgetAuthenticated();
    const shown = await request(app).get(`/admin/v1/tenants/${id}`).set(auth);
    expect([shown.status, shown.body.tenant.policy.currency]).toEqual([200, 'AB!']);
    // Still served, the label as the shop set it (no longer a currency a new policy could name).
    expect(await refundSteps(created.api_key.key)).toContainEqual(expect.stringContaining('AB!'));
    const again = await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: shown.body.tenant.policy });
    expect([again.status, again.body.error.field]).toEqual([422, 'policy.currency']);
    const { rows } = await h.db.query<{ policy: { currency: string } }>('SELECT policy FROM tenants WHERE id = $1', [id]);
    expect(rows[0]!.policy.currency).toBe('ab!');
  });

  it.each([
    [{ policy: null }, 'policy'],
    [{ policy: [] }, 'policy'],
    [{ refund_treshold: 5 }, 'refund_treshold'],
    [{ polcy: { refund_threshold: 5 } }, 'polcy'],
    [{ policy: { refund_treshold: 5 } }, 'policy.refund_treshold'],
    [{ policy: { refund_threshold: 5 }, currency: 'EUR' }, 'currency'],
  ])('refuses a policy body that would reset fields it did not mean to (%j), naming %s, and keeps the stored policy', async (body, field) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'kept', policy: { refund_threshold: 7, currency: 'EUR' } });
    const res = await request(app).put(`/admin/v1/tenants/${created.tenant.id}/policy`).set(auth).send(body);
    expect([res.status, res.body.error.field]).toEqual([422, field]);
    expect((await h.store.getTenant(created.tenant.id))?.policy).toMatchObject({ refund_threshold: 7, currency: 'EUR' });
  });

  it('accepts the policy bare or wrapped, and {} as the reset to defaults', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'forms' });
    const id = created.tenant.id;
    expect((await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ refund_threshold: 9 })).body.policy.refund_threshold).toBe(9);
    expect((await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({ policy: { refund_threshold: 8 } })).body.policy.refund_threshold).toBe(8);
    expect((await request(app).put(`/admin/v1/tenants/${id}/policy`).set(auth).send({})).body.policy.refund_threshold).toBe(100);
    const misspelt = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'typo', policy: { refund_treshold: 5 } });
    expect([misspelt.status, misspelt.body.error.field]).toEqual([422, 'policy.refund_treshold']);
  });

  it('connects an integration: validates settings and secrets by field, never returns a secret', async () => {
    const { body } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'shop' });
    const id = body.tenant.id;
    const missing = await request(app).put(`/admin/v1/tenants/${id}/integrations/zendesk`).set(auth).send({ settings: { subdomain: 'acme' }, secrets: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.field).toBe('secrets.webhook_secret');
    const unknown = await request(app).put(`/admin/v1/tenants/${id}/integrations/freshdesk`).set(auth).send({});
    expect(unknown.body.error.field).toBe('provider');

    const ok = await request(app)
      .put(`/admin/v1/tenants/${id}/integrations/zendesk`)
      .set(auth)
      .send({ settings: { subdomain: 'acme', email: 'a@acme.example' }, secrets: { webhook_secret: 'whsec-0123456789', api_token: 'very-secret-token-42' } });
    expect(ok.status).toBe(200);
    expect(ok.body.webhooks).toEqual([`/webhooks/zendesk/${id}`, `/webhooks/sunshine/${id}`]);
    expect(ok.body.integration.secrets_set).toEqual(['api_token', 'webhook_secret']);
    const shown = await request(app).get(`/admin/v1/tenants/${id}`).set(auth);
    expect(JSON.stringify([ok.body, shown.body])).not.toContain('very-secret-token-42');
    expect(h.log.text).not.toContain('very-secret-token-42');
    expect((await request(app).delete(`/admin/v1/tenants/${id}/integrations/zendesk`).set(auth)).status).toBe(204);
  });

  it.each([
    [{ settings: { stuck_after_dayz: 9 }, secrets: { aftership_api_key: 'asat_0123456789' } }, 'settings.stuck_after_dayz'],
    [{ settings: { stuck_after_days: 9 }, secrets: { aftership_api_kee: 'asat_0123456789' } }, 'secrets.aftership_api_kee'],
    [{ setings: { stuck_after_days: 9 }, secrets: { aftership_api_key: 'asat_0123456789' } }, 'setings'],
  ])('refuses an integration body with a misspelt field (%j), naming %s, and keeps the stored connection and its key', async (body, field) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'parcels' });
    const url = `/admin/v1/tenants/${created.tenant.id}/integrations/tracking`;
    const first = await request(app).put(url).set(auth).send({ settings: { stuck_after_days: 7 }, secrets: { aftership_api_key: 'asat_stored_key_1' } });
    expect(first.status).toBe(200);
    const res = await request(app).put(url).set(auth).send(body);
    expect([res.status, res.body.error.field]).toEqual([422, field]);
    const [kept] = (await request(app).get(`/admin/v1/tenants/${created.tenant.id}/integrations`).set(auth)).body.integrations;
    expect([kept.settings.stuck_after_days, kept.secrets_set]).toEqual([7, ['aftership_api_key']]);
  });

  it.each([
    ['capitals', 'Shipping', 'settings.group_ids.Shipping', 'key must be a queue name'],
    ['a space inside', 'fin ance', 'settings.group_ids.fin ance', 'key must be a queue name'],
    ['a newline', 'shipping\n', 'settings.group_ids', 'a key of 9 characters with control characters must be a queue name'],
    // Refused by the body's own check (json-body.ts), before the settings are read.
    ['a NUL', 'ship\u0000ping', 'settings.group_ids', 'a field name contains a NUL character'],
    ['10,000 characters', 's'.repeat(10_000), 'settings.group_ids', 'a key of 10000 characters must be a queue name'],
  ])('refuses Zendesk group_ids keyed by something no queue is named (%s), naming the field, and keeps the stored connection', async (_name, key, field, message) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'groups' });
    const url = `/admin/v1/tenants/${created.tenant.id}/integrations/zendesk`;
    const secrets = { webhook_secret: 'whsec-0123456789', api_token: 'very-secret-token-42' };
    const first = await request(app).put(url).set(auth).send({ settings: { subdomain: 'acme', email: 'a@acme.example', group_ids: { shipping: '20055' } }, secrets });
    expect(first.status).toBe(200);
    const res = await request(app)
      .put(url)
      .set(auth)
      .send({ settings: { subdomain: 'acme', email: 'a@acme.example', group_ids: { billing: '20056', [key]: '20057' } }, secrets });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([422, 'invalid_input', field]);
    expect(res.body.error.message).toContain(message);
    // The key is the caller's text: echoed when it is a short printable name, never when it is not.
    if (field === 'settings.group_ids') expect(JSON.stringify(res.body)).not.toContain(key);
    const [kept] = (await request(app).get(`/admin/v1/tenants/${created.tenant.id}/integrations`).set(auth)).body.integrations;
    expect(kept.settings.group_ids).toEqual({ shipping: '20055' });
  });

  it('keeps a Zendesk connection stored with group_ids keys taken before they had to be queue names', async () => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'legacy-groups' });
    const tenantId = created.tenant.id as string;
    const secrets = { webhook_secret: 'whsec-0123456789', api_token: 'very-secret-token-42' };
    const put = await request(app).put(`/admin/v1/tenants/${tenantId}/integrations/zendesk`).set(auth).send({ settings: { subdomain: 'acme', email: 'a@acme.example' }, secrets });
    expect(put.status).toBe(200);
    // As a connection saved before the check left it.
    await h.db.query(`UPDATE tenant_integrations SET settings = jsonb_set(settings, '{group_ids}', '{"Shipping": "20055"}') WHERE tenant_id = $1`, [tenantId]);
    const built = await new TenantIntegrations(createIntegrationStore(h.db, box)).forTenant(tenantId);
    expect(built.get('zendesk')?.writer).toBeDefined();
  });

  it.each([
    ['put', 'policy'],
    ['put', 'integrations/tracking'],
    ['post', 'keys'],
  ] as const)('refuses an empty JSON body on %s …/%s with 400 invalid_json, changing nothing', async (method, route) => {
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'empty', policy: { refund_threshold: 7 } });
    const id = created.tenant.id;
    await request(app).put(`/admin/v1/tenants/${id}/integrations/tracking`).set(auth).send({ settings: { stuck_after_days: 7 }, secrets: { aftership_api_key: 'asat_stored_key_1' } });
    const keysBefore = (await request(app).get(`/admin/v1/tenants/${id}/keys`).set(auth)).body.keys.length;
    const res = await request(app)[method](`/admin/v1/tenants/${id}/${route}`).set(auth).set('Content-Type', 'application/json').send('');
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'invalid_json', '(body)']);
    expect((await h.store.getTenant(id))?.policy).toMatchObject({ refund_threshold: 7 });
    const [kept] = (await request(app).get(`/admin/v1/tenants/${id}/integrations`).set(auth)).body.integrations;
    expect(kept.secrets_set).toEqual(['aftership_api_key']);
    expect((await request(app).get(`/admin/v1/tenants/${id}/keys`).set(auth)).body.keys).toHaveLength(keysBefore);
  });

  it.each([
    ['t1', 'T1'],
    ['t1', 'T1 '],
    ['Acme Support', ' acme SUPPORT'],
    ['école', 'ÉCOLE'],
  ])('refuses a tenant name taken in another case (%j, then %j) with 409 naming name, creating nothing', async (first, second) => {
    expect((await request(app).post('/admin/v1/tenants').set(auth).send({ name: first })).status).toBe(201);
    const keys = async () => (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys')).rows[0]!.n;
    const names = async () => (await request(app).get('/admin/v1/tenants').set(auth)).body.tenants.map((t: { name: string }) => t.name);
    const [keysBefore, namesBefore] = [await keys(), await names()];
    const res = await request(app).post('/admin/v1/tenants').set(auth).send({ name: second, policy: { refund_threshold: 5 } });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([409, 'conflict', 'name']);
    expect(res.body.error.message).toContain(`"${first}"`);
    expect(await names()).toEqual(namesBefore);
    expect(namesBefore).toContain(first);
    expect(await keys()).toBe(keysBefore);
  });

  it('refuses a misspelt field when creating a tenant or a key', async () => {
    const tenant = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'x', polcy: {} });
    expect([tenant.status, tenant.body.error.field]).toEqual([422, 'polcy']);
    const { body: created } = await request(app).post('/admin/v1/tenants').set(auth).send({ name: 'y' });
    const key = await request(app).post(`/admin/v1/tenants/${created.tenant.id}/keys`).set(auth).send({ lable: 'ci' });
    expect([key.status, key.body.error.field]).toEqual([422, 'lable']);
    expect((await request(app).get(`/admin/v1/tenants/${created.tenant.id}/keys`).set(auth)).body.keys).toHaveLength(1);
  });
});
