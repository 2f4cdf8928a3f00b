import nock from 'nock';
import request from 'supertest';
import type { Express } from 'express';
import { ACTIONS } from '../../integrations/slack/alert-message';
import { alertForHandoff, SLACK_JOB_NAMES } from '../../integrations/slack/alerts';
import { createSlackApp, type SlackApp } from '../../integrations/slack/app';
import { ALERT_EVENT_TYPE, ChannelPacer, createDelivery, POST_CLAIM_SECONDS } from '../../integrations/slack/delivery';
import { createSlackStore, type SlackStore } from '../../integrations/slack/slack-store';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import type { HandoffRecord } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from '../http/harness';
import { blockActionBody, commandBody, slackHeaders } from './slack-request';

const SECRET = 'slack-signing-secret-for-tests';
const TEAM = 'T0ACME';
const SLACK = 'https://slack.com';
const noSleep = async () => undefined;

describe.each(backends())('Slack app on $name', (backend) => {
  let h: Harness;
  let slack: SlackStore;
  let app: Express;
  let slackApp: SlackApp;
  let tenant: TenantWithKey;
  let assigned: string[];

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
    await h.jobs.createQueues(SLACK_JOB_NAMES);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    nock.enableNetConnect();
    await h?.close();
  });

  beforeEach(async () => {
    nock.cleanAll();
    const { a } = await h.reset();
    tenant = a;
    slack = createSlackStore(h.db);
    assigned = [];
    slackApp = createSlackApp({
      store: h.store,
      slack,
      jobs: h.jobs,
      box: createSecretBox(Buffer.alloc(32, 3)),
      logger: createLogger(h.config, h.log),
      config: { signingSecret: SECRET, botToken: 'xoxb-test-token', tenantName: 'tenant-a' },
      assignTicket: async (_handoff, email) => {
        assigned.push(email);
        return email.endsWith('@acme.example');
      },
    });
    // Mounted as the server mounts it: ahead of every route, no body parser in front (AppDeps.receivers).
    app = h.makeApp({}, [slackApp.router]);
  });

  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  function delivery() {
    return createDelivery({ store: h.store, slack, clients: slackApp.clients, logger: createLogger(h.config, h.log), pacer: new ChannelPacer(0, noSleep), sleep: noSleep });
  }

  async function handoff(body: Record<string, unknown> = conversationBody()): Promise<HandoffRecord> {
    const res = await request(app).post('/v1/handoffs').set(tenant.auth).send(body);
    expect(res.status).toBe(202);
    return (await h.store.getHandoff(tenant.tenant.id, res.body.id))!;
  }

  async function routedAlert(body?: Record<string, unknown>) {
    await slack.setRoute(tenant.tenant.id, { queue: 'shipping', channel_id: 'C0SHIP', lead_user_id: 'U0LEAD', sla_minutes: 15 });
    const record = await handoff(body);
    await alertForHandoff({ slack, jobs: h.jobs }, record);
    return record;
  }

  async function postedAlert(body?: Record<string, unknown>) {
    const record = await routedAlert(body);
    nock(SLACK).post('/api/chat.postMessage').reply(200, { ok: true, channel: 'C0SHIP', ts: '1700000000.000100' });
    await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
    return record;
  }

  function click(record: HandoffRecord, user: string, action: string = ACTIONS.claim) {
    const body = blockActionBody({ action_id: action, value: record.id, user_id: user, team_id: TEAM, channel_id: 'C0SHIP', message_ts: '1700000000.000100' });
    return request(app).post('/slack/events').set(slackHeaders(SECRET, body)).send(body);
  }

  describe('/baton slash command', () => {
    it('shows the routes, and lets a workspace admin route a queue to a channel with a lead and an SLA', async () => {
      const show = commandBody({ text: '', user_id: 'U0ANY', team_id: TEAM });
      const empty = await request(app).post('/slack/events').set(slackHeaders(SECRET, show)).send(show);
      expect(empty.status).toBe(200);
      expect(empty.body.text).toContain('No queue is routed');

      nock(SLACK).post('/api/users.info').reply(200, { ok: true, user: { id: 'U0ADMIN', is_admin: true } });
      const set = commandBody({ text: 'route shipping <#C0SHIP|shipping> <@U0LEAD|lea> sla=20', user_id: 'U0ADMIN', team_id: TEAM });
      const res = await request(app).post('/slack/events').set(slackHeaders(SECRET, set)).send(set);
      expect(res.status).toBe(200);
      expect(res.body.text).toContain('`shipping` → <#C0SHIP>');
      expect(await slack.listRoutes(tenant.tenant.id)).toEqual([{ queue: 'shipping', channel_id: 'C0SHIP', lead_user_id: 'U0LEAD', sla_minutes: 20 }]);
    });

    it('refuses changes from someone who is not a workspace admin', async () => {
      nock(SLACK).post('/api/users.info').reply(200, { ok: true, user: { id: 'U0ANY', is_admin: false, is_owner: false } });
      const set = commandBody({ text: 'route shipping <#C0SHIP|shipping>', user_id: 'U0ANY', team_id: TEAM });
      const res = await request(app).post('/slack/events').set(slackHeaders(SECRET, set)).send(set);
      expect(res.body.text).toContain('Only workspace admins');
      expect(await slack.listRoutes(tenant.tenant.id)).toEqual([]);
    });

    it('rejects a bad or stale signature and changes nothing', async () => {
      const set = commandBody({ text: 'route shipping <#C0SHIP|shipping>', user_id: 'U0ADMIN', team_id: TEAM });
      const forged = await request(app).post('/slack/events').set(slackHeaders('wrong-secret', set)).send(set);
      expect(forged.status).toBe(401);
      const stale = await request(app).post('/slack/events').set(slackHeaders(SECRET, set, Math.floor(Date.now() / 1000) - 600)).send(set);
      expect(stale.status).toBe(401);
      // Signed for a time to come: valid until then, and so replayable, were only the past refused.
      const future = await request(app).post('/slack/events').set(slackHeaders(SECRET, set, Math.floor(Date.now() / 1000) + 600)).send(set);
      expect(future.status).toBe(401);
      expect(await slack.listRoutes(tenant.tenant.id)).toEqual([]);
    });

    it('accepts a signature a few seconds in the future (clock skew)', async () => {
      nock(SLACK).post('/api/users.info').reply(200, { ok: true, user: { id: 'U0ANY', is_admin: false, is_owner: false } });
      const set = commandBody({ text: 'route shipping <#C0SHIP|shipping>', user_id: 'U0ANY', team_id: TEAM });
      const res = await request(app).post('/slack/events').set(slackHeaders(SECRET, set, Math.floor(Date.now() / 1000) + 30)).send(set);
      expect(res.status).toBe(200);
      expect(res.body.text).toContain('Only workspace admins');
    });
  });

  describe('alerts', () => {
    it('are rendered and kept for preview when the queue has no channel, and nothing is sent', async () => {
      const record = await handoff();
      await alertForHandoff({ slack, jobs: h.jobs }, record);
      const alert = await slack.getAlert(tenant.tenant.id, record.id);
      expect(alert?.channel_id).toBeNull();
      expect(alert?.message.text).toContain('Ana Ruiz');
      await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
    });

    it('are posted once with the handoff id in the message metadata, and never again', async () => {
      const record = await routedAlert();
      // A first post asks nothing of the channel's history (nock would refuse the call).
      const posted = nock(SLACK)
        .post('/api/chat.postMessage', (body) => {
          const metadata = typeof body.metadata === 'string' ? JSON.parse(body.metadata) : body.metadata;
          return body.channel === 'C0SHIP' && metadata.event_type === ALERT_EVENT_TYPE && metadata.event_payload.handoff_id === record.id;
        })
        .reply(200, { ok: true, channel: 'C0SHIP', ts: '1700000000.000100' });
      await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
      posted.done();
      expect((await slack.getAlert(tenant.tenant.id, record.id))?.message_ts).toBe('1700000000.000100');
      // A replayed job: the recorded ts means no Slack call at all (nock would refuse one).
      await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
    });

    it('after a crash between posting and recording, finds the alert by its metadata instead of posting twice', async () => {
      const record = await routedAlert();
      // The attempt that died had claimed the post, a while ago: its claim has lapsed.
      expect(await slack.claimPost(record.id, POST_CLAIM_SECONDS)).toMatchObject({ claimed: true, earlierAttempt: false });
      await h.db.query(`UPDATE slack_alerts SET post_started_at = now() - interval '1 hour' WHERE handoff_id = $1`, [record.id]);
      const found = nock(SLACK)
        .post('/api/conversations.history')
        .reply(200, {
          ok: true,
          messages: [
            { type: 'message', ts: '1700000000.000050', text: 'another alert', metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { handoff_id: '00000000-0000-4000-8000-000000000000' } } },
            { type: 'message', ts: '1700000000.000077', text: 'ours', metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { handoff_id: record.id } } },
          ],
          has_more: false,
        });
      await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
      found.done();
      expect((await slack.getAlert(tenant.tenant.id, record.id))?.message_ts).toBe('1700000000.000077');
    });

    it('waits as Slack says on a 429 and delivers once', async () => {
      const record = await routedAlert();
      const waits: number[] = [];
      const scope = nock(SLACK)
        .post('/api/chat.postMessage')
        .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '3' })
        .post('/api/chat.postMessage')
        .reply(200, { ok: true, channel: 'C0SHIP', ts: '1700000000.000200' });
      await createDelivery({
        store: h.store,
        slack,
        clients: slackApp.clients,
        logger: createLogger(h.config, h.log),
        pacer: new ChannelPacer(0, noSleep),
        sleep: async (ms) => {
          waits.push(ms);
        },
      }).post({ tenantId: tenant.tenant.id, handoffId: record.id });
      scope.done();
      expect(waits).toEqual([3000]);
      expect((await slack.getAlert(tenant.tenant.id, record.id))?.message_ts).toBe('1700000000.000200');
    });

    it('gives the job back, and its claim, rather than wait out a Retry-After that outlasts the claim', async () => {
      const record = await routedAlert();
      const waits: number[] = [];
      nock(SLACK).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(POST_CLAIM_SECONDS) });
      const post = createDelivery({
        store: h.store,
        slack,
        clients: slackApp.clients,
        logger: createLogger(h.config, h.log),
        pacer: new ChannelPacer(0, noSleep),
        maxRetryAfterSeconds: 10 * POST_CLAIM_SECONDS,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }).post({ tenantId: tenant.tenant.id, handoffId: record.id });
      await expect(post).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
      // Had it waited, another job could have taken the lapsed claim over and posted meanwhile.
      expect(waits).toEqual([]);
      // Nothing was posted, so the claim is given back: the retry posts without a history search.
      const { rows } = await h.db.query<{ post_started_at: unknown }>('SELECT post_started_at FROM slack_alerts WHERE handoff_id = $1', [record.id]);
      expect(rows[0]?.post_started_at).toBeNull();
    });

    it('keeps hostile customer text inert on the wire', async () => {
      const hostile = conversationBody({
        id: 'conv-hostile',
        customer: { name: '<!channel> Eve' },
        messages: [{ role: 'customer', text: 'Where is order #48213? <!here> <https://evil.example|click> I want a real person' }],
      });
      const record = await routedAlert(hostile);
      let sent = '';
      nock(SLACK)
        .post('/api/chat.postMessage', (body) => {
          sent = JSON.stringify(body);
          return true;
        })
        .reply(200, { ok: true, ts: '1700000000.000300' });
      await delivery().post({ tenantId: tenant.tenant.id, handoffId: record.id });
      expect(sent).toContain('Eve');
      expect(sent).not.toMatch(/<!channel>|<!here>|<https:\/\/evil/);
    });
  });

  describe('claim', () => {
    it('lets the first of two simultaneous clicks win; the other is told who has it', async () => {
      const record = await postedAlert();
      nock(SLACK).post('/api/chat.update').reply(200, { ok: true, ts: '1700000000.000100' });
      // Only the winner's email is looked up, to assign the ticket.
      nock(SLACK).post('/api/users.info').reply(200, { ok: true, user: { id: 'U1', profile: { email: 'agent@acme.example' } } });
      const threadNote = nock(SLACK).post('/api/chat.postMessage', (b) => b.thread_ts === '1700000000.000100' && /claimed this/.test(b.text)).reply(200, { ok: true, ts: '1' });
      let told = '';
      const ephemeral = nock(SLACK)
        .post('/api/chat.postEphemeral', (b) => {
          told = b.text;
          return true;
        })
        .reply(200, { ok: true });
      const [first, second] = await Promise.all([click(record, 'U1'), click(record, 'U2')]);
      expect([first.status, second.status]).toEqual([200, 200]);
      threadNote.done();
      ephemeral.done();
      const alert = await slack.getAlert(tenant.tenant.id, record.id);
      expect(alert?.status).toBe('claimed');
      expect(['U1', 'U2']).toContain(alert?.claimed_by);
      expect(told).toBe(`Already claimed by <@${alert?.claimed_by}>.`);
      expect(assigned).toHaveLength(1);
      expect(alert?.message.blocks.some((b) => JSON.stringify(b).includes(`Claimed by <@${alert?.claimed_by}>`))).toBe(true);
    });

    it('racing a resolve ends in one consistent state', async () => {
      for (let round = 0; round < 5; round += 1) {
        const record = await routedAlert(conversationBody({ id: `conv-race-${round}` }));
        const [claim] = await Promise.all([slack.claim(record.id, 'U1', new Date()), slack.resolve(record.id, new Date())]);
        const alert = await slack.getAlert(tenant.tenant.id, record.id);
        expect(alert?.status).toBe('resolved');
        // Either the claim came first (and the resolve then closed it) or it lost to the resolve.
        if (claim.won) expect(alert?.claimed_by).toBe('U1');
        else expect(alert?.claimed_by).toBeNull();
      }
    });

    it('opens the whole brief in a modal', async () => {
      const record = await postedAlert();
      const modal = nock(SLACK)
        .post('/api/views.open', (b) => {
          const view = typeof b.view === 'string' ? JSON.parse(b.view) : b.view;
          return b.trigger_id === '123.456.def' && JSON.stringify(view).includes('Warm first reply');
        })
        .reply(200, { ok: true });
      const res = await click(record, 'U1', ACTIONS.viewBrief);
      expect(res.status).toBe(200);
      modal.done();
    });
  });

  describe('SLA reminders', () => {
    it('remind in the thread at the SLA, mention the lead at twice it, once each', async () => {
      const record = await postedAlert();
      const texts: string[] = [];
      nock(SLACK)
        .post('/api/chat.postMessage', (b) => {
          texts.push(b.text);
          return b.thread_ts === '1700000000.000100';
        })
        .times(2)
        .reply(200, { ok: true, ts: '2' });
      await delivery().remind({ tenantId: tenant.tenant.id, handoffId: record.id, level: 1 });
      await delivery().remind({ tenantId: tenant.tenant.id, handoffId: record.id, level: 1 });
      await delivery().remind({ tenantId: tenant.tenant.id, handoffId: record.id, level: 2 });
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain('Still unclaimed after 15 min');
      expect(texts[1]).toContain('<@U0LEAD>');
    });

    it('stop once the alert is claimed', async () => {
      const record = await postedAlert();
      await slack.claim(record.id, 'U1', new Date());
      await delivery().remind({ tenantId: tenant.tenant.id, handoffId: record.id, level: 1 });
      await delivery().remind({ tenantId: tenant.tenant.id, handoffId: record.id, level: 2 });
      expect((await slack.getAlert(tenant.tenant.id, record.id))?.reminders_sent).toBe(0);
    });
  });

  it('updates the alert in place when the first human reply and the resolution arrive', async () => {
    const record = await postedAlert();
    await slack.recordFirstReply(record.id, new Date(new Date(record.created_at).getTime() + 4 * 60000));
    await slack.resolve(record.id, new Date(new Date(record.created_at).getTime() + 38 * 60000));
    let updated = '';
    nock(SLACK)
      .post('/api/chat.update', (b) => {
        updated = JSON.stringify(b);
        return b.ts === '1700000000.000100';
      })
      .reply(200, { ok: true });
    await delivery().update({ tenantId: tenant.tenant.id, handoffId: record.id });
    expect(updated).toContain('Resolved in 38 min');
    expect(updated).toContain('replied after 4 min');
  });
});
