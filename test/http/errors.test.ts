import request from 'supertest';
import type { Express } from 'express';
import { backends, uniqueSchema } from '../helpers/database';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { createApp } from '../../server/http/app';
import { createLogger } from '../../server/logger';
import { openDatabase } from '../../server/store/database';
import { createStore } from '../../server/store/postgres-store';
import { conversationBody, LogCapture, openHarness, type Harness, type TenantWithKey } from './harness';

// One backend is enough here: these are the HTTP layer's answers, not the store's.
const pglite = backends()[0]!;

describe('HTTP errors, auth, limits and logs', () => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;
  let b: TenantWithKey;

  beforeAll(async () => {
    h = await openHarness(pglite, uniqueSchema(__filename));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    ({ a, b } = await h.reset());
    app = h.makeApp();
  });

  function expectError(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  }

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong key', { Authorization: 'Bearer bt_not-a-real-key' }],
      ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ])('answers 401 JSON for %s on every API route', async (_label, headers) => {
      const calls = [
        request(app).post('/v1/assess').set(headers).send(conversationBody()),
        request(app).post('/v1/handoffs').set(headers).send(conversationBody()),
        request(app).get('/v1/handoffs/00000000-0000-4000-8000-000000000000').set(headers),
        request(app).get('/v1/briefs?provider=zendesk&ticket=1').set(headers),
      ];
      for (const res of await Promise.all(calls)) expectError(res, 401, 'unauthorized');
    });

    it('stops working once the key is revoked', async () => {
      const { id, key } = await h.store.createApiKey(a.tenant.id, 'temp');
      const auth = { Authorization: `Bearer ${key}` };
      expect((await request(app).post('/v1/assess').set(auth).send(conversationBody())).status).toBe(200);
      await h.store.revokeApiKey(a.tenant.id, id);
      expectError(await request(app).post('/v1/assess').set(auth).send(conversationBody()), 401, 'unauthorized');
    });
  });

  describe('bodies', () => {
    it('answers 413 payload_too_large over 1 MB', async () => {
      const big = conversationBody({ messages: [{ role: 'customer', text: 'x'.repeat(1024 * 1024 + 10) }] });
      const res = await request(app).post('/v1/handoffs').set(a.auth).send(big);
      expectError(res, 413, 'payload_too_large');
    });

    it('accepts a body just under 1 MB, one unbroken token included, in reasonable time', async () => {
      const body = conversationBody({ messages: [{ role: 'customer', text: `I want a person. ${'x'.repeat(1000 * 1000)}` }] });
      const started = Date.now();
      const res = await request(app).post('/v1/assess').set(a.auth).send(body);
      expect(res.status).toBe(200);
      // The event loop serves every tenant: one large body must not hold it for long.
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('answers 415 unsupported_media_type for a body that is not declared JSON', async () => {
      const form = await request(app).post('/v1/handoffs').set(a.auth).type('form').send('messages=hi');
      expectError(form, 415, 'unsupported_media_type');
      const text = await request(app).post('/v1/assess').set(a.auth).set('Content-Type', 'text/plain').send(JSON.stringify(conversationBody()));
      expectError(text, 415, 'unsupported_media_type');
      expect(await h.counts()).toMatchObject({ handoffs: 0 });
    });

    it('answers 415 naming Content-Type for bytes that are not UTF-8 or a charset other than UTF-8, storing nothing', async () => {
      const json = JSON.stringify(conversationBody({ customer: { name: 'José Müller' } }));
      // The bytes as given (superagent would serialise a Buffer as JSON).
      const bytes = (type: string, body: Buffer) => request(app).post('/v1/handoffs').set(a.auth).set('Content-Type', type).serialize(() => body as never).send({});
      const latin1 = await bytes('application/json', Buffer.from(json, 'latin1'));
      expectError(latin1, 415, 'unsupported_media_type');
      expect(latin1.body.error).toMatchObject({ field: 'Content-Type', message: expect.stringContaining('UTF-8') });
      for (const charset of ['utf-16', 'UTF-32', 'latin1']) {
        const res = await bytes(`application/json; charset=${charset}`, Buffer.from(json, charset === 'utf-16' ? 'utf16le' : 'latin1'));
        expectError(res, 415, 'unsupported_media_type');
        expect(res.body.error.field).toBe('Content-Type');
      }
      expect(await h.counts()).toMatchObject({ handoffs: 0 });
      const utf8 = await bytes('application/json; charset=UTF-8', Buffer.from(json, 'utf8'));
      expect(utf8.status).toBe(202);
    });

    it('answers 400 invalid_json for malformed JSON', async () => {
      const res = await request(app).post('/v1/handoffs').set(a.auth).set('Content-Type', 'application/json').send('{"messages": [');
      expectError(res, 400, 'invalid_json');
    });

    it.each(['[1,2]', '"a string"', '42', 'null'])('answers 422 "body must be a JSON object" for the valid JSON %s', async (text) => {
      const res = await request(app).post('/v1/assess').set(a.auth).set('Content-Type', 'application/json').send(text);
      expectError(res, 422, 'invalid_input');
      expect(res.body.error).toMatchObject({ field: '(body)', message: expect.stringContaining('body must be a JSON object') });
    });
  });

  it('answers 404 JSON for an unknown route', async () => {
    const res = await request(app).get('/v1/nothing-here').set(a.auth);
    expectError(res, 404, 'not_found');
    expectError(await request(app).get('/'), 404, 'not_found');
  });

  it('answers 429 with Retry-After past the per-tenant limit, per tenant', async () => {
    const limited = h.makeApp({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await request(limited).post('/v1/assess').set(a.auth).send(conversationBody())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await request(limited).get('/v1/briefs?provider=zendesk&ticket=1').set(a.auth);
    expectError(res, 429, 'rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another tenant still has its whole budget.
    expect((await request(limited).post('/v1/assess').set(b.auth).send(conversationBody())).status).toBe(200);
  });

  it('answers 429 per address to requests without a valid key, never to a valid key', async () => {
    const limited = h.makeApp({ unauthenticatedRateLimitPerMinute: 2 });
    const statuses = [];
    for (const headers of [{}, { Authorization: 'Bearer bt_guess-1' }, { Authorization: 'Bearer bt_guess-2' }]) {
      statuses.push((await request(limited).get('/v1/briefs?provider=zendesk&ticket=1').set(headers)).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await request(limited).post('/v1/assess').send(conversationBody());
    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The same address with a valid key is served: it is the missing and wrong keys that are counted.
    expect((await request(limited).post('/v1/assess').set(a.auth).send(conversationBody())).status).toBe(200);
  });

  describe('request ids', () => {
    it('generates one when none is sent and echoes it in the response header and the error body', async () => {
      const res = await request(app).get('/v1/handoffs/nope').set(a.auth);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
    });

    it('honours a sane incoming X-Request-Id and replaces an unsafe one', async () => {
      const sane = await request(app).post('/v1/assess').set(a.auth).set('X-Request-Id', 'bot-42.trace:7').send(conversationBody());
      expect(sane.headers['x-request-id']).toBe('bot-42.trace:7');
      const unsafe = await request(app).post('/v1/assess').set(a.auth).set('X-Request-Id', 'a b <script>alert(1)</script>').send(conversationBody());
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('puts the request id on every log line of the request', async () => {
      await request(app).post('/v1/handoffs').set(a.auth).set('X-Request-Id', 'trace-handoff-1').send(conversationBody());
      const lines = h.log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.request_id === 'trace-handoff-1');
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['handoff recorded', 'request completed']));
      expect(h.log.lines.filter((l) => l.includes('handoff recorded') && !l.includes('trace-handoff-1'))).toEqual([]);
    });
  });

  it('never writes the API key or cookies to the log', async () => {
    await request(app).post('/v1/handoffs').set(a.auth).set('Cookie', 'session=s3cr3t-cookie').send(conversationBody());
    await request(app).get('/v1/handoffs/nope').set('Authorization', 'Bearer bt_wrong-key-abc');
    expect(h.log.lines.length).toBeGreaterThanOrEqual(2);
    expect(h.log.text).not.toContain(a.key);
    expect(h.log.text).not.toContain('bt_wrong-key-abc');
    expect(h.log.text).not.toContain('s3cr3t-cookie');
    // Both requests were logged (so the checks above could have failed), by what they asked for.
    const logged = h.log.lines.map((l) => JSON.parse(l) as { req?: { method?: string; url?: string } });
    expect(logged.some((l) => l.req?.method === 'POST' && l.req.url === '/v1/handoffs')).toBe(true);
    expect(logged.some((l) => l.req?.method === 'GET' && l.req.url === '/v1/handoffs/nope')).toBe(true);
  });

  describe('health and failures', () => {
    it('answers /healthz with 200 ok without a key', async () => {
      const res = await request(app).get('/healthz');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('answers 503 from /healthz and a generic 500 from the API when the database is gone', async () => {
      const db = await openDatabase();
      const store = createStore(db);
      await store.migrate();
      const tenant = await store.createTenant({ name: 'doomed' });
      const { key } = await store.createApiKey(tenant.id);
      const log = new LogCapture();
      const broken = createApp({
        store,
        jobs: h.jobs,
        writer: new OfflineBriefWriter(),
        kb: h.kb,
        logger: createLogger(h.config, log),
        config: h.config,
      });
      await db.close();

      const health = await request(broken).get('/healthz');
      expect(health.status).toBe(503);
      expect(health.body.status).toBe('unavailable');

      const res = await request(broken).post('/v1/assess').set('Authorization', `Bearer ${key}`).send(conversationBody());
      expectError(res, 500, 'internal_error');
      expect(res.body.error.message).not.toMatch(/closed|pglite|sql/i);
      // The details go to the log, under the same request id.
      const logged = log.lines.map((l) => JSON.parse(l) as { request_id?: string; err?: unknown; msg: string });
      expect(logged.find((l) => l.msg === 'unhandled error' && l.request_id === res.body.error.request_id)?.err).toBeDefined();
    });
  });
});
