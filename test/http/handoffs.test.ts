import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/http/app';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';

describe.each(backends())('handoff routes on $name', (backend) => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;
  let b: TenantWithKey;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    ({ a, b } = await h.reset());
    app = h.makeApp();
  });

  async function handoffCount(tenantId: string): Promise<number> {
    const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM handoffs WHERE tenant_id = $1', [tenantId]);
    return Number(rows[0]!.n);
  }

  /** A connected integration (a parcel tracker): assembly now has a connector to ask. */
  async function connectTracking(tenantId: string): Promise<void> {
    await h.db.query(`INSERT INTO tenant_integrations (tenant_id, provider, secrets_sealed) VALUES ($1, 'tracking', 'sealed')`, [tenantId]);
  }

  async function handoffStatus(id: string): Promise<string> {
    const { rows } = await h.db.query<{ status: string }>('SELECT status FROM handoffs WHERE id = $1', [id]);
    return rows[0]!.status;
  }

  async function assembleJobs(): Promise<Array<{ tenantId: string; handoffId: string }>> {
    const { rows } = await h.db.query<{ data: { tenantId: string; handoffId: string } }>(
      `SELECT data FROM ${h.bossSchema}.job WHERE name = 'handoff-assemble'`,
    );
    return rows.map((r) => r.data);
  }

  describe('POST /v1/handoffs', () => {
    it('records the handoff, enqueues its assembly and answers 202 with the decision and a filled customer message', async () => {
      await connectTracking(a.tenant.id);
      const res = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        status: 'received',
        conversation_id: 'conv-8812',
        escalate: true,
        queue: 'shipping',
        category: 'order_status',
        links: { self: `/v1/handoffs/${res.body.id}` },
      });
      expect(res.body.reasons).toContain('human_requested');
      expect(res.body.facts.order_ids).toContain('48213');
      expect(res.headers.location).toBe(`/v1/handoffs/${res.body.id}`);
      expect(res.body.customer_message).not.toMatch(/\{wait_minutes\}|\{queue_position\}/);
      expect(res.body.customer_message).toMatch(/10/);

      expect(await assembleJobs()).toEqual([{ tenantId: a.tenant.id, handoffId: res.body.id }]);
      expect(await handoffCount(a.tenant.id)).toBe(1);
    });

    it('records a handoff of a tenant with nothing connected as assembled at once, with no job: its brief is the assembled one', async () => {
      const res = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'assembled', conversation_id: 'conv-8812', escalate: true, queue: 'shipping' });
      expect(res.body.customer_message).toMatch(/number 1 in line/);
      expect(await assembleJobs()).toEqual([]);
      expect(await handoffStatus(res.body.id)).toBe('assembled');
      const read = await request(app).get(`/v1/handoffs/${res.body.id}`).set(a.auth);
      expect(read.body).toMatchObject({ status: 'assembled', brief_version: 1 });
      expect(read.body.brief.summary).toEqual(expect.any(String));
    });

    it('enqueues assembly once a tenant connects an integration, though its earlier handoffs needed none', async () => {
      const before = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'before' }));
      await connectTracking(a.tenant.id);
      const after = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'after' }));
      expect([before.body.status, after.body.status]).toEqual(['assembled', 'received']);
      expect(await assembleJobs()).toEqual([{ tenantId: a.tenant.id, handoffId: after.body.id }]);
      // Tenant B connected nothing: still complete at once.
      const other = await request(app).post('/v1/handoffs').set(b.auth).send(conversationBody({ id: 'other' }));
      expect(other.body.status).toBe('assembled');
    });

    it('enqueues assembly for an escalation whose queue is routed to Slack, not for a handoff that does not escalate', async () => {
      await h.db.query(`INSERT INTO slack_routes (tenant_id, queue, channel_id) VALUES ($1, 'shipping', 'C0SHIP')`, [a.tenant.id]);
      const routed = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'routed' }));
      expect(routed.body).toMatchObject({ status: 'received', escalate: true, queue: 'shipping' });
      expect(await assembleJobs()).toEqual([{ tenantId: a.tenant.id, handoffId: routed.body.id }]);
    });

    it('enqueues assembly for every handoff when a model writes briefs after the offline one', async () => {
      const res = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      expect(res.body.status).toBe('assembled');
      const modelApp = createApp({ ...h.appDeps(), modelBriefs: true });
      const second = await request(modelApp).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'with-model' }));
      expect(second.body.status).toBe('received');
      expect(await assembleJobs()).toEqual([{ tenantId: a.tenant.id, handoffId: second.body.id }]);
    });

    it('tells each customer their place in the queue', async () => {
      const first = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'q-1' }));
      const second = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'q-2' }));
      // Tenant B's queue is its own: it starts again at 1.
      const other = await request(app).post('/v1/handoffs').set(b.auth).send(conversationBody({ id: 'q-3' }));
      expect(first.body.customer_message).toMatch(/\b1\b/);
      expect(second.body.customer_message).toMatch(/\b2\b/);
      expect(other.body.customer_message).toMatch(/\b1\b/);
      expect(second.body.customer_message).not.toEqual(first.body.customer_message);
    });

    it('counts only escalations that arrived within one promised wait before this one', async () => {
      const old = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'q-old' }));
      expect(old.body.customer_message).toMatch(/number 1 in line/);
      // The default wait is 10 minutes: an escalation from an hour ago has been picked up by now.
      // Places are counted per minute of arrival (server/store/queue-arrivals.ts): move its minute back.
      await h.db.query('UPDATE queue_arrivals SET minute = minute - 60 WHERE tenant_id = $1', [a.tenant.id]);
      const recent = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'q-recent' }));
      const next = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'q-next' }));
      expect(recent.body.customer_message).toMatch(/number 1 in line/);
      expect(next.body.customer_message).toMatch(/number 2 in line/);
    });

    it('gives one handoff for the same conversation posted 5 times in a row; replays answer 200 with it', async () => {
      await connectTracking(a.tenant.id);
      const responses = [];
      for (let i = 0; i < 5; i += 1) responses.push(await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody()));
      expect(responses.map((r) => r.status)).toEqual([202, 200, 200, 200, 200]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(responses[1]!.headers['idempotent-replayed']).toBe('true');
      expect(responses[4]!.body).toEqual(responses[0]!.body);
      expect(await handoffCount(a.tenant.id)).toBe(1);
      expect(await assembleJobs()).toHaveLength(1);
    });

    it.each([
      ['with an integration connected', true, 'received', 1],
      ['with nothing connected', false, 'assembled', 0],
    ])('gives one handoff for the same conversation posted 5 times at once, %s', async (_name, connected, status, jobs) => {
      if (connected) await connectTracking(a.tenant.id);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => request(app).post('/v1/handoffs').set(a.auth).send(conversationBody())),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(new Set(responses.map((r) => r.body.status))).toEqual(new Set([status]));
      expect(await handoffCount(a.tenant.id)).toBe(1);
      expect(await assembleJobs()).toHaveLength(jobs);
    });

    it('answers a replay with a different body with the original handoff', async () => {
      const first = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const changed = await request(app)
        .post('/v1/handoffs')
        .set(a.auth)
        .send(conversationBody({ messages: [{ role: 'customer', text: 'I want to cancel my subscription.' }] }));
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual(first.body);
      expect(await handoffCount(a.tenant.id)).toBe(1);
    });

    it('treats the same conversation id from two tenants as two handoffs', async () => {
      const fromA = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const fromB = await request(app).post('/v1/handoffs').set(b.auth).send(conversationBody());
      expect([fromA.status, fromB.status]).toEqual([202, 202]);
      expect(fromA.body.id).not.toBe(fromB.body.id);
    });

    it('makes a new handoff with a generated conversation id for every post without an id', async () => {
      const body = conversationBody();
      delete body.id;
      const one = await request(app).post('/v1/handoffs').set(a.auth).send(body);
      const two = await request(app).post('/v1/handoffs').set(a.auth).send(body);
      expect([one.status, two.status]).toEqual([202, 202]);
      expect(one.body.conversation_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(one.body.conversation_id).not.toBe(two.body.conversation_id);
      expect(await handoffCount(a.tenant.id)).toBe(2);
    });

    it('answers 422 naming the bad field and stores nothing', async () => {
      const before = await h.counts();
      const res = await request(app)
        .post('/v1/handoffs')
        .set(a.auth)
        .send(conversationBody({ messages: [{ role: 'customer', text: '   ' }] }));
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'messages.0.text' });
      expect(res.body.error.message).toMatch(/messages\.0\.text/);
      expect(await h.counts()).toEqual(before);
    });
  });

  describe('GET /v1/handoffs/:id', () => {
    it('returns the handoff with its latest brief, placeholders filled', async () => {
      const created = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const res = await request(app).get(`/v1/handoffs/${created.body.id}`).set(a.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: created.body.id,
        conversation_id: 'conv-8812',
        status: 'assembled', // nothing connected: complete when recorded
        brief_version: 1,
        ticket: { provider: 'zendesk', id: '12345' },
        queue: 'shipping',
      });
      expect(res.body.brief.writer).toBe('offline');
      expect(res.body.brief.summary.length).toBeGreaterThan(0);
      expect(res.body.brief.customer_message).toBe(created.body.customer_message);
      expect(res.body.conversation.messages).toHaveLength(3);
    });

    it('answers the conversation exactly as posted, whatever characters its text holds', async () => {
      const awkward = 'He said "refund" \\ then </script><b>&amp; 😀 \u2028 and \u00e9';
      const body = conversationBody({ id: 'awkward' }) as { messages: Array<{ text: string }>; customer: { name: string } };
      body.messages[0]!.text = awkward;
      body.customer.name = 'Zoë "Z" <O\'Brien>';
      const created = await request(app).post('/v1/handoffs').set(a.auth).send(body);
      for (const path of [`/v1/handoffs/${created.body.id}`, `/v1/briefs?provider=zendesk&ticket=12345`]) {
        const res = await request(app).get(path).set(a.auth);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
        expect(res.body.conversation.messages[0].text).toBe(awkward);
        expect(res.body.conversation.customer.name).toBe(body.customer.name);
        expect(res.body.links).toEqual({ self: `/v1/handoffs/${created.body.id}` });
        expect(res.body.id).toBe(created.body.id);
      }
    });

    it('shows a newer brief version once one is stored', async () => {
      const created = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const current = (await request(app).get(`/v1/handoffs/${created.body.id}`).set(a.auth)).body;
      await h.store.addBriefVersion(a.tenant.id, created.body.id, { ...current.brief, summary: 'enriched summary' }, 'assembled');
      const res = await request(app).get(`/v1/handoffs/${created.body.id}`).set(a.auth);
      expect(res.body).toMatchObject({ status: 'assembled', brief_version: 2, brief: { summary: 'enriched summary' } });
    });

    it("answers 404 for an unknown id, a malformed id and another tenant's handoff", async () => {
      const created = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const unknown = await request(app).get('/v1/handoffs/00000000-0000-4000-8000-000000000000').set(a.auth);
      const malformed = await request(app).get('/v1/handoffs/not-a-uuid').set(a.auth);
      const otherTenant = await request(app).get(`/v1/handoffs/${created.body.id}`).set(b.auth);
      for (const res of [unknown, malformed, otherTenant]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    });
  });

  describe('GET /v1/briefs', () => {
    it("returns the newest handoff's brief for a ticket", async () => {
      await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'older' }));
      const newer = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'newer' }));
      const res = await request(app).get('/v1/briefs').query({ provider: 'zendesk', ticket: '12345' }).set(a.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: newer.body.id, conversation_id: 'newer', ticket: { provider: 'zendesk', id: '12345' } });
      expect(res.body.brief.writer).toBe('offline');
    });

    it('finds a ticket sent with spaces or a byte-order mark around its fields, as the query is trimmed too', async () => {
      const sent = await request(app)
        .post('/v1/handoffs')
        .set(a.auth)
        .send(conversationBody({ id: 'padded', ticket: { provider: '\ufeffzendesk ', id: ' 777-pad\t' } }));
      expect(sent.status).toBe(202);
      const res = await request(app).get('/v1/briefs').query({ provider: 'zendesk', ticket: ' 777-pad ' }).set(a.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: sent.body.id, ticket: { provider: 'zendesk', id: '777-pad' } });
      const blank = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody({ id: 'blank', ticket: { provider: 'zendesk', id: '  ' } }));
      expect(blank.status).toBe(422);
      expect(blank.body.error.field).toBe('ticket.id');
    });

    it('answers 400 naming the missing query field', async () => {
      const noTicket = await request(app).get('/v1/briefs').query({ provider: 'zendesk' }).set(a.auth);
      expect(noTicket.status).toBe(400);
      expect(noTicket.body.error).toMatchObject({ code: 'bad_request', field: 'ticket' });
      const noProvider = await request(app).get('/v1/briefs').query({ ticket: '1' }).set(a.auth);
      expect(noProvider.body.error).toMatchObject({ code: 'bad_request', field: 'provider' });
    });

    it("answers 404 for a ticket with no handoff and for another tenant's ticket", async () => {
      await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
      const none = await request(app).get('/v1/briefs').query({ provider: 'zendesk', ticket: '999' }).set(a.auth);
      const otherTenant = await request(app).get('/v1/briefs').query({ provider: 'zendesk', ticket: '12345' }).set(b.auth);
      expect([none.status, otherTenant.status]).toEqual([404, 404]);
      expect(otherTenant.body.error.code).toBe('not_found');
    });
  });
});
