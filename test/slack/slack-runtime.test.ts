import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ACTIONS } from '../../integrations/slack/alert-message';
import { ALERT_EVENT_TYPE } from '../../integrations/slack/delivery';
import { loadConfig } from '../../server/config';
import { startRuntime, type Runtime } from '../../server/runtime';
import { conversationBody } from '../http/harness';
import { blockActionBody, commandBody, slackHeaders } from './slack-request';
import { startSlackStandIn, type SlackStandIn } from './slack-web-api-stand-in';

const SECRET = 'slack-signing-secret-for-runtime';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The whole server as `npm start` builds it (embedded database, workers, Bolt mounted), with Slack's
 * Web API on loopback: a routed escalation reaches its channel once, and a claim updates it in place.
 */
describe('Slack through the running server', () => {
  let slack: SlackStandIn;
  let runtime: Runtime;
  let dataDir: string;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-slack-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-runtime-test',
      SLACK_TENANT: 'demo',
      SLACK_API_URL: slack.apiUrl,
    });
    runtime = await startRuntime(config, { http: true, workers: true });
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await slack?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the alert of an escalation whose queue has no channel on request, storing and queueing nothing', async () => {
    const created = await request(runtime.url!)
      .post('/v1/handoffs')
      .set('Authorization', `Bearer ${runtime.demoApiKey}`)
      .send(conversationBody({ id: 'conv-runtime-unrouted' }));
    expect(created.status).toBe(202);
    await until('the assembled brief', async () => {
      const res = await request(runtime.url!).get(`/v1/handoffs/${created.body.id}`).set('Authorization', `Bearer ${runtime.demoApiKey}`);
      return res.body.status === 'assembled' ? true : undefined;
    });

    const preview = await request(runtime.url!).get(`/v1/handoffs/${created.body.id}/slack-alert`).set('Authorization', `Bearer ${runtime.demoApiKey}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ handoff_id: created.body.id, queue: created.body.queue, channel: null, posted: false, status: 'open' });
    expect(JSON.stringify(preview.body.message.blocks)).toContain('Ana Ruiz');
    // Nothing was kept or queued for an alert nobody receives, nor a write-back to a helpdesk the
    // demo tenant never connected.
    const { rows } = await runtime.store.db.query('SELECT 1 FROM slack_alerts WHERE handoff_id = $1', [created.body.id]);
    expect(rows).toHaveLength(0);
    const jobs = await runtime.store.db.query(`SELECT 1 FROM pgboss.job WHERE (name LIKE 'slack-%' OR name = 'helpdesk-write-back') AND data->>'handoffId' = $1`, [created.body.id]);
    expect(jobs.rows).toHaveLength(0);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  }, 60_000);

  it('routes with /baton, posts the escalation once to the mapped channel, and updates it on claim', async () => {
    slack.users.set('U0ADMIN', { is_admin: true, email: 'admin@acme.example' });
    const route = commandBody({ text: 'route shipping <#C0SHIP|shipping> sla=10', user_id: 'U0ADMIN', team_id: 'T0ACME' });
    const routed = await request(runtime.url!).post('/slack/events').set(slackHeaders(SECRET, route)).send(route);
    expect(routed.body.text).toContain('`shipping` → <#C0SHIP>');

    const created = await request(runtime.url!).post('/v1/handoffs').set('Authorization', `Bearer ${runtime.demoApiKey}`).send(conversationBody({ id: 'conv-runtime-slack' }));
    expect(created.status).toBe(202);
    expect(created.body.queue).toBe('shipping');

    const post = await until('the alert post', () => slack.calls.find((c) => c.method === 'chat.postMessage' && !c.body.thread_ts));
    expect(post.body.channel).toBe('C0SHIP');
    expect((post.body.metadata as { event_type: string; event_payload: { handoff_id: string } }).event_payload.handoff_id).toBe(created.body.id);
    expect((post.body.metadata as { event_type: string }).event_type).toBe(ALERT_EVENT_TYPE);
    expect(String(post.body.text)).toContain('Ana Ruiz');

    const preview = await request(runtime.url!).get(`/v1/handoffs/${created.body.id}/slack-alert`).set('Authorization', `Bearer ${runtime.demoApiKey}`);
    expect(preview.status).toBe(200);
    expect(preview.body.channel).toBe('C0SHIP');
    await until('the posted ts', async () => {
      const res = await request(runtime.url!).get(`/v1/handoffs/${created.body.id}/slack-alert`).set('Authorization', `Bearer ${runtime.demoApiKey}`);
      return res.body.posted ? true : undefined;
    });

    const ts = `${1_700_000_001}.000100`;
    const click = blockActionBody({ action_id: ACTIONS.claim, value: created.body.id, user_id: 'U0AGENT', team_id: 'T0ACME', channel_id: 'C0SHIP', message_ts: ts });
    const claimed = await request(runtime.url!).post('/slack/events').set(slackHeaders(SECRET, click)).send(click);
    expect(claimed.status).toBe(200);
    const update = await until('the update in place', () => slack.calls.find((c) => c.method === 'chat.update'));
    expect(update.body.ts).toBe(ts);
    expect(JSON.stringify(update.body.blocks)).toContain('Claimed by <@U0AGENT>');
    // Once: a single top-level post for this handoff, whatever ran twice.
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && !c.body.thread_ts)).toHaveLength(1);
  }, 120_000);
});
