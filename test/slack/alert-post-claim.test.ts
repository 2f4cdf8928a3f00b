import request from 'supertest';
import { alertForHandoff, SLACK_JOB_NAMES, type AlertJob } from '../../integrations/slack/alerts';
import { createSlackApp } from '../../integrations/slack/app';
import { ALERT_EVENT_TYPE, ChannelPacer, createDelivery, type Delivery } from '../../integrations/slack/delivery';
import { createSlackStore } from '../../integrations/slack/slack-store';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import { openDatabase } from '../../server/store/database';
import { createStore } from '../../server/store/postgres-store';
import type { Database } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from '../http/harness';
import { startSlackStandIn, type SlackStandIn } from './slack-web-api-stand-in';

const noSleep = async () => undefined;

/**
 * One alert, one Slack message, however many `slack-alert-post` runs reach it at once: two jobs for
 * the same handoff, a retry started while the first attempt still runs in another process, a retry
 * after a process died between posting and recording. Slack is a stand-in on loopback whose posts
 * take a while to land, so a run that only looked at the channel's history would post a second time.
 */
describe.each(backends())('posting a Slack alert exactly once on $name', (backend) => {
  let h: Harness;
  let standIn: SlackStandIn;
  /** On Postgres, a second pool on the same database: the other process. PGlite has one connection. */
  let otherDb: Database | undefined;
  let tenant: TenantWithKey;

  beforeAll(async () => {
    const schema = uniqueSchema(__filename);
    h = await openHarness(backend, schema);
    await h.jobs.createQueues(SLACK_JOB_NAMES);
    if (backend.url) otherDb = await openDatabase({ url: backend.url, schema, maxConnections: 2 });
    standIn = await startSlackStandIn({ postDelayMs: 300 });
  }, 120_000);
  afterAll(async () => {
    await standIn?.close();
    await otherDb?.close();
    await h?.close();
  });

  beforeEach(async () => {
    ({ a: tenant } = await h.reset());
    standIn.calls.length = 0;
    standIn.postFailure = undefined;
  });

  /** A process's delivery: its own store, Slack client and pacer on `db`. */
  function deliveryOn(db: Database): Delivery {
    const logger = createLogger(h.config, h.log);
    const slack = createSlackStore(db);
    const store = createStore(db);
    const app = createSlackApp({
      store,
      slack,
      jobs: h.jobs,
      box: createSecretBox(Buffer.alloc(32, 5)),
      logger,
      config: { signingSecret: 'claim-test-secret', botToken: 'xoxb-claim-test', tenantName: 'tenant-a', apiUrl: standIn.apiUrl },
    });
    return createDelivery({ store, slack, clients: app.clients, logger, pacer: new ChannelPacer(0, noSleep), sleep: noSleep });
  }

  async function routedAlert(): Promise<AlertJob> {
    const slack = createSlackStore(h.db);
    await slack.setRoute(tenant.tenant.id, { queue: 'shipping', channel_id: 'C0SHIP', sla_minutes: 15 });
    const res = await request(h.makeApp()).post('/v1/handoffs').set(tenant.auth).send(conversationBody());
    expect(res.status).toBe(202);
    const record = (await h.store.getHandoff(tenant.tenant.id, res.body.id))!;
    await alertForHandoff({ slack, jobs: h.jobs }, record);
    return { tenantId: tenant.tenant.id, handoffId: record.id };
  }

  const posts = () => standIn.calls.filter((call) => call.method === 'chat.postMessage');
  const historyReads = () => standIn.calls.filter((call) => call.method === 'conversations.history');
  const messageTs = async (job: AlertJob) => (await createSlackStore(h.db).getAlert(job.tenantId, job.handoffId))?.message_ts;
  /** Moves the alert's post claim into the past, as a process that died long ago would leave it. */
  const ageClaim = (job: AlertJob) => h.db.query(`UPDATE slack_alerts SET post_started_at = now() - interval '1 hour' WHERE handoff_id = $1`, [job.handoffId]);

  it('two deliveries running the same job at once post it once; the other finds it on its retry', async () => {
    const job = await routedAlert();
    const first = deliveryOn(h.db);
    const second = deliveryOn(otherDb ?? h.db);
    const results = await Promise.allSettled([first.post(job), second.post(job)]);
    expect(posts()).toHaveLength(1);
    expect(await messageTs(job)).toMatch(/^\d+\.000100$/);
    // The run that lost the claim gave its job back to pg-boss; its retry finds the ts and sends nothing.
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused.map((result) => String(result.reason))).toEqual([expect.stringMatching(/another job is posting this alert/)]);
    standIn.calls.length = 0;
    await second.post(job);
    expect(standIn.calls).toEqual([]);
  });

  it('a retry while the first attempt still holds its claim posts nothing and asks Slack nothing', async () => {
    const job = await routedAlert();
    // An attempt in another process claimed the post a moment ago and is still talking to Slack.
    await h.db.query('UPDATE slack_alerts SET post_started_at = now() WHERE handoff_id = $1', [job.handoffId]);
    await expect(deliveryOn(otherDb ?? h.db).post(job)).rejects.toThrow(/another job is posting this alert/);
    expect(standIn.calls).toEqual([]);
  });

  it('after a process died between posting and recording, its lapsed claim is taken over and the post found in the history', async () => {
    const job = await routedAlert();
    // What the dead process got as far as: its claim, and its message in the channel, unrecorded.
    await h.db.query('UPDATE slack_alerts SET post_started_at = now() WHERE handoff_id = $1', [job.handoffId]);
    const landed = await fetch(`${standIn.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'C0SHIP', text: 'the alert', metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { handoff_id: job.handoffId } } }),
    }).then((res) => res.json() as Promise<{ ts: string }>);
    await ageClaim(job);
    standIn.calls.length = 0;
    await deliveryOn(h.db).post(job);
    expect(historyReads()).toHaveLength(1);
    expect(posts()).toEqual([]);
    expect(await messageTs(job)).toBe(landed.ts);
  });

  it('a lapsed claim whose post never reached Slack is taken over and posted once', async () => {
    const job = await routedAlert();
    await ageClaim(job);
    await deliveryOn(otherDb ?? h.db).post(job);
    expect(historyReads()).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(await messageTs(job)).toBeTruthy();
  });

  it('a post Slack refused gives its claim back, so the retry posts at once without reading the history', async () => {
    const job = await routedAlert();
    standIn.postFailure = 'not_in_channel';
    await expect(deliveryOn(h.db).post(job)).rejects.toThrow(/not_in_channel/);
    standIn.postFailure = undefined;
    standIn.calls.length = 0;
    await deliveryOn(otherDb ?? h.db).post(job);
    expect(historyReads()).toEqual([]);
    expect(posts()).toHaveLength(1);
  });
});
