import request from 'supertest';
import nock from 'nock';
import type { Express } from 'express';
import { ACTIONS } from '../../integrations/slack/alert-message';
import { SLACK_JOB_NAMES } from '../../integrations/slack/alerts';
import { createSlackApp } from '../../integrations/slack/app';
import { USAGE } from '../../integrations/slack/baton-command';
import { createSlackStore } from '../../integrations/slack/slack-store';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import { backends, uniqueSchema } from '../helpers/database';
import { openHarness, type Harness } from '../http/harness';
import { commandBody, slackHeaders } from './slack-request';

const SECRET = 'slack-signing-secret-for-tests';
const box = createSecretBox(Buffer.alloc(32, 3));
const TEAM = 'T0ACME';
/** Bolt leaves an unacknowledged request open for 3 s: anything answered well before is answered by us. */
const PROMPT_MS = 1500;

const USER = { id: 'U0ANY', username: 'someone', team_id: TEAM };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const payloadBody = (payload: unknown) => form({ payload: JSON.stringify(payload) });
/** 1,000 fields Slack would never send, ahead of the real ones: Bolt's own parser keeps only the first 1,000. */
const padding = Array.from({ length: 1000 }, (_, i) => `pad${i}=x`).join('&');

describe.each(backends())('Slack requests no listener handles, and odd ones, on $name', (backend) => {
  let h: Harness;

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

  function slackApp(oauth: boolean) {
    return createSlackApp({
      store: h.store,
      slack: createSlackStore(h.db),
      jobs: h.jobs,
      box,
      logger: createLogger(h.config, h.log),
      config: oauth
        ? { signingSecret: SECRET, tenantName: 'tenant-a', clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' }
        : { signingSecret: SECRET, botToken: 'xoxb-test-token', tenantName: 'tenant-a' },
    });
  }

  /** A signed POST to /slack/events, with how long the answer took. */
  async function send(app: Express, body: string, contentType = 'application/x-www-form-urlencoded') {
    const started = Date.now();
    const res = await request(app)
      .post('/slack/events')
      .set({ ...slackHeaders(SECRET, body), 'Content-Type': contentType })
      .send(body);
    return { res, ms: Date.now() - started };
  }

  describe.each([
    ['one workspace', false],
    ['OAuth', true],
  ])('(%s)', (_mode, oauth) => {
    let app: Express;

    beforeEach(async () => {
      nock.cleanAll();
      const { a } = await h.reset();
      if (oauth) {
        // Installed and linked, so Bolt authorizes the requests and runs its listeners (a workspace it
        // cannot authorize is acknowledged without them).
        await createSlackStore(h.db).saveInstallation({
          team_id: TEAM,
          enterprise_id: null,
          tenant_id: a.tenant.id,
          bot_user_id: 'U0BOT',
          bot_id: 'B0BOT',
          bot_token_enc: box.seal('xoxb-installed-token', `slack:${TEAM}`),
        });
      }
      // Mounted as the server mounts it: ahead of every route, no body parser in front.
      app = h.makeApp({}, [slackApp(oauth).router]);
    });
    afterEach(() => {
      expect(nock.pendingMocks()).toEqual([]);
    });

    describe('interactive payloads Bolt cannot route are 400 naming the field', () => {
      it.each([
        [
          'a block_actions without its user',
          { type: 'block_actions', team: { id: 'T1' }, channel: { id: 'C1' }, actions: [{ action_id: ACTIONS.viewBrief, block_id: 'b', value: '00000000-0000-4000-8000-000000000000', type: 'button', action_ts: '1' }] },
          'payload.user',
        ],
        ['a view_submission without its view', { type: 'view_submission', user: { id: 'U1' }, team: { id: 'T1' } }, 'payload.view'],
        ['a view_closed without its view', { type: 'view_closed', user: { id: 'U1' }, team: { id: 'T1' } }, 'payload.view'],
        ['a shortcut whose user is a string', { type: 'shortcut', user: 'U1', team: { id: 'T1' }, callback_id: 'x' }, 'payload.user'],
        ['a block_actions without actions', { type: 'block_actions', user: USER, team: { id: TEAM } }, 'payload.actions'],
        ['an interactive_message without actions', { type: 'interactive_message', user: USER, team: { id: TEAM }, callback_id: 'x' }, 'payload.actions'],
        ['a view_submission whose view is null', { type: 'view_submission', user: USER, team: { id: TEAM }, view: null }, 'payload.view'],
      ])('%s', async (_name, payload, field) => {
        const { res, ms } = await send(app, payloadBody(payload));
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.error).toMatchObject({ code: 'bad_request', field });
        expect(res.body.error.message).toContain(field);
        expect(ms).toBeLessThan(PROMPT_MS);
      });
    });

    describe('requests no listener handles are acknowledged at once', () => {
      const view = { id: 'V1', type: 'modal', callback_id: 'someone_elses', state: { values: {} }, team_id: TEAM };
      it.each([
        ['a view_submission', { type: 'view_submission', user: USER, team: { id: TEAM }, view }],
        ['a view_closed', { type: 'view_closed', user: USER, team: { id: TEAM }, view, is_cleared: false }],
        ['a global shortcut', { type: 'shortcut', user: USER, team: { id: TEAM }, callback_id: 'x', trigger_id: '1.2.3' }],
        ['a message shortcut', { type: 'message_action', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, callback_id: 'x', message: { ts: '1' } }],
        ['a block_suggestion', { type: 'block_suggestion', user: USER, team: { id: TEAM }, action_id: 'x', block_id: 'b', value: 'ab' }],
        ['a dialog_submission', { type: 'dialog_submission', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, callback_id: 'x', submission: {} }],
        ['a dialog_cancellation', { type: 'dialog_cancellation', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, callback_id: 'x' }],
        ['an interactive_message', { type: 'interactive_message', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, callback_id: 'x', actions: [{ name: 'a', type: 'button', value: '1' }] }],
        ['a block_actions with an action id Baton does not use', { type: 'block_actions', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, actions: [{ action_id: 'someone_elses', block_id: 'b', type: 'button', value: '1', action_ts: '1' }] }],
        ['a block_actions with no action', { type: 'block_actions', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, actions: [] }],
      ])('%s', async (_name, payload) => {
        const { res, ms } = await send(app, payloadBody(payload));
        expect(res.status).toBe(200);
        expect(res.text).toBe('');
        expect(ms).toBeLessThan(PROMPT_MS);
      });

      it('a slash command other than /baton', async () => {
        const body = commandBody({ text: 'hello', user_id: 'U0ANY', team_id: TEAM }).replace('command=%2Fbaton', 'command=%2Fweather');
        expect(body).toContain('command=%2Fweather');
        const { res, ms } = await send(app, body);
        expect(res.status).toBe(200);
        expect(res.text).toBe('');
        expect(ms).toBeLessThan(PROMPT_MS);
      });

      it("Slack's app_rate_limited envelope, which is logged", async () => {
        const { res, ms } = await send(app, JSON.stringify({ token: 'x', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A0BATON' }), 'application/json');
        expect(res.status).toBe(200);
        expect(ms).toBeLessThan(PROMPT_MS);
        const line = h.log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'Slack rate-limited the events sent to Baton');
        expect(line).toMatchObject({ team: 'T1', minute_rate_limited: 1518467820 });
      });
    });

    it('a tokens_revoked event without its tokens is acknowledged and ignored, logged as a warning (not an error); nothing is revoked', async () => {
      const body = JSON.stringify({ token: 'x', team_id: TEAM, api_app_id: 'A0BATON', type: 'event_callback', event_id: 'Ev0REVOKED', event_time: Math.floor(Date.now() / 1000), event: { type: 'tokens_revoked' } });
      const { res, ms } = await send(app, body, 'application/json');
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(PROMPT_MS);
      const lines = h.log.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines.find((l) => l.msg === 'Slack tokens_revoked event without its tokens; ignored')).toMatchObject({ level: 40, team: TEAM });
      if (oauth) expect((await createSlackStore(h.db).findInstallation(TEAM))?.revoked_at).toBeNull();
    });
  });

  describe('forms are read as Slack sends them (one workspace)', () => {
    let app: Express;
    beforeEach(async () => {
      nock.cleanAll();
      await h.reset();
      app = h.makeApp({}, [slackApp(false).router]);
    });

    it.each(['application/x-www-form-urlencoded; charset=utf-8', 'Application/X-WWW-Form-Urlencoded', 'application/x-www-form-urlencoded;charset="UTF-8"'])(
      '/baton help under Content-Type %s',
      async (contentType) => {
        const { res, ms } = await send(app, commandBody({ text: 'help', user_id: 'U0ANY', team_id: TEAM }), contentType);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ response_type: 'ephemeral', text: USAGE });
        expect(ms).toBeLessThan(PROMPT_MS);
      },
    );

    it('/baton help after 1,000 other fields', async () => {
      const { res, ms } = await send(app, `${padding}&${commandBody({ text: 'help', user_id: 'U0ANY', team_id: TEAM })}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ response_type: 'ephemeral', text: USAGE });
      expect(ms).toBeLessThan(PROMPT_MS);
    });

    it('/baton (the routes) after 1,000 other fields: the command is the one run', async () => {
      await createSlackStore(h.db).setRoute((await h.store.findTenantByName('tenant-a'))!.id, { queue: 'shipping', channel_id: 'C0SHIP', lead_user_id: null, sla_minutes: 15 });
      const { res } = await send(app, `${padding}&${commandBody({ text: '', user_id: 'U0ANY', team_id: TEAM })}`);
      expect(res.status).toBe(200);
      expect(res.body.text).toContain('`shipping` → <#C0SHIP>');
    });

    it('a button click after 1,000 other fields', async () => {
      const payload = { type: 'block_actions', user: USER, team: { id: TEAM }, channel: { id: 'C1' }, actions: [{ action_id: ACTIONS.openTicket, block_id: 'b', type: 'button', action_ts: '1' }] };
      const { res, ms } = await send(app, `${padding}&${payloadBody(payload)}`);
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(PROMPT_MS);
    });

    it('a charset other than UTF-8 is 415 naming Content-Type', async () => {
      const { res } = await send(app, commandBody({ text: 'help', user_id: 'U0ANY', team_id: TEAM }), 'application/x-www-form-urlencoded; charset=iso-8859-1');
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
    });

    it('still refuses a request whose signature does not match, whatever its Content-Type', async () => {
      const body = commandBody({ text: 'help', user_id: 'U0ANY', team_id: TEAM });
      const res = await request(app)
        .post('/slack/events')
        .set({ ...slackHeaders('wrong-secret', body), 'Content-Type': 'Application/X-WWW-Form-Urlencoded; charset=utf-8' })
        .send(body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });
  });

  describe('/slack/oauth_redirect (OAuth)', () => {
    let app: Express;
    beforeEach(async () => {
      await h.reset();
      app = h.makeApp({}, [slackApp(true).router]);
    });

    it.each(['POST', 'PUT', 'DELETE', 'PATCH'] as const)('%s is 405 with Allow, as on any route', async (method) => {
      const res = await request(app)[method.toLowerCase() as 'post' | 'put' | 'delete' | 'patch']('/slack/oauth_redirect?code=abc&state=x');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(res.body.error).toMatchObject({ code: 'method_not_allowed' });
    });

    it('OPTIONS is 204 with Allow', async () => {
      const res = await request(app).options('/slack/oauth_redirect');
      expect(res.status).toBe(204);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    });

    it('GET and HEAD still reach the install flow (a forged state is the 400 page)', async () => {
      const get = await request(app).get('/slack/oauth_redirect?code=abc&state=forged');
      expect(get.status).toBe(400);
      expect(get.headers['content-type']).toMatch(/^text\/html/);
      const head = await request(app).head('/slack/oauth_redirect?code=abc&state=forged');
      expect(head.status).toBe(400);
    });
  });
});
