import fs from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import request from 'supertest';
import { BOT_SCOPES } from '../../integrations/slack/app';
import { createSlackIntegration, type SlackIntegration } from '../../integrations/slack';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import { backends, uniqueSchema } from '../helpers/database';
import { openHarness, type Harness } from '../http/harness';
import { slackHeaders } from './slack-request';

const SECRET = 'slack-signing-secret-for-tests';
const box = createSecretBox(Buffer.alloc(32, 9));

describe('Slack app manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../integrations/slack/manifest.json'), 'utf8'));

  it('asks for exactly the scopes the OAuth install asks for, and points every URL at our routes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    const command = manifest.features.slash_commands[0];
    expect(command.command).toBe('/baton');
    expect(command.should_escape).toBe(true);
    expect(new URL(command.url).pathname).toBe('/slack/events');
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe('/slack/events');
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe('/slack/events');
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe('/slack/oauth_redirect');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });
});

describe.each(backends())('Slack workspace install (OAuth) on $name', (backend) => {
  let h: Harness;
  let slack: SlackIntegration;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    nock.enableNetConnect();
    await h?.close();
  });
  beforeEach(async () => {
    nock.cleanAll();
    await h.reset();
    slack = await createSlackIntegration({
      db: h.db,
      store: h.store,
      jobs: h.jobs,
      box,
      logger: createLogger(h.config, h.log),
      config: { signingSecret: SECRET, tenantName: 'tenant-a', clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' },
    });
  });

  it('installs a workspace through /slack/install and /slack/oauth_redirect, keeping the bot token only encrypted', async () => {
    const app = h.makeApp({}, [slack.app!.router]);
    const start = await request(app).get('/slack/install');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('scope')!.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    const state = authorize.searchParams.get('state')!;

    const exchange = nock('https://slack.com')
      .post('/api/oauth.v2.access', (body) => body.code === 'code-from-slack' && body.client_id === '111.222')
      .reply(200, {
        ok: true,
        app_id: 'A0BATON',
        authed_user: { id: 'U0ADMIN' },
        scope: BOT_SCOPES.join(','),
        token_type: 'bot',
        access_token: 'xoxb-installed-secret-token',
        bot_user_id: 'U0BOT',
        team: { id: 'T0NEW', name: 'New Co' },
        enterprise: null,
        is_enterprise_install: false,
      })
      .post('/api/auth.test')
      .reply(200, { ok: true, team_id: 'T0NEW', user_id: 'U0BOT', bot_id: 'B0BOT' });
    // The state cookie is Secure, which a cookie jar over plain http would not send back: pass it by hand.
    const cookies = ([] as string[]).concat(start.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
    expect(cookies.join()).toContain(state);
    const done = await request(app)
      .get(`/slack/oauth_redirect?code=code-from-slack&state=${encodeURIComponent(state)}`)
      .set('Cookie', cookies.join('; '));
    expect(done.status).toBe(200);
    exchange.done();

    const row = await slack.store.findInstallation('T0NEW');
    expect(row?.bot_user_id).toBe('U0BOT');
    expect(row?.bot_token_enc).not.toContain('xoxb');
    expect(box.open(row!.bot_token_enc, 'slack:T0NEW')).toBe('xoxb-installed-secret-token');
    const { rows } = await h.db.query<{ dump: string }>('SELECT row_to_json(s)::text AS dump FROM slack_installations s');
    expect(rows[0]!.dump).not.toContain('xoxb-installed-secret-token');
    expect(h.log.text).not.toContain('xoxb-installed-secret-token');
  });

  it('refuses a redirect whose state it did not issue, and stores nothing', async () => {
    const app = h.makeApp({}, [slack.app!.router]);
    const res = await request(app).get('/slack/oauth_redirect?code=x&state=forged');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await slack.store.findInstallation('T0NEW')).toBeNull();
  });

  it('forgets the token when the app is uninstalled', async () => {
    await slack.store.saveInstallation({ team_id: 'T0GONE', enterprise_id: null, tenant_id: null, bot_user_id: 'U0BOT', bot_id: 'B0', bot_token_enc: box.seal('xoxb-old', 'slack:T0GONE') });
    const app = h.makeApp({}, [slack.app!.router]);
    const body = JSON.stringify({
      token: 'legacy',
      team_id: 'T0GONE',
      api_app_id: 'A0BATON',
      type: 'event_callback',
      event_id: 'Ev0UNINSTALL',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled' },
    });
    nock('https://slack.com').post('/api/auth.test').optionally().reply(200, { ok: true });
    const res = await request(app)
      .post('/slack/events')
      .set({ ...slackHeaders(SECRET, body), 'Content-Type': 'application/json' })
      .send(body);
    expect(res.status).toBe(200);
    expect((await slack.store.findInstallation('T0GONE'))?.revoked_at).not.toBeNull();
    expect(await slack.store.findInstallationForTenant('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
