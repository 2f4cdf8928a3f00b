import request from 'supertest';
import type { Express } from 'express';
import { sidebarSignals } from '../../server/store/sidebar-signals';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';

describe.each(backends())('sidebar signals and embed links on $name', (backend) => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;
  let b: TenantWithKey;
  let handoffId: string;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    ({ a, b } = await h.reset());
    app = h.makeApp();
    handoffId = (await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody())).body.id;
  });

  async function rows(table: string): Promise<number> {
    const { rows: r } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return Number(r[0]!.n);
  }

  describe('POST /v1/briefs/feedback', () => {
    it('stores one vote per agent and brief version; a second click changes it', async () => {
      const vote = (helpful: boolean, agent = '42') =>
        request(app).post('/v1/briefs/feedback').set(a.auth).send({ handoff_id: handoffId, brief_version: 1, helpful, agent_id: agent });
      expect((await vote(true)).status).toBe(204);
      expect((await vote(false)).status).toBe(204);
      expect((await vote(true, '43')).status).toBe(204);
      expect(await sidebarSignals(h.db, a.tenant.id)).toEqual({ helpful: 1, notHelpful: 1, guardWarnings: 0 });
    });

    it.each([
      [{ brief_version: 1, helpful: true }, 'handoff_id'],
      [{ handoff_id: 'not-a-uuid', brief_version: 1, helpful: true }, 'handoff_id'],
      [{ brief_version: 0, helpful: true, handoff_id: '00000000-0000-4000-8000-000000000000' }, 'brief_version'],
      [{ brief_version: 1, helpful: 'yes', handoff_id: '00000000-0000-4000-8000-000000000000' }, 'helpful'],
    ])('refuses %j with 422 naming %s, storing nothing', async (body, field) => {
      const res = await request(app).post('/v1/briefs/feedback').set(a.auth).send(body);
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe(field);
      expect(await rows('brief_feedback')).toBe(0);
    });

    it("another tenant's handoff, or a brief version that does not exist, is 404", async () => {
      const other = await request(app).post('/v1/briefs/feedback').set(b.auth).send({ handoff_id: handoffId, brief_version: 1, helpful: true });
      expect(other.status).toBe(404);
      const future = await request(app).post('/v1/briefs/feedback').set(a.auth).send({ handoff_id: handoffId, brief_version: 7, helpful: true });
      expect(future.status).toBe(404);
      expect(await rows('brief_feedback')).toBe(0);
    });

    it('needs an API key', async () => {
      expect((await request(app).post('/v1/briefs/feedback').send({ handoff_id: handoffId, brief_version: 1, helpful: true })).status).toBe(401);
    });
  });

  describe('POST /v1/briefs/guard-warnings', () => {
    it('counts each warning on the handoff', async () => {
      const warn = () => request(app).post('/v1/briefs/guard-warnings').set(a.auth).send({ handoff_id: handoffId, kinds: ['order_id', 'email'] });
      expect((await warn()).body).toEqual({ handoff_id: handoffId, guard_warnings: 1 });
      expect((await warn()).body.guard_warnings).toBe(2);
      expect((await sidebarSignals(h.db, a.tenant.id)).guardWarnings).toBe(2);
      expect((await sidebarSignals(h.db, b.tenant.id)).guardWarnings).toBe(0);
    });

    it('refuses unknown kinds naming the field, and other tenants see 404', async () => {
      const bad = await request(app).post('/v1/briefs/guard-warnings').set(a.auth).send({ handoff_id: handoffId, kinds: ['password'] });
      expect(bad.status).toBe(422);
      expect(bad.body.error.field).toBe('kinds.0');
      const other = await request(app).post('/v1/briefs/guard-warnings').set(b.auth).send({ handoff_id: handoffId, kinds: ['email'] });
      expect(other.status).toBe(404);
      expect(await rows('guard_warnings')).toBe(0);
    });
  });

  describe('signed embed links', () => {
    async function link(auth = a.auth, body: object = { provider: 'zendesk', ticket: '12345' }) {
      return request(app).post('/v1/embed-links').set(auth).send(body);
    }

    it('a signed link opens the page and reads that ticket’s brief, without an API key', async () => {
      const res = await link();
      expect(res.status).toBe(201);
      expect(res.body.url).toMatch(/^\/embed\/sidebar\?tenant=.+&sig=/);
      expect(Date.parse(res.body.expires_at) - Date.now()).toBeGreaterThan(14 * 60_000);
      const query = res.body.url.slice('/embed/sidebar'.length);
      const page = await request(app).get(res.body.url);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      const brief = await request(app).get(`/embed/brief${query}`);
      expect(brief.status).toBe(200);
      expect(brief.body.id).toBe(handoffId);
      expect(brief.body.brief.warm_intro).toMatch(/Ana/);
      const vote = await request(app).post(`/embed/feedback${query}`).send({ brief_version: 1, helpful: true });
      expect(vote.status).toBe(204);
      expect((await sidebarSignals(h.db, a.tenant.id)).helpful).toBe(1);
    });

    it('a link whose ticket, tenant or expiry was changed is refused', async () => {
      const { url } = (await link()).body as { url: string };
      const params = new URLSearchParams(url.split('?')[1]);
      for (const [name, value] of [['ticket', '99999'], ['tenant', b.tenant.id], ['expires', String(Number(params.get('expires')) + 3600)]]) {
        const forged = new URLSearchParams(params);
        forged.set(name!, value!);
        const res = await request(app).get(`/embed/brief?${forged}`);
        expect(res.status).toBe(401);
      }
      expect((await request(app).get('/embed/brief?tenant=x')).status).toBe(401);
    });

    it('an expired link is refused', async () => {
      const { url } = (await link(a.auth, { provider: 'zendesk', ticket: '12345', ttl_seconds: 60 })).body as { url: string };
      const realNow = Date.now;
      Date.now = () => realNow() + 61_000;
      try {
        const res = await request(app).get(url.replace('/embed/sidebar', '/embed/brief'));
        expect(res.status).toBe(401);
        expect(res.body.error.message).toMatch(/expired/);
      } finally {
        Date.now = realNow;
      }
    });

    it('a link for a ticket with no handoff reads 404; bad link requests are 422 naming the field', async () => {
      const { url } = (await link(a.auth, { provider: 'zendesk', ticket: 'nothing-here' })).body as { url: string };
      expect((await request(app).get(url.replace('/embed/sidebar', '/embed/brief'))).status).toBe(404);
      const bad = await link(a.auth, { provider: 'zendesk', ticket: 'a b' });
      expect(bad.status).toBe(422);
      expect(bad.body.error.field).toBe('ticket');
      const long = await link(a.auth, { provider: 'zendesk', ticket: '1', ttl_seconds: 86_400 });
      expect(long.body.error.field).toBe('ttl_seconds');
      // However large, the message quotes our bound (an hour), not the number type's.
      const huge = await link(a.auth, { provider: 'zendesk', ticket: '1', ttl_seconds: 1e300 });
      expect(huge.body.error).toMatchObject({ field: 'ttl_seconds', message: expect.stringContaining('3600') });
    });
  });

  describe('the preview demo', () => {
    it('serves a brief the real rules wrote for the demo ticket, with its connectors\' context, and stores nothing', async () => {
      const res = await request(app).get('/preview/zendesk/demo/v1/briefs?provider=zendesk&ticket=demo-1');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'assembled', brief_version: 2, ticket: { provider: 'zendesk', id: 'demo-1' } });
      expect(res.body.reasons).toContain('human_requested');
      expect(res.body.facts.order_ids).toContain('48213');
      expect(res.body.brief.customer_context.shopify.orders[0].name).toBe('#48213');
      expect(res.body.brief.customer_message).not.toMatch(/\{wait_minutes\}|\{queue_position\}/);
      const before = await h.counts();
      expect((await request(app).post('/preview/zendesk/demo/v1/briefs/feedback').send({ helpful: true })).status).toBe(204);
      expect((await request(app).post('/preview/zendesk/demo/v1/briefs/guard-warnings').send({ kinds: ['email'] })).status).toBe(204);
      expect(await h.counts()).toEqual(before);
      expect(await rows('brief_feedback')).toBe(0);
    });

    it('serves the host page with a policy that allows only its own scripts and frames', async () => {
      const res = await request(app).get('/preview/zendesk');
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toContain("frame-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).toContain('<iframe id="app"');
    });
  });
});
