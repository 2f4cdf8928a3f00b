import request from 'supertest';
import type { Express } from 'express';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';

describe.each(backends())('POST /v1/assess on $name', (backend) => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    ({ a } = await h.reset());
    app = h.makeApp();
  });

  it('answers 200 with the decision and brief', async () => {
    const res = await request(app).post('/v1/assess').set(a.auth).send(conversationBody());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ escalate: true, category: 'order_status', queue: 'shipping' });
    expect(res.body.reasons).toContain('human_requested');
    expect(res.body.brief).toMatchObject({ writer: 'offline' });
    expect(res.body.brief.customer_message).not.toMatch(/\{wait_minutes\}|\{queue_position\}/);
  });

  it("applies the tenant's policy", async () => {
    const strict = await h.store.createTenant({ name: 'sales-routing', policy: { queues: { order_status: 'tier2' } } });
    const { key } = await h.store.createApiKey(strict.id);
    const res = await request(app).post('/v1/assess').set('Authorization', `Bearer ${key}`).send(conversationBody());
    expect(res.body.queue).toBe('tier2');
  });

  it('stores and enqueues nothing', async () => {
    const before = await h.counts();
    for (let i = 0; i < 3; i += 1) {
      expect((await request(app).post('/v1/assess').set(a.auth).send(conversationBody())).status).toBe(200);
    }
    expect(await h.counts()).toEqual(before);
    expect(before.handoffs).toBe(0);
  });

  it('answers 422 naming the field', async () => {
    const res = await request(app).post('/v1/assess').set(a.auth).send({ messages: [{ role: 'robot', text: 'hi' }] });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: { code: 'invalid_input', message: expect.stringMatching(/^messages\.0\.role/), field: 'messages.0.role', request_id: expect.any(String) },
    });
    const empty = await request(app).post('/v1/assess').set(a.auth).send({});
    expect(empty.body.error.field).toBe('messages');
  });
});
