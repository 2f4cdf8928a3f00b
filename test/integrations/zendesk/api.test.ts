import nock from 'nock';
import { zendeskIntegration } from '../../../integrations/zendesk';
import { zendeskSettingsSchema, zendeskSecretsSchema } from '../../../integrations/zendesk/settings';
import type { BriefForHelpdesk, HelpdeskEvent } from '../../../server/connectors/types';
import { gatherContext } from '../../../server/connectors/fan-out';
import { fixture } from '../../helpers/vendor-fixtures';
import { onlyNockedHttp } from '../../helpers/outside-http';

const API = 'https://acme.zendesk.com';
const settings = zendeskSettingsSchema.parse({ subdomain: 'acme', email: 'agent@acme.example', bot_user_ids: ['360000000001'], group_ids: { shipping: '20055' } });
const secrets = zendeskSecretsSchema.parse({ webhook_secret: 'whsec-0123456789', api_token: 'tok-0123456789' });
const BASIC = `Basic ${Buffer.from('agent@acme.example/token:tok-0123456789').toString('base64')}`;

const handoffEvent: HelpdeskEvent = {
  provider: 'zendesk',
  eventId: 'e1',
  kind: 'ticket_created',
  vendorType: 'zen:event-type:ticket.created',
  ticketId: '5158',
  occurredAt: '2026-11-02T10:15:00Z',
  handoff: { reason: 'tag', tag: 'ai_handover' },
  raw: {},
};

/** Ticket 5158's handoff as the API gives it; `replies` replace the first page of comments, the requester, their tickets or their organisation. */
function ticketApi(replies: { commentsPage1?: object; requester?: object; requested?: object; organization?: object } = {}) {
  return nock(API, { reqheaders: { authorization: BASIC } })
    .get('/api/v2/tickets/5158.json')
    .reply(200, fixture('zendesk', 'api-ticket-5158'))
    .get('/api/v2/tickets/5158/comments.json')
    .query({ 'page[size]': '100' })
    .reply(200, replies.commentsPage1 ?? fixture('zendesk', 'api-comments-5158-page1'))
    .get('/api/v2/tickets/5158/comments.json')
    .query({ 'page[size]': '100', 'page[after]': 'xNzY0ODk5MjA' })
    .reply(200, fixture('zendesk', 'api-comments-5158-page2'))
    .get('/api/v2/users/8447388090494.json')
    .reply(200, replies.requester ?? fixture('zendesk', 'api-user-requester'))
    .get('/api/v2/users/8447388090494/tickets/requested.json')
    .query({ sort_by: 'created_at', sort_order: 'desc', per_page: '10' })
    .reply(200, replies.requested ?? fixture('zendesk', 'api-requested-tickets'))
    .get('/api/v2/organizations/8447346622718.json')
    .reply(200, replies.organization ?? fixture('zendesk', 'api-organization'));
}

onlyNockedHttp();

describe('Zendesk API client', () => {
  it('loads a handed-over ticket as a Conversation: every comment page, requester, organisation, recent tickets', async () => {
    const scope = ticketApi();
    const conversation = await zendeskIntegration({ settings, secrets }).loadConversation(handoffEvent);
    scope.done();
    expect(conversation.id).toBe('zendesk:ticket:5158');
    expect(conversation.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'customer']);
    expect(conversation.messages.map((m) => m.text).join(' ')).not.toContain('Internal');
    expect(conversation.customer).toMatchObject({ name: 'Ana Ruiz', email: 'ana@example.com', tier: 'vip' });
    expect(conversation.customer?.previous_contacts).toEqual([
      { at: '2026-10-28T12:00:00Z', resolved: false },
      { at: '2026-09-14T08:30:00Z', resolved: true },
    ]);
    expect(conversation.ticket).toEqual({ provider: 'zendesk', id: '5158', url: 'https://acme.zendesk.com/agent/tickets/5158' });
  });

  // A 200 that is not what Zendesk documents (a proxy's page, an empty object): one error naming the
  // field, which the job retries, and no call left running unwatched (that took the process down).
  it.each([
    ['an empty object for the ticket', 'an object in "ticket"', () => nock(API).get('/api/v2/tickets/5158.json').reply(200, {})],
    ['an HTML page for the ticket', 'an object in "ticket"', () => nock(API).get('/api/v2/tickets/5158.json').reply(200, '<html>Sign in</html>', { 'Content-Type': 'text/html' })],
    [
      'comments that are not a list',
      'a list in "comments"',
      () =>
        nock(API)
          .get('/api/v2/tickets/5158.json')
          .reply(200, { ticket: { id: 5158, requester_id: 8447388090494 } })
          .get('/api/v2/tickets/5158/comments.json')
          .query(true)
          .reply(200, { comments: { count: 2 } })
          .get('/api/v2/users/8447388090494.json')
          .reply(200, fixture('zendesk', 'api-user-requester'))
          .get('/api/v2/users/8447388090494/tickets/requested.json')
          .query(true)
          .reply(200, fixture('zendesk', 'api-requested-tickets')),
    ],
  ])('refuses %s with an error naming the field', async (_case, named, api) => {
    const scope = api();
    await expect(zendeskIntegration({ settings, secrets }).loadConversation(handoffEvent)).rejects.toThrow(`Zendesk answered without ${named}`);
    scope.done();
  });

  it('reads values of other types than Zendesk documents instead of throwing on them: a number as text, tags that are not text or not a list, entries that are not objects', async () => {
    const commentsPage1 = fixture<any>('zendesk', 'api-comments-5158-page1');
    Object.assign(commentsPage1.comments[0], { body: 48213, plain_body: 48213 });
    commentsPage1.comments.unshift(null);
    const requester = fixture<any>('zendesk', 'api-user-requester');
    requester.user.tags = [2026, 'vip'];
    const organization = fixture<any>('zendesk', 'api-organization');
    organization.organization.tags = { wholesale: true };
    const requested = fixture<any>('zendesk', 'api-requested-tickets');
    requested.tickets.unshift(null);
    const scope = ticketApi({ commentsPage1, requester, requested, organization });
    const conversation = await zendeskIntegration({ settings, secrets }).loadConversation(handoffEvent);
    scope.done();
    expect(conversation.messages.map((m) => [m.role, m.text.slice(0, 16)])).toEqual([
      ['customer', '48213'],
      ['bot', 'It shipped May 2'],
      ['customer', 'That does not he'],
    ]);
    expect(conversation.customer).toMatchObject({ tier: 'vip', previous_contacts: [{ at: '2026-10-28T12:00:00Z', resolved: false }, { at: '2026-09-14T08:30:00Z', resolved: true }] });
  });

  it('a ticket without comments is its description, read as text when it is a number', async () => {
    const ticket = fixture<any>('zendesk', 'api-ticket-5158');
    // No requester or organisation: the ticket and its comments are all there is to read.
    Object.assign(ticket.ticket, { description: 48213, organization_id: null });
    delete ticket.ticket.requester_id;
    const scope = nock(API)
      .get('/api/v2/tickets/5158.json')
      .reply(200, ticket)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, { comments: [], meta: { has_more: false } });
    const conversation = await zendeskIntegration({ settings, secrets }).loadConversation(handoffEvent);
    scope.done();
    expect(conversation.messages).toEqual([{ role: 'customer', text: '48213' }]);
  });

  it('uses OAuth bearer tokens when given one', async () => {
    const scope = nock(API, { reqheaders: { authorization: 'Bearer oauth-0123456789' } }).get('/api/v2/tickets/7.json').reply(200, { ticket: { id: 7 } });
    const oauth = zendeskIntegration({ settings, secrets: zendeskSecretsSchema.parse({ webhook_secret: 'whsec-0123456789', oauth_token: 'oauth-0123456789' }) });
    expect((await oauth.client.getTicket('7')).id).toBe(7);
    scope.done();
  });

  it('waits out a 429 as Retry-After says, then goes on', async () => {
    const scope = nock(API)
      .get('/api/v2/tickets/5158.json')
      .reply(429, { error: 'TooManyRequests' }, { 'Retry-After': '1' })
      .get('/api/v2/tickets/5158.json')
      .reply(200, fixture('zendesk', 'api-ticket-5158'));
    const started = Date.now();
    const ticket = await zendeskIntegration({ settings, secrets }).client.getTicket('5158');
    expect(ticket.id).toBe(5158);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    scope.done();
  });

  const sc = zendeskSettingsSchema.parse({ ...settings, sunshine_app_id: '5ebee0975ac5304b664a12fa', sunshine_key_id: 'app_5ebee' });
  const scSecrets = zendeskSecretsSchema.parse({ ...secrets, sunshine_key_secret: 'sc-secret-0123456789' });
  const passControl: HelpdeskEvent = {
    ...handoffEvent,
    provider: 'sunshine',
    ticketId: undefined,
    handoff: { reason: 'pass_control', conversationId: '67ab5f53a96f98663935c3f2', appId: '5ebee0975ac5304b664a12fa' },
  };

  /** The pass-controlled conversation's transcript on two pages; `page1` replaces the older one. */
  function transcriptApi(page1: object = fixture('zendesk', 'sunshine-messages-page1')) {
    const path = '/sc/v2/apps/5ebee0975ac5304b664a12fa/conversations/67ab5f53a96f98663935c3f2/messages';
    return nock(API, { reqheaders: { authorization: `Basic ${Buffer.from('app_5ebee:sc-secret-0123456789').toString('base64')}` } })
      .get(path)
      .reply(200, fixture('zendesk', 'sunshine-messages-page0'))
      .get(path)
      .query({ 'page[before]': '67ab5f55155becd183e28403' })
      .reply(200, page1);
  }

  it('reads the whole Sunshine Conversations transcript, oldest page first', async () => {
    const scope = transcriptApi();
    const conversation = await zendeskIntegration({ settings: sc, secrets: scSecrets }).loadConversation(passControl);
    scope.done();
    expect(conversation.messages.map((m) => `${m.role}: ${m.text.slice(0, 12)}`)).toEqual([
      'customer: My parcel 1Z',
      'bot: Parcels mark',
      'customer: I already di',
    ]);
    expect(conversation.channel).toBe('messaging');
  });

  it('reads Sunshine messages of other shapes than documented instead of throwing on them: a number as text, no content or author, an entry that is not a message', async () => {
    const page1 = fixture<any>('zendesk', 'sunshine-messages-page1');
    page1.messages[0].content.text = 48213;
    delete page1.messages[1].author;
    page1.messages.unshift(null, { id: '67ab5f55155becd183e28400', received: '2026-11-02T10:57:00.000Z', author: { type: 'user' } });
    const scope = transcriptApi(page1);
    const conversation = await zendeskIntegration({ settings: sc, secrets: scSecrets }).loadConversation(passControl);
    scope.done();
    expect(conversation.messages.map((m) => [m.role, m.text.slice(0, 12)])).toEqual([
      ['customer', '48213'],
      ['bot', 'Parcels mark'],
      ['customer', 'I already di'],
    ]);
  });
});

describe('Zendesk context connector', () => {
  const ticketContext = {
    tenantId: 't',
    conversation: { messages: [{ role: 'customer' as const, text: 'hi' }] },
    facts: { order_ids: [], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] },
    ticket: { provider: 'zendesk', id: '5158' },
  };

  it('gives the brief the requester, organisation and other recent tickets with deep links', async () => {
    const scope = nock(API)
      .get('/api/v2/tickets/5158.json')
      .reply(200, fixture('zendesk', 'api-ticket-5158'))
      .get('/api/v2/users/8447388090494.json')
      .reply(200, fixture('zendesk', 'api-user-requester'))
      .get('/api/v2/users/8447388090494/tickets/requested.json')
      .query(true)
      .reply(200, fixture('zendesk', 'api-requested-tickets'))
      .get('/api/v2/organizations/8447346622718.json')
      .reply(200, fixture('zendesk', 'api-organization'));
    const { connector } = zendeskIntegration({ settings, secrets });
    const result = await gatherContext([connector], ticketContext);
    scope.done();
    expect(result.sources).toEqual([{ kind: 'zendesk', ok: true }]);
    const section = result.customerContext.zendesk as Record<string, any>;
    expect(section.summary).toBe('Ana Ruiz (Ruiz Interiors); 2 other recent ticket(s), 1 open');
    expect(section.recent_tickets.map((t: { url: string }) => t.url)).toEqual([
      'https://acme.zendesk.com/agent/tickets/5090',
      'https://acme.zendesk.com/agent/tickets/4700',
    ]);
  });

  it('marks Zendesk failed in sources when the API is down, after one retry', async () => {
    const scope = nock(API).get('/api/v2/tickets/5158.json').times(6).reply(503, 'down');
    const { connector } = zendeskIntegration({ settings, secrets });
    const result = await gatherContext([connector], ticketContext, { timeoutMs: 5000 });
    scope.done();
    expect(result.sources).toEqual([{ kind: 'zendesk', ok: false, error: 'unavailable (HTTP 503)' }]);
  });
});

describe('Zendesk write-back', () => {
  const input: BriefForHelpdesk = {
    handoffId: '0b4f7a52-3c1e-4d7a-9a55-6f1f2b3c4d5e',
    version: 2,
    ticketId: '5158',
    decision: { category: 'order_status', priority: 'high', queue: 'shipping', reasons: ['human_requested'] },
    brief: {
      summary: 'Ana asks where order #48213 is; it was due last week.',
      attempted: [{ by: 'bot', what: 'sent the tracking page', outcome: 'not_helpful' }],
      customer_context: { shopify: { summary: 'order #48213, fulfilled, 1 parcel' } },
      next_steps: [{ action: 'Open a carrier trace', why: 'late parcel' }],
      warm_intro: "Hi Ana, I'm taking over from our assistant.",
      customer_message: 'A person is taking over.',
      sources: [{ kind: 'tracking', ok: false, error: 'timeout' }],
      writer: 'offline',
    },
  };

  it('posts one internal note with tags and the queue group, and none on a retry that finds its marker', async () => {
    let posted: any;
    const scope = nock(API)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, fixture('zendesk', 'api-comments-5158-page2'))
      .put('/api/v2/tickets/5158.json', (body) => {
        posted = body;
        return true;
      })
      .reply(200, { ticket: { id: 5158 } });
    const { writer } = zendeskIntegration({ settings, secrets });
    expect(await writer.writeBrief(input)).toEqual({ noteWritten: true, tags: ['baton_escalated', 'baton_order_status', 'baton_high'], groupId: '20055' });
    scope.done();
    expect(posted.ticket).toMatchObject({ comment: { public: false }, additional_tags: ['baton_escalated', 'baton_order_status', 'baton_high'], group_id: 20055 });
    expect(posted.ticket.comment.body).toContain('order #48213, fulfilled');
    expect(posted.ticket.comment.body).toContain('Could not reach: tracking (timeout)');
    expect(posted.ticket.comment.body).toContain('[baton-brief:0b4f7a52-3c1e-4d7a-9a55-6f1f2b3c4d5e:v2]');

    // The retry: the note is now on the ticket, so nothing is written (no PUT is expected here).
    const withNote = fixture<any>('zendesk', 'api-comments-5158-page2');
    withNote.comments.push({ id: 1, author_id: 366110108, body: posted.ticket.comment.body, public: false });
    const retry = nock(API).get('/api/v2/tickets/5158/comments.json').query(true).reply(200, withNote);
    expect((await writer.writeBrief(input)).noteWritten).toBe(false);
    retry.done();

    // A newer version is a new note.
    const next = nock(API).get('/api/v2/tickets/5158/comments.json').query(true).reply(200, withNote).put('/api/v2/tickets/5158.json').reply(200, {});
    expect((await writer.writeBrief({ ...input, version: 3 })).noteWritten).toBe(true);
    next.done();
  });

  it('looks for its marker past a private comment whose body is a number and an entry that is not a comment', async () => {
    const page = fixture<any>('zendesk', 'api-comments-5158-page2');
    page.comments.push(null, { id: 8650217770005, type: 'Comment', author_id: 366110108, body: 48213, plain_body: 48213, public: false, created_at: '2026-11-02T10:15:20Z' });
    const scope = nock(API).get('/api/v2/tickets/5158/comments.json').query(true).reply(200, page).put('/api/v2/tickets/5158.json').reply(200, { ticket: { id: 5158 } });
    expect((await zendeskIntegration({ settings, secrets }).writer.writeBrief(input)).noteWritten).toBe(true);
    scope.done();
  });

  it('sets no group for a queue named like an inherited member of an object (constructor)', async () => {
    let posted: any;
    const scope = nock(API)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, { comments: [], meta: { has_more: false } })
      .put('/api/v2/tickets/5158.json', (body) => {
        posted = body;
        return true;
      })
      .reply(200, { ticket: { id: 5158 } });
    const result = await zendeskIntegration({ settings, secrets }).writer.writeBrief({ ...input, decision: { ...input.decision, queue: 'constructor' } });
    scope.done();
    expect(result).toEqual({ noteWritten: true, tags: ['baton_escalated', 'baton_order_status', 'baton_high'] });
    expect(posted.ticket).not.toHaveProperty('group_id');
  });

  it('does not resend a note when the update fails with a server error (it may have landed)', async () => {
    const scope = nock(API).get('/api/v2/tickets/5158/comments.json').query(true).reply(200, { comments: [], meta: { has_more: false } }).put('/api/v2/tickets/5158.json').reply(502, 'bad gateway');
    await expect(zendeskIntegration({ settings, secrets }).writer.writeBrief(input)).rejects.toThrow(/502/);
    scope.done();
  });
});
