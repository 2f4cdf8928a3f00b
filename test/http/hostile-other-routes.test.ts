import fs from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import nock from 'nock';
import { createSlackIntegration } from '../../integrations/slack';
import { SLACK_JOB_NAMES } from '../../integrations/slack/alerts';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { adminRoutes } from '../../server/http/routes/admin';
import { createHelpdeskWiring } from '../../server/integrations/helpdesk-wiring';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import { createTenantAdmin } from '../../server/store/tenant-admin';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';
import { EMBED_CHANGES, otherHostileCases, P, routeOf, SECRETS, TICKET, type OtherCase } from './hostile-other-table';
import { listen, sendRaw } from './hostile-send';
import type { HostileCase } from './hostile-table';

const cases = otherHostileCases();

/** Every table a request on these routes could write to, and pg-boss's jobs. */
const TABLES = [
  'tenants',
  'api_keys',
  'tenant_integrations',
  'conversations',
  'handoffs',
  'brief_versions',
  'inbound_events',
  'brief_feedback',
  'guard_warnings',
  'embed_secrets',
  'slack_routes',
  'slack_installations',
  'slack_alerts',
];

describe.each(backends())('hostile requests on the other routes ($name)', (backend) => {
  let h: Harness;
  let a: TenantWithKey;
  let server: Awaited<ReturnType<typeof listen>>;
  const fill: Record<string, string> = {};

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of [...TABLES, `${h.bossSchema}.job`]) {
      const { rows } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      result[table === `${h.bossSchema}.job` ? 'jobs' : table] = Number(rows[0]!.n);
    }
    return result;
  }

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    h = await openHarness(backend, uniqueSchema(__filename));
    await h.jobs.createQueues(SLACK_JOB_NAMES);
    let b: TenantWithKey;
    ({ a, b } = await h.reset());
    const logger = createLogger({ logLevel: 'silent' });
    const box = createSecretBox(Buffer.alloc(32, 5));
    // The runtime's parts, with no workers: a stored event's job waits in the queue, where it is counted.
    const wiring = createHelpdeskWiring({ store: h.store, jobs: h.jobs, box, writer: new OfflineBriefWriter(), kb: h.kb, logger });
    const slack = await createSlackIntegration({
      db: h.db,
      store: h.store,
      jobs: h.jobs,
      box,
      logger,
      config: { signingSecret: SECRETS.slack, tenantName: 'tenant-a', clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-hostile-tests' },
    });
    const admin = adminRoutes({ store: h.store, admin: createTenantAdmin(h.db), integrations: wiring.integrationStore, slack: slack.store, adminToken: SECRETS.admin });
    const receivers: Router[] = [slack.app!.router, wiring.router, admin];
    // Budgets no row reaches, so every answer is the row's own and not a 429.
    server = await listen(h.makeApp({ rateLimitPerMinute: 100_000, unauthenticatedRateLimitPerMinute: 100_000 }, receivers));

    const c = await h.store.createTenant({ name: 'tenant-c' });
    const d = await h.store.createTenant({ name: 'tenant-d' });
    await wiring.integrationStore.connect(b.tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', api_base_url: 'http://127.0.0.1:9' },
      secrets: { webhook_secret: SECRETS.zendesk, oauth_token: 'oauth-token-0123', sunshine_webhook_secret: SECRETS.sunshine },
    });
    await wiring.integrationStore.connect(b.tenant.id, 'gorgias', {
      settings: { domain: 'acme', email: 'bot@acme.example', api_base_url: 'http://127.0.0.1:9' },
      secrets: { api_key: 'gorgias-api-key', webhook_secret: SECRETS.gorgias },
    });
    await wiring.integrationStore.connect(c.id, 'zendesk', { settings: { subdomain: 'ccme' }, secrets: { webhook_secret: SECRETS.zendesk, oauth_token: 'oauth-token-0123' } });

    // Tenant A has nothing connected: its handoff is stored assembled, so it has an alert to preview.
    const post = async (tenant: TenantWithKey, body: unknown, path = '/v1/handoffs') => {
      const res = await sendRaw(
        server.port,
        { name: 'setup', method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)), auth: true, expect: { status: 0, stores: 0 } },
        tenant.auth,
      );
      expect(res.status).toBeLessThan(300);
      return res.body as Record<string, string>;
    };
    const handoff = await post(a, conversationBody({ id: 'known', ticket: { provider: 'zendesk', id: TICKET } }));
    const other = await post(b, conversationBody({ id: 'other', ticket: { provider: 'zendesk', id: TICKET } }));
    const link = await post(a, { provider: 'zendesk', ticket: TICKET }, '/v1/embed-links');
    Object.assign(fill, {
      [P.tenant]: a.tenant.id,
      [P.hooked]: b.tenant.id,
      [P.plain]: c.id,
      [P.admin]: d.id,
      [P.handoff]: handoff.id!,
      [P.otherHandoff]: other.id!,
      [P.embed]: link.url!.split('?')[1]!,
    });
    for (const [name, change] of Object.entries(EMBED_CHANGES)) fill[`{embed:${name}}`] = change(fill[P.embed]!);
  }, 120_000);
  afterAll(async () => {
    nock.enableNetConnect();
    await server?.close();
    await h?.close();
  });

  it('has rows for every route, at least 20 each', () => {
    const perRoute = new Map<string, number>();
    for (const row of cases) perRoute.set(routeOf(row), (perRoute.get(routeOf(row)) ?? 0) + 1);
    expect(cases.length).toBeGreaterThanOrEqual(800);
    for (const route of ['/v1/briefs/feedback', '/v1/briefs/guard-warnings', '/v1/embed-links', '/v1/usage', '/embed/feedback', '/slack/events']) {
      expect(perRoute.get(route)).toBeGreaterThanOrEqual(20);
    }
  });

  function filled(row: OtherCase): HostileCase {
    let body = row.body;
    if (row.template && body) {
      let text = body.toString('utf8');
      for (const [from, to] of Object.entries(fill)) text = text.replaceAll(from, to);
      body = Buffer.from(text, 'utf8');
    }
    return { ...row, body, expect: { status: row.expect.status, stores: 0 } };
  }

  // Built by npm run build:apps, or not (a fresh clone): the file, or 404 saying how to build it; never a 5xx.
  it.each([
    ['/embed/assets/embed.js', 'embed/assets/embed.js'],
    ['/embed/assets/sidebar.css', 'embed/assets/sidebar.css'],
    ['/preview/zendesk', 'preview/index.html'],
    ['/preview/assets/host.js', 'preview/assets/host.js'],
    ['/preview/assets/host.css', 'preview/host.css'],
    ['/preview/zendesk/app/app.js', 'zendesk/assets/app.js'],
    ['/preview/zendesk/app/sidebar.css', 'zendesk/assets/sidebar.css'],
    ['/preview/zendesk/app/iframe.html', 'zendesk/assets/iframe.html'],
  ])('GET %s is the built file or 404 naming the build step', async (route, file) => {
    const res = await sendRaw(server.port, { name: route, method: 'GET', path: route, headers: {}, auth: false, expect: { status: 200, stores: 0 } }, {});
    if (fs.existsSync(path.join(__dirname, '../../apps', file))) {
      expect(res.status).toBe(200);
    } else {
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 404, code: 'not_found' });
      expect(res.body?.error?.message).toContain('npm run build:apps');
    }
  });

  /** An install started here (its state and cookie), finished with a code Slack does not honour. */
  async function redirectWithIssuedState(): Promise<number> {
    const start = await sendRaw(server.port, { name: 'install', method: 'GET', path: '/slack/install', headers: {}, auth: false, expect: { status: 302, stores: 0 } }, {});
    expect(start.status).toBe(302);
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const cookie = ([] as string[]).concat(start.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
    const path = `/slack/oauth_redirect?code=forged-code&state=${encodeURIComponent(state)}`;
    return (await sendRaw(server.port, { name: 'redirect', method: 'GET', path, headers: { Cookie: cookie }, auth: false, expect: { status: 400, stores: 0 } }, {})).status;
  }

  it('answers 400 to an OAuth redirect whose code Slack refuses, and 502 when Slack cannot be reached, storing nothing', async () => {
    const before = await counts();
    const refused = nock('https://slack.com').post('/api/oauth.v2.access').reply(200, { ok: false, error: 'invalid_code' });
    expect(await redirectWithIssuedState()).toBe(400);
    refused.done();
    nock('https://slack.com').post('/api/oauth.v2.access').replyWithError('connect ECONNREFUSED');
    expect(await redirectWithIssuedState()).toBe(502);
    expect(await counts()).toEqual(before);
  });

  it.each(cases.map((c) => [c.name, c] as [string, OtherCase]))('%s', async (_name, row) => {
    const before = await counts();
    const res = await sendRaw(server.port, filled(row), row.auth ? a.auth : {}, fill);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: row.expect.status, code: row.expect.code });
    if (row.expect.code) {
      expect(res.body?.error?.message).toEqual(expect.any(String));
      const field = row.expect.field;
      if (field?.endsWith('…')) expect(res.body?.error?.field?.startsWith(field.slice(0, -1))).toBe(true);
      else if (field !== undefined) expect(res.body?.error?.field).toBe(field);
    }
    if (row.expect.allow) expect(res.headers.allow).toBe(row.expect.allow);
    const after = await counts();
    const expected = { ...before };
    for (const [table, n] of Object.entries(row.expect.changes ?? {})) expected[table] = before[table]! + n;
    expect(after).toEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Still up: the next caller is served.
    expect((await sendRaw(server.port, { ...filled(row), method: 'GET', path: '/healthz', headers: {}, body: undefined, repeated: undefined }, {})).status).toBe(200);
  });
});
