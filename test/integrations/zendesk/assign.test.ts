import nock from 'nock';
import { zendeskIntegration } from '../../../integrations/zendesk';
import { zendeskSettingsSchema, zendeskSecretsSchema } from '../../../integrations/zendesk/settings';
import { onlyNockedHttp } from '../../helpers/outside-http';

const API = 'https://acme.zendesk.com';
const settings = zendeskSettingsSchema.parse({ subdomain: 'acme', email: 'agent@acme.example' });
const secrets = zendeskSecretsSchema.parse({ webhook_secret: 'whsec-0123456789', api_token: 'tok-0123456789' });

describe('Zendesk: assigning a ticket claimed in Slack', () => {
  onlyNockedHttp();
  const writer = () => zendeskIntegration({ settings, secrets }).writer;

  it('finds the agent by email (not an end user with the same address) and assigns the ticket', async () => {
    const scope = nock(API)
      .get('/api/v2/users/search.json')
      .query({ query: 'email:Lea@Acme.example' })
      .reply(200, {
        users: [
          { id: 11, name: 'Lea (customer account)', email: 'lea@acme.example', role: 'end-user' },
          { id: 12, name: 'Lea', email: 'lea@acme.example', role: 'agent' },
        ],
        count: 2,
      })
      .put('/api/v2/tickets/5158.json', { ticket: { assignee_id: 12 } })
      .reply(200, { ticket: { id: 5158, assignee_id: 12 } });
    await expect(writer().assignByEmail!('5158', 'Lea@Acme.example')).resolves.toBe(true);
    scope.done();
  });

  it('assigns nothing when no agent has the email', async () => {
    const scope = nock(API)
      .get('/api/v2/users/search.json')
      .query({ query: 'email:nobody@acme.example' })
      .reply(200, { users: [], count: 0 });
    await expect(writer().assignByEmail!('5158', 'nobody@acme.example')).resolves.toBe(false);
    scope.done();
  });
});
