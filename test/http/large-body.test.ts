import request from 'supertest';
import type { Express } from 'express';
import { assess } from '../../server/assess';
import { AssessPool } from '../../server/assess-pool';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { DEFAULT_KB_DIR, loadConfig } from '../../server/config';
import { parseConversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { createApp } from '../../server/http/app';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { createLogger } from '../../server/logger';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';

/**
 * Bodies near the 1 MB limit go through the assessment pool's worker threads and come back with the
 * same answer as assess() in-thread: the workers load the same KB, and the tenant's policy travels
 * with each conversation.
 */

/** A real request with a pasted log: the problem in the first message, ~900 kB of log after it. */
function largeBody(): Record<string, unknown> {
  const log = 'ERROR 502 checkout step 3 payment gateway timed out after 30000 ms; retrying\n'.repeat(11_800);
  return conversationBody({
    messages: [
      { role: 'customer', text: 'I was charged twice for order #48213 and I want a refund of the second charge.' },
      { role: 'bot', text: 'Duplicate charges usually drop off within 3 business days.', helpful: false },
      { role: 'customer', text: `That does not help, here is what the checkout page printed:\n${log}` },
      { role: 'customer', text: 'Can I talk to a real person please?' },
    ],
  });
}

describe.each(backends())('bodies near 1 MB on $name', (backend) => {
  let h: Harness;
  let pool: AssessPool;
  let app: Express;
  let a: TenantWithKey;
  const writer = new OfflineBriefWriter();

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
    const logger = createLogger(h.config, h.log);
    // Not starting the worker here: the first long conversation starts it and waits for it, so the
    // tests cover that path too.
    pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, kb: h.kb, writer, logger, threads: 1 });
    app = createApp({ store: h.store, jobs: h.jobs, writer, assessor: pool, kb: h.kb, logger, config: h.config });
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
    await h?.close();
  });
  beforeEach(async () => {
    ({ a } = await h.reset());
  });

  it('POST /v1/assess answers a 900 kB conversation as assess() does in-thread, with the tenant policy', async () => {
    const tenant = await h.store.createTenant({ name: 'billing-routing', policy: { queues: { billing: 'payments-desk' } } });
    const { key } = await h.store.createApiKey(tenant.id);
    const body = largeBody();
    expect(JSON.stringify(body).length).toBeGreaterThan(900_000);
    const offloaded = pool.offloaded;

    const res = await request(app).post('/v1/assess').set('Authorization', `Bearer ${key}`).send(body);

    expect(res.status).toBe(200);
    expect(pool.offloaded).toBe(offloaded + 1);
    expect(res.body).toMatchObject({ escalate: true, category: 'billing', queue: 'payments-desk' });
    expect(res.body.reasons).toContain('human_requested');
    expect(res.body.facts.order_ids).toContain('48213');
    expect(res.body.brief.summary).toContain('charged twice for order #48213');
    expect(res.body.brief.attempted).toEqual([expect.objectContaining({ by: 'bot', outcome: 'not_helpful' })]);

    const inThread = await assess(parseConversation(body), { policy: tenant.policy, writer, kb: h.kb });
    const { customer_message: _filled, ...brief } = res.body.brief;
    const { customer_message: _template, ...expectedBrief } = inThread.brief;
    expect({ ...res.body, brief }).toEqual({ ...inThread, brief: expectedBrief });
  }, 120_000);

  it('POST /v1/handoffs stores a 900 kB conversation with its assessment', async () => {
    const res = await request(app).post('/v1/handoffs').set(a.auth).send(largeBody());
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ escalate: true, category: 'billing', queue: 'billing' });
    const stored = await h.store.getHandoff(a.tenant.id, res.body.id);
    expect(stored?.assessment.facts.order_ids).toEqual(['48213']);
    expect(stored?.conversation.messages[2]!.text.length).toBeGreaterThan(800_000);
  }, 120_000);
});

describe('AssessPool', () => {
  it('refuses with 429 beyond its waiting room and answers the conversations it took', async () => {
    const writer = new OfflineBriefWriter();
    const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' }));
    const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, writer, logger, threads: 1, offloadAboveChars: 10, maxWaiting: 1 });
    try {
      const conversation = parseConversation(conversationBody());
      const policy = DEFAULT_POLICY;
      // The worker is still starting: the first waits for it, the second finds the room full.
      const first = pool.assess(conversation, { policy });
      await expect(pool.assess(conversation, { policy })).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
      await expect(first).resolves.toMatchObject({ category: 'order_status', queue: 'shipping' });
      expect(pool.offloaded).toBe(1);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('answers an assessment that outlives its deadline with 422 naming messages, and ends its worker', async () => {
    const writer = new OfflineBriefWriter();
    const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' }));
    const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, writer, logger, threads: 1, offloadAboveChars: 10, taskTimeoutMs: 1 });
    try {
      await pool.ready();
      await expect(pool.assess(parseConversation(conversationBody()), { policy: DEFAULT_POLICY })).rejects.toMatchObject({
        status: 422,
        code: 'assessment_timeout',
        field: 'messages',
      });
      expect(pool.offloaded).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('queues background jobs beyond the waiting room instead of refusing them', async () => {
    const writer = new OfflineBriefWriter();
    const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' }));
    const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, writer, logger, threads: 1, offloadAboveChars: 10, maxWaiting: 1 });
    try {
      const conversation = parseConversation(conversationBody());
      const jobs = [1, 2, 3].map(() => pool.forJobs.assessor.assess(conversation, { policy: DEFAULT_POLICY }));
      for (const job of jobs) await expect(job).resolves.toMatchObject({ category: 'order_status', queue: 'shipping' });
      expect(pool.offloaded).toBe(3);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("writes a long conversation's assembled brief in a worker, as the offline writer does in-thread", async () => {
    const writer = new OfflineBriefWriter();
    const kb = await loadKnowledgeBase(DEFAULT_KB_DIR);
    const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' }));
    const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, kb, writer, logger, threads: 1 });
    try {
      const conversation = parseConversation(largeBody());
      const now = new Date('2026-11-02T10:15:00Z');
      const decision = decide(conversation, { policy: DEFAULT_POLICY, kb, now });
      const context = {
        policy: DEFAULT_POLICY,
        kb,
        now,
        customerContext: { orders: [{ id: '48213', financial_status: 'paid' }] },
        sources: [{ kind: 'shopify', ok: true }, { kind: 'tracking', ok: false, error: 'timed out' }],
      };

      const inWorker = await pool.forJobs.writer.write(conversation, decision, context);

      expect(pool.offloaded).toBe(1);
      expect(pool.forJobs.writer.name).toBe(writer.name);
      expect(inWorker.sources).toEqual(context.sources);
      expect(inWorker).toEqual(await writer.write(conversation, decision, context));
    } finally {
      await pool.close();
    }
  }, 120_000);
});
