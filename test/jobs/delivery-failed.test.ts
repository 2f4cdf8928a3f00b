import { randomBytes } from 'node:crypto';
import nock from 'nock';
import request from 'supertest';
import { createSlackIntegration } from '../../integrations/slack';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { createHelpdeskWiring } from '../../server/integrations/helpdesk-wiring';
import { DEAD_LETTERS, HELPDESK_WRITE_BACK, JOB_NAMES } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import type { HandoffRecord } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { onlyNockedHttp } from '../helpers/outside-http';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from '../http/harness';
import { startSlackStandIn, type SlackStandIn } from '../slack/slack-web-api-stand-in';
import { waitFor } from './wait-for';

const ZD = 'https://acme.zendesk.com';

onlyNockedHttp();

/**
 * Deliveries that follow a handoff and use up their retries end in a dead letter whose worker
 * records the failure on the handoff (GET /v1/handoffs/:id, `delivery_failures`) and logs it once,
 * instead of sitting unseen in pg-boss's failed state. Vendors are faked at the HTTP boundary only.
 */
describe.each(backends())('dead letters of the deliveries, on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  /** A pg-boss schema of this file's own, so the harness's queue (default retries) never works these jobs. */
  const bossSchema = `${schema}_dl`;
  let h: Harness;
  let queue: JobQueue;
  let tenant: TenantWithKey;
  let standIn: SlackStandIn;

  beforeAll(async () => {
    h = await openHarness(backend, schema);
    standIn = await startSlackStandIn();
  }, 120_000);
  afterAll(async () => {
    await standIn?.close();
    await h?.db.exec(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    await h?.close();
  });
  beforeEach(async () => {
    ({ a: tenant } = await h.reset());
    // One retry, at once: a job is dead-lettered after its second failure.
    queue = await createJobQueue(h.db, { logger: createLogger(h.config, h.log), schema: bossSchema, retryLimit: 1, retryDelaySeconds: 0, stopTimeoutMs: 2000 });
    await queue.start();
    await queue.createQueues(JOB_NAMES, { deadLetters: DEAD_LETTERS });
    await h.db.query(`DELETE FROM ${bossSchema}.job`);
  });
  afterEach(async () => {
    await queue?.stop();
  });

  async function handoff(): Promise<HandoffRecord> {
    const res = await request(h.makeApp()).post('/v1/handoffs').set(tenant.auth).send(conversationBody());
    expect(res.status).toBe(202);
    return (await h.store.getHandoff(tenant.tenant.id, res.body.id))!;
  }

  async function failuresShown(record: HandoffRecord): Promise<Array<{ job: string; error: string; failed_at: string }> | undefined> {
    const res = await request(h.makeApp()).get(`/v1/handoffs/${record.id}`).set(tenant.auth);
    expect(res.status).toBe(200);
    return res.body.delivery_failures;
  }

  const errorLines = () =>
    h.log.lines.map((line) => JSON.parse(line) as { level: number; msg: string; handoff?: string; last_error?: string }).filter((line) => line.level >= 50);

  it('a write-back the helpdesk always answers 500 ends in its dead letter, shown on the handoff and logged once', async () => {
    const wiring = createHelpdeskWiring({
      store: h.store,
      jobs: queue,
      box: createSecretBox(randomBytes(32)),
      writer: new OfflineBriefWriter(),
      logger: createLogger(h.config, h.log),
      pollingIntervalSeconds: 0.5,
      bossSchema,
    });
    await wiring.integrationStore.connect(tenant.tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example' },
      secrets: { webhook_secret: 'whsec-0123456789', api_token: 'tok-0123456789' },
    });
    const tries: string[] = [];
    nock(ZD)
      .persist()
      .get(/.*/)
      .reply(500, (uri) => (tries.push(uri), { error: 'InternalError' }))
      .put(/.*/)
      .reply(500, { error: 'InternalError' });
    const record = await handoff();
    expect(await failuresShown(record)).toBeUndefined();

    await wiring.work();
    await queue.send(HELPDESK_WRITE_BACK, { tenantId: tenant.tenant.id, handoffId: record.id, version: 1 });
    await waitFor('the failure on the handoff', async () => (await failuresShown(record)) !== undefined, 30_000);

    const [failure, ...others] = (await failuresShown(record))!;
    expect(others).toEqual([]);
    expect(failure).toEqual({ job: 'helpdesk-write-back', error: expect.stringContaining('500'), failed_at: expect.any(String) });
    // The first try and its one retry, each with the client's own retries of a 5xx.
    expect(tries.length).toBeGreaterThanOrEqual(2);
    const logged = errorLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ handoff: record.id, last_error: failure!.error });
    expect(logged[0]!.msg).toContain(record.id);
  });

  it('a Slack post Slack always refuses ends in the Slack dead letter, shown on the handoff as slack-alert-post and logged once', async () => {
    standIn.postFailure = 'channel_not_found';
    const slack = await createSlackIntegration({
      db: h.db,
      store: h.store,
      jobs: queue,
      box: createSecretBox(randomBytes(32)),
      logger: createLogger(h.config, h.log),
      config: { signingSecret: 'dead-letter-test-secret', botToken: 'xoxb-dead-letter', tenantName: 'tenant-a', apiUrl: standIn.apiUrl },
      bossSchema,
    });
    await slack.store.setRoute(tenant.tenant.id, { queue: 'shipping', channel_id: 'C0SHIP', sla_minutes: 15 });
    const record = await handoff();
    await slack.work();
    await slack.handoffBriefStored(record);
    await waitFor('the failure on the handoff', async () => (await failuresShown(record)) !== undefined, 30_000);

    expect(await failuresShown(record)).toEqual([{ job: 'slack-alert-post', error: expect.stringContaining('channel_not_found'), failed_at: expect.any(String) }]);
    expect(standIn.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(2);
    // Slack refused each post, so neither left a claim: no retry looked in the history for it.
    expect(standIn.calls.filter((call) => call.method === 'conversations.history')).toEqual([]);
    const logged = errorLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ handoff: record.id, last_error: expect.stringContaining('channel_not_found') });
  });
});
