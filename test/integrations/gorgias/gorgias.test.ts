import nock from 'nock';
import { gorgiasIntegration, gorgiasSecretsSchema, gorgiasSettingsSchema, widgetView, WIDGET_SHAPE } from '../../../integrations/gorgias';
import type { BriefForHelpdesk } from '../../../server/connectors/types';
import { RequestWindow } from '../../../server/connectors/request-window';
import { fixture, fixtureBytes } from '../../helpers/vendor-fixtures';
import { onlyNockedHttp, refusal } from '../../helpers/outside-http';

const API = 'https://acme.gorgias.com';
const SECRET = 'gorgias-shared-secret-0123456789';
const settings = gorgiasSettingsSchema.parse({ domain: 'acme', email: 'baton@acme.example' });
const secrets = gorgiasSecretsSchema.parse({ api_key: 'gk-0123456789', webhook_secret: SECRET });
const BASIC = `Basic ${Buffer.from('baton@acme.example:gk-0123456789').toString('base64')}`;

onlyNockedHttp();


describe('Gorgias HTTP integration receiver', () => {
  const gorgias = gorgiasIntegration({ settings, secrets });
  const body = fixtureBytes('gorgias', 'http-ticket-created');

  it('accepts the right secret header and sees the handover tag in the body', () => {
    const [event] = gorgias.receive({ rawBody: body, headers: { 'x-baton-secret': SECRET } });
    expect(event).toMatchObject({ provider: 'gorgias', kind: 'ticket_created', vendorType: 'ticket-created', ticketId: '40123', tags: ['ai_handover', 'order-status'], handoff: { reason: 'tag', tag: 'ai_handover' } });
    expect(event!.raw).toMatchObject({ event: 'ticket-created' });
  });

  it('refuses a missing or wrong secret with 401', () => {
    expect(refusal(() => gorgias.receive({ rawBody: body, headers: {} })).status).toBe(401);
    expect(refusal(() => gorgias.receive({ rawBody: body, headers: { 'x-baton-secret': `${SECRET}x` } })).status).toBe(401);
  });

  it('gives a replayed delivery the same event id', () => {
    const a = gorgias.receive({ rawBody: body, headers: { 'x-baton-secret': SECRET } })[0]!;
    const b = gorgias.receive({ rawBody: Buffer.from(body), headers: { 'x-baton-secret': SECRET } })[0]!;
    expect(a.eventId).toBe(b.eventId);
  });

  it('names the field of a body without a ticket id, and an unknown event', () => {
    expect(refusal(() => gorgias.receive({ rawBody: Buffer.from('{"event":"ticket-created"}'), headers: { 'x-baton-secret': SECRET } }))).toMatchObject({ status: 400, field: 'ticket' });
    expect(refusal(() => gorgias.receive({ rawBody: Buffer.from('{"event":"ticket-deleted","ticket":{"id":1}}'), headers: { 'x-baton-secret': SECRET } }))).toMatchObject({ status: 400, field: 'event' });
  });

  it('a configured tag replaces ai_handover', () => {
    const custom = gorgiasIntegration({ settings: { ...settings, handoff_tag: 'needs-human' }, secrets });
    expect(custom.receive({ rawBody: body, headers: { 'x-baton-secret': SECRET } })[0]!.handoff).toBeUndefined();
  });
});

describe('Gorgias API', () => {
  function ticketApi() {
    return nock(API, { reqheaders: { authorization: BASIC } })
      .get('/api/tickets/40123')
      .reply(200, fixture('gorgias', 'api-ticket-40123'))
      .get('/api/tickets/40123/messages')
      .query({ limit: '100' })
      .reply(200, fixture('gorgias', 'api-messages-40123'))
      .get('/api/tickets/40123/messages')
      .query({ limit: '100', cursor: 'eyJpZCI6NzcwMDAzfQ' })
      .reply(200, fixture('gorgias', 'api-messages-40123-page2'))
      .get('/api/customers/9981')
      .reply(200, fixture('gorgias', 'api-customer-9981'));
  }

  it('a body without tags is checked against the ticket: tagged, it becomes the whole conversation', async () => {
    const gorgias = gorgiasIntegration({ settings, secrets });
    const [event] = gorgias.receive({ rawBody: fixtureBytes('gorgias', 'http-ticket-message-created'), headers: { 'x-baton-secret': SECRET } });
    expect(event!.handoff).toBeUndefined();
    const scope = ticketApi();
    const conversation = await gorgias.resolveHandoff(event!);
    scope.done();
    expect(conversation).toMatchObject({
      id: 'gorgias:ticket:40123',
      channel: 'chat',
      customer: { name: 'Lee Park', email: 'lee.park@example.com' },
      ticket: { provider: 'gorgias', id: '40123', url: 'https://acme.gorgias.com/app/ticket/40123' },
    });
    expect(conversation!.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer']);
  });

  it('reads values of other types than Gorgias documents instead of throwing on them: a number as text, a tag or sender email that is not text, an entry that is not a message', async () => {
    const gorgias = gorgiasIntegration({ settings, secrets });
    const [event] = gorgias.receive({ rawBody: fixtureBytes('gorgias', 'http-ticket-message-created'), headers: { 'x-baton-secret': SECRET } });
    const ticket = fixture<any>('gorgias', 'api-ticket-40123');
    ticket.tags.unshift({ id: 13, name: null });
    const page = fixture<any>('gorgias', 'api-messages-40123');
    Object.assign(page.data[0], { body_text: 48213, stripped_text: null, created_datetime: 1793614320 });
    Object.assign(page.data[1], { created_datetime: 1793614350 });
    page.data[1].sender.email = 5;
    page.data.push(null);
    const scope = nock(API)
      .get('/api/tickets/40123').reply(200, ticket)
      .get('/api/tickets/40123/messages').query({ limit: '100' }).reply(200, page)
      .get('/api/tickets/40123/messages').query({ limit: '100', cursor: 'eyJpZCI6NzcwMDAzfQ' }).reply(200, fixture('gorgias', 'api-messages-40123-page2'))
      .get('/api/customers/9981').reply(200, fixture('gorgias', 'api-customer-9981'));
    const conversation = await gorgias.resolveHandoff(event!);
    scope.done();
    expect(conversation!.messages.map((m) => [m.role, m.text.slice(0, 16)])).toEqual([
      ['customer', '48213'],
      ['bot', 'Parcels marked d'],
      ['customer', 'I already did th'],
    ]);
  });

  it('a ticket whose tags from the API are not a list has no handover tag', async () => {
    const gorgias = gorgiasIntegration({ settings, secrets });
    const [event] = gorgias.receive({ rawBody: fixtureBytes('gorgias', 'http-ticket-message-created'), headers: { 'x-baton-secret': SECRET } });
    const scope = nock(API).get('/api/tickets/40123').reply(200, { ...fixture('gorgias', 'api-ticket-40123'), tags: { name: 'ai_handover' } });
    expect(await gorgias.resolveHandoff(event!)).toBeUndefined();
    scope.done();
  });

  it('a ticket without message text is its subject, read as text when it is a number', async () => {
    const gorgias = gorgiasIntegration({ settings, secrets });
    const [event] = gorgias.receive({ rawBody: fixtureBytes('gorgias', 'http-ticket-message-created'), headers: { 'x-baton-secret': SECRET } });
    const scope = nock(API)
      .get('/api/tickets/40123').reply(200, { ...fixture('gorgias', 'api-ticket-40123'), subject: 48213 })
      .get('/api/tickets/40123/messages').query({ limit: '100' }).reply(200, { data: [], meta: { next_cursor: null } })
      .get('/api/customers/9981').reply(200, fixture('gorgias', 'api-customer-9981'));
    const conversation = await gorgias.resolveHandoff(event!);
    scope.done();
    expect(conversation!.messages).toEqual([{ role: 'customer', text: '48213' }]);
  });

  it('a body whose tags lack the handover tag costs no API call', async () => {
    const gorgias = gorgiasIntegration({ settings, secrets });
    const rawBody = Buffer.from(JSON.stringify({ event: 'ticket-updated', ticket: { id: 40123, tags: 'vip' } }));
    const [event] = gorgias.receive({ rawBody, headers: { 'x-baton-secret': SECRET } });
    expect(await gorgias.resolveHandoff(event!)).toBeUndefined();
  });

  it('refuses answers that are not what Gorgias documents with an error naming the field', async () => {
    const client = gorgiasIntegration({ settings, secrets }).client;
    const scope = nock(API)
      .get('/api/tickets/40123')
      .reply(200, '<html>Sign in</html>', { 'Content-Type': 'text/html' })
      .get('/api/tickets/40123/messages')
      .query(true)
      .reply(200, { data: { messages: [] } });
    await expect(client.getTicket('40123')).rejects.toThrow('Gorgias answered without an object');
    await expect(client.listMessages('40123')).rejects.toThrow('Gorgias answered without a list in "data"');
    scope.done();
  });

  it('waits out a 429 with Retry-After', async () => {
    const scope = nock(API).get('/api/customers/9981').reply(429, {}, { 'Retry-After': '0' }).get('/api/customers/9981').reply(200, fixture('gorgias', 'api-customer-9981'));
    expect((await gorgiasIntegration({ settings, secrets }).client.getCustomer(9981)).name).toBe('Lee Park');
    scope.done();
  });

  it('keeps within 40 requests per 20 seconds: the 41st waits for the first to leave the window', async () => {
    let clock = 0;
    const window = new RequestWindow(40, 20_000, () => clock, () => new Promise((resolve) => setTimeout(resolve, 2)));
    for (let i = 0; i < 40; i += 1) await window.take();
    let released = false;
    const waiting = window.take().then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(released).toBe(false);
    clock = 20_000;
    await waiting;
    expect(released).toBe(true);
  });
});

describe('Gorgias write-back', () => {
  const input: BriefForHelpdesk = {
    handoffId: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    version: 1,
    ticketId: '40123',
    decision: { category: 'order_status', priority: 'high', queue: 'shipping', reasons: ['human_requested'] },
    brief: {
      summary: 'Lee says parcel <1Z999AA10123456784> shows delivered but never came.',
      attempted: [],
      customer_context: {},
      next_steps: [],
      warm_intro: 'Hi Lee, I am taking over.',
      customer_message: '',
      sources: [],
      writer: 'offline',
    },
  };

  it('posts one internal note (escaped HTML, marker as external_id) and the tags; a retry adds no second note', async () => {
    let note: any;
    const scope = nock(API)
      .get('/api/tickets/40123/messages')
      .query(true)
      .reply(200, fixture('gorgias', 'api-messages-40123-page2'))
      .post('/api/tickets/40123/messages', (b) => {
        note = b;
        return true;
      })
      .reply(201, { id: 770010 })
      .post('/api/tickets/40123/tags', { names: ['baton_escalated', 'baton_order_status', 'baton_high'] })
      .reply(201, {});
    const { writer } = gorgiasIntegration({ settings, secrets });
    expect(await writer.writeBrief(input)).toEqual({ noteWritten: true, tags: ['baton_escalated', 'baton_order_status', 'baton_high'] });
    scope.done();
    expect(note).toMatchObject({ channel: 'internal-note', from_agent: true, sender: { email: 'baton@acme.example' }, external_id: '[baton-brief:7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d:v1]' });
    expect(note.body_html).toContain('&lt;1Z999AA10123456784&gt;');
    expect(note.body_html).not.toContain('<1Z');

    const page = fixture<any>('gorgias', 'api-messages-40123-page2');
    page.data.push({ id: 770010, channel: 'internal-note', from_agent: true, body_text: note.body_text, external_id: note.external_id });
    const retry = nock(API).get('/api/tickets/40123/messages').query(true).reply(200, page).post('/api/tickets/40123/tags').reply(201, {});
    expect((await writer.writeBrief(input)).noteWritten).toBe(false);
    retry.done();
  });

  it('looks for its marker past a note whose body_text is a number and an entry that is not a message', async () => {
    const page = fixture<any>('gorgias', 'api-messages-40123-page2');
    page.data.push(null, { id: 770005, channel: 'internal-note', via: 'helpdesk', public: false, from_agent: true, body_text: 48213, stripped_text: null, external_id: null });
    const scope = nock(API).get('/api/tickets/40123/messages').query(true).reply(200, page).post('/api/tickets/40123/messages').reply(201, { id: 770010 }).post('/api/tickets/40123/tags').reply(201, {});
    expect((await gorgiasIntegration({ settings, secrets }).writer.writeBrief(input)).noteWritten).toBe(true);
    scope.done();
  });
});

describe('Gorgias widget shape', () => {
  it('is flat: strings at the top, lists of flat objects, a stable shape name', () => {
    const view = widgetView({
      handoffId: 'h1',
      status: 'assembled',
      briefVersion: 2,
      link: 'https://baton.example/v1/handoffs/h1',
      decision: {
        escalate: true, reasons: ['human_requested', 'repeat_contact'], triggers: [], priority: 'high', category: 'order_status', queue: 'shipping',
        sentiment: { label: 'negative', score: -0.5, signals: [] },
        facts: { order_ids: ['48213'], emails: ['ana@example.com'], phones: [], tracking_numbers: [], amounts: [{ value: 349.99, currency: 'USD' }], dates: [] },
      },
      brief: {
        summary: 'S', attempted: [{ by: 'bot', what: 'sent tracking', outcome: 'not_helpful' }],
        customer_context: { shopify: { summary: 'order #48213 fulfilled', orders: [] } },
        next_steps: [{ action: 'A', why: 'W', policy: { id: 'kb', title: 'Lost parcels', url: 'https://kb/x' } }],
        warm_intro: 'Hi', customer_message: 'M', sources: [{ kind: 'tracking', ok: false, error: 'timeout' }], writer: 'offline',
      },
    });
    expect(view).toMatchObject({
      shape: WIDGET_SHAPE, status: 'ready', reasons: 'human_requested, repeat_contact', facts: 'order 48213 · ana@example.com · 349.99 USD',
      next_steps: [{ action: 'A', why: 'W', policy_title: 'Lost parcels', policy_url: 'https://kb/x' }],
      context: [{ source: 'shopify', summary: 'order #48213 fulfilled' }],
      sources_warning: 'Not available: tracking (timeout)',
    });
    for (const value of Object.values(view)) {
      if (Array.isArray(value)) for (const item of value) for (const v of Object.values(item)) expect(typeof v).toBe('string');
      else expect(['string', 'number']).toContain(typeof value);
    }
  });
});
