import nock from 'nock';
import { gorgiasIntegration, gorgiasSecretsSchema, gorgiasSettingsSchema } from '../../../integrations/gorgias';
import { fixture } from '../../helpers/vendor-fixtures';
import { onlyNockedHttp } from '../../helpers/outside-http';

const API = 'https://acme.gorgias.com';
const settings = gorgiasSettingsSchema.parse({ domain: 'acme', email: 'baton@acme.example' });
const secrets = gorgiasSecretsSchema.parse({ api_key: 'gk-0123456789', webhook_secret: 'gorgias-shared-secret-0123456789' });
const BASIC = `Basic ${Buffer.from('baton@acme.example:gk-0123456789').toString('base64')}`;

describe('Gorgias: assigning a ticket claimed in Slack', () => {
  onlyNockedHttp();
  const writer = () => gorgiasIntegration({ settings, secrets }).writer;

  it('finds the user by email (users list filtered by email) and sets the ticket\'s assignee_user', async () => {
    const users = fixture<{ data: Array<{ id: number }> }>('gorgias', 'api-users-by-email');
    const scope = nock(API, { reqheaders: { authorization: BASIC } })
      .get('/api/users')
      .query({ email: 'Lea@Acme.example', limit: '30' })
      .reply(200, users)
      .put('/api/tickets/40123', { assignee_user: { id: users.data[0]!.id } })
      .reply(200, { id: 40123, assignee_user: { id: users.data[0]!.id } });
    await expect(writer().assignByEmail!('40123', 'Lea@Acme.example')).resolves.toBe(true);
    scope.done();
  });

  it('assigns nothing when no user has the email, or only a bot or a deactivated user does', async () => {
    const none = nock(API).get('/api/users').query({ email: 'nobody@acme.example', limit: '30' }).reply(200, { data: [], meta: { next_cursor: null }, object: 'list' });
    await expect(writer().assignByEmail!('40123', 'nobody@acme.example')).resolves.toBe(false);
    none.done();

    const users = fixture<{ data: Array<Record<string, unknown>> }>('gorgias', 'api-users-by-email');
    const bot = { ...users.data[0]!, id: 7, email: 'helper@acme.example', role: { name: 'bot' } };
    const gone = { ...users.data[0]!, id: 8, email: 'helper@acme.example', active: false };
    const scope = nock(API).get('/api/users').query({ email: 'helper@acme.example', limit: '30' }).reply(200, { ...users, data: [bot, gone] });
    await expect(writer().assignByEmail!('40123', 'helper@acme.example')).resolves.toBe(false);
    scope.done();
  });

  it('a vendor error is thrown, not taken for "no such user"', async () => {
    const scope = nock(API).get('/api/users').query(true).reply(401, { error: { msg: 'Unauthorized' } });
    await expect(writer().assignByEmail!('40123', 'lea@acme.example')).rejects.toBeDefined();
    scope.done();
  });
});
