import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { createSlackStore, type SlackStore } from '../../integrations/slack/slack-store';
import { adminRoutes } from '../../server/http/routes/admin';
import { createIntegrationStore } from '../../server/integrations/integration-store';
import { createSecretBox } from '../../server/secret-box';
import { createTenantAdmin } from '../../server/store/tenant-admin';
import { backends, uniqueSchema } from '../helpers/database';
import { openHarness, type Harness } from '../http/harness';

const TOKEN = 'admin-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };

describe.each(backends())('admin API, Slack routes on $name', (backend) => {
  let h: Harness;
  let app: Express;
  let slack: SlackStore;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
    slack = createSlackStore(h.db);
    const integrations = createIntegrationStore(h.db, createSecretBox(randomBytes(32)));
    app = h.makeApp({}, [adminRoutes({ store: h.store, admin: createTenantAdmin(h.db), integrations, slack, adminToken: TOKEN })]);
  }, 120_000);
  afterAll(async () => h?.close());

  it('sets, lists and removes a queue’s channel, naming the field when a value is wrong', async () => {
    const { a } = await h.reset();
    const base = `/admin/v1/tenants/${a.tenant.id}/slack/routes`;
    expect((await request(app).get(base)).status).toBe(401);

    const set = await request(app).put(`${base}/billing`).set(auth).send({ channel_id: 'C0BILL', lead_user_id: 'U0LEAD', sla_minutes: 30 });
    expect(set.status).toBe(200);
    expect(set.body.route).toEqual({ queue: 'billing', channel_id: 'C0BILL', lead_user_id: 'U0LEAD', sla_minutes: 30 });

    const bad = await request(app).put(`${base}/billing`).set(auth).send({ channel_id: '<!channel>' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('channel_id');
    const badSla = await request(app).put(`${base}/billing`).set(auth).send({ channel_id: 'C0BILL', sla_minutes: 0 });
    expect(badSla.body.error.field).toBe('sla_minutes');
    expect((await request(app).get(base).set(auth)).body.routes).toEqual([{ queue: 'billing', channel_id: 'C0BILL', lead_user_id: 'U0LEAD', sla_minutes: 30 }]);

    expect((await request(app).delete(`${base}/billing`).set(auth)).status).toBe(204);
    expect((await request(app).delete(`${base}/billing`).set(auth)).status).toBe(404);
    expect(await slack.listRoutes(a.tenant.id)).toEqual([]);
  });

  it('links an installed workspace to a tenant, and refuses a team that never installed the app', async () => {
    const { a } = await h.reset();
    await slack.saveInstallation({ team_id: 'T0ACME', enterprise_id: null, tenant_id: null, bot_user_id: 'U0BOT', bot_id: 'B0', bot_token_enc: 'v1:sealed' });
    const linked = await request(app).put(`/admin/v1/tenants/${a.tenant.id}/slack/workspace`).set(auth).send({ team_id: 'T0ACME' });
    expect(linked.status).toBe(200);
    expect((await slack.findInstallation('T0ACME'))?.tenant_id).toBe(a.tenant.id);
    const unknown = await request(app).put(`/admin/v1/tenants/${a.tenant.id}/slack/workspace`).set(auth).send({ team_id: 'T0NOPE' });
    expect(unknown.status).toBe(404);
  });
});
