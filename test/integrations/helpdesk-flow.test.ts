import { randomBytes } from 'node:crypto';
import nock from 'nock';
import request from 'supertest';
import type { Express } from 'express';
import { zendeskSignature } from '../../integrations/zendesk';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { createHelpdeskWiring, type HelpdeskWiring } from '../../server/integrations/helpdesk-wiring';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
import { HANDOFF_ASSEMBLE } from '../../server/jobs/job-names';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import type { Tenant } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { onlyNockedHttp } from '../helpers/outside-http';
import { fixture, fixtureBytes } from '../helpers/vendor-fixtures';
import { openHarness, type Harness } from '../http/harness';
import { waitFor } from '../jobs/wait-for';

onlyNockedHttp();

const ZD = 'https://acme.zendesk.com';
const GG = 'https://acme.gorgias.com';
const SHOP = 'https://acme.myshopify.com';
const SIGNING = 'zendesk-signing-secret-0123456789';
const GORGIAS_SECRET = 'gorgias-header-secret-0123456789';
const NOW = new Date('2026-11-02T10:15:30Z');

describe.each(backends())('helpdesk webhooks to briefs and notes on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let h: Harness;
  let wiring: HelpdeskWiring;
  let app: Express;
  let tenant: Tenant;

  beforeAll(async () => {
    h = await openHarness(backend, schema);
    const logger = createLogger({ logLevel: 'silent' });
    const writer = new OfflineBriefWriter();
    wiring = createHelpdeskWiring({ store: h.store, jobs: h.jobs, box: createSecretBox(randomBytes(32)), writer, kb: h.kb, logger, now: () => NOW, pollingIntervalSeconds: 0.5 });
    await wiring.work();
    await h.jobs.work(
      HANDOFF_ASSEMBLE,
      createAssembleHandoffHandler({ store: h.store, writer, kb: h.kb, logger, gather: wiring.gather, afterAssembled: (tx, a) => wiring.briefStoredInTransaction(tx, a) }),
      { pollingIntervalSeconds: 0.5 },
    );
    app = h.makeApp({}, [wiring.router]);
  }, 120_000);
  afterAll(async () => h?.close());
  beforeEach(async () => {
    ({ a: { tenant } } = await h.reset());
  });

  const signedPost = (body: Buffer, timestamp = '2026-11-02T10:15:20Z', secret = SIGNING) =>
    request(app)
      .post(`/webhooks/zendesk/${tenant.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Zendesk-Webhook-Signature', zendeskSignature(secret, timestamp, body))
      .set('X-Zendesk-Webhook-Signature-Timestamp', timestamp)
      .send(body.toString('utf8'));

  async function connectZendeskAndShopify() {
    await wiring.integrationStore.connect(tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example', bot_user_ids: ['360000000001'], group_ids: { shipping: '20055' } },
      secrets: { webhook_secret: SIGNING, api_token: 'zd-token-0123456789' },
    });
    await wiring.integrationStore.connect(tenant.id, 'shopify', { settings: { shop: 'acme' }, secrets: { access_token: 'shpat_0123456789' } });
  }

  /**
   * Zendesk's API for ticket 5158's handoff (the ticket, its comments on two pages, requester,
   * organisation, recent tickets) and its write-back (the marker looked for, then one update, whose
   * body goes into `puts`). `replies` replace the first page of comments, the requester or their tickets.
   */
  function zendeskTicket5158(puts: unknown[], replies: { commentsPage1?: unknown; requester?: unknown; requested?: unknown } = {}) {
    const {
      commentsPage1 = fixture('zendesk', 'api-comments-5158-page1'),
      requester = fixture('zendesk', 'api-user-requester'),
      requested = fixture('zendesk', 'api-requested-tickets'),
    } = replies;
    return nock(ZD)
      .get('/api/v2/tickets/5158.json').times(2).reply(200, fixture('zendesk', 'api-ticket-5158'))
      .get('/api/v2/tickets/5158/comments.json').query({ 'page[size]': '100' }).reply(200, commentsPage1 as nock.Body, { 'Content-Type': 'application/json' })
      .get('/api/v2/tickets/5158/comments.json').query({ 'page[size]': '100', 'page[after]': 'xNzY0ODk5MjA' }).reply(200, fixture('zendesk', 'api-comments-5158-page2'))
      .get('/api/v2/users/8447388090494.json').times(2).reply(200, requester as nock.Body)
      .get('/api/v2/users/8447388090494/tickets/requested.json').query(true).times(2).reply(200, requested as nock.Body)
      .get('/api/v2/organizations/8447346622718.json').times(2).reply(200, fixture('zendesk', 'api-organization'))
      .get('/api/v2/tickets/5158/comments.json').query({ 'page[size]': '100' }).reply(200, { comments: [], meta: { has_more: false } })
      .put('/api/v2/tickets/5158.json', (body) => Boolean(puts.push(body)))
      .reply(200, { ticket: { id: 5158 } });
  }

  it('a signed Zendesk handover gives one handoff, a brief with the helpdesk context and a dead Shopify marked, and one note; a replay adds nothing', async () => {
    await connectZendeskAndShopify();
    const puts: any[] = [];
    const zendesk = zendeskTicket5158(puts);
    const shopify = nock(SHOP).post('/admin/api/2025-01/graphql.json').times(2).reply(503, 'down');

    const body = fixtureBytes('zendesk', 'event-ticket-created');
    const first = await signedPost(body);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ received: 1, new: 1, duplicates: 0 });

    await waitFor('the note', async () => puts.length === 1 && (await wiring.integrationStore.noteWritten((await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!.id, 2, 'zendesk')));
    zendesk.done();
    shopify.done();

    const handoff = (await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!;
    expect(handoff).toMatchObject({ conversation_id: 'zendesk:ticket:5158', status: 'assembled', brief_version: 2 });
    expect(handoff.assessment.reasons).toContain('human_requested');
    expect(handoff.assessment.brief.sources).toEqual([
      { kind: 'shopify', ok: false, error: 'unavailable (HTTP 503)' },
      { kind: 'zendesk', ok: true },
    ]);
    expect((handoff.assessment.brief.customer_context.zendesk as { summary: string }).summary).toContain('Ana Ruiz (Ruiz Interiors)');
    expect(puts[0].ticket.comment.body).toContain('Could not reach: shopify (unavailable (HTTP 503))');
    expect(puts[0].ticket.additional_tags).toEqual(['baton_escalated', `baton_${handoff.assessment.category}`, `baton_${handoff.assessment.priority}`]);

    // The same delivery again (Zendesk retries, or someone replays it inside the window): nothing new.
    const before = await h.counts();
    const replay = await signedPost(body, '2026-11-02T10:15:25Z');
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: 1, new: 0, duplicates: 1 });
    expect(await h.counts()).toEqual(before);
    expect(await h.store.listBriefVersions(tenant.id, handoff.id)).toHaveLength(2);
  });

  it('a ticket whose comments hold a NUL or half a surrogate pair is still handed over, the unstorable characters replaced', async () => {
    await connectZendeskAndShopify();
    const comments = fixture('zendesk', 'api-comments-5158-page1') as { comments: Array<{ body: string; plain_body: string }>; meta: unknown };
    const dirty = structuredClone(comments);
    for (const comment of dirty.comments) {
      comment.body = `${comment.body} \u0000 \ud800`;
      comment.plain_body = `${comment.plain_body} \u0000 \ud800`;
    }
    const puts: unknown[] = [];
    // Sent as the vendor would send it: JSON escapes, which JSON.parse turns back into the characters.
    const zendesk = zendeskTicket5158(puts, { commentsPage1: JSON.stringify(dirty) });
    nock(SHOP).post('/admin/api/2025-01/graphql.json').times(2).reply(503, 'down');

    expect((await signedPost(fixtureBytes('zendesk', 'event-ticket-created'))).status).toBe(202);
    await waitFor('the note', async () => puts.length === 1 && (await wiring.integrationStore.noteWritten((await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!.id, 2, 'zendesk')));
    zendesk.done();
    const { conversation } = (await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!;
    const texts = conversation.messages.map((m: { text: string }) => m.text).join('\n');
    expect(texts).toContain('\ufffd \ufffd');
    expect(texts).not.toContain('\u0000');
  });

  it('a requester whose name runs past 200 characters, whose email is too long to keep and whose dates lack a time zone is still handed over: the name cut, the rest left out', async () => {
    await connectZendeskAndShopify();
    const requester = fixture<{ user: Record<string, unknown> }>('zendesk', 'api-user-requester');
    const name = 'Ana Ruiz, '.repeat(25);
    // 210 characters: an address SMTP allows (up to 254), past the 200 the contract keeps.
    const email = `ana@${'ruiz-interiors.'.repeat(13)}example.com`;
    Object.assign(requester.user, { name, email, created_at: '2025-03-10 09:00:00' });
    const requested = fixture<{ tickets: Array<{ id: number; created_at: string }> }>('zendesk', 'api-requested-tickets');
    requested.tickets.find((t) => t.id === 5090)!.created_at = '2026-10-28 12:00:00';
    const puts: unknown[] = [];
    const zendesk = zendeskTicket5158(puts, { requester, requested });
    nock(SHOP).post('/admin/api/2025-01/graphql.json').times(2).reply(503, 'down');

    expect((await signedPost(fixtureBytes('zendesk', 'event-ticket-created'))).status).toBe(202);
    await waitFor('the note', async () => puts.length === 1 && (await wiring.integrationStore.noteWritten((await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!.id, 2, 'zendesk')));
    zendesk.done();
    const { conversation } = (await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158'))!;
    expect(conversation.customer).toEqual({
      id: '8447388090494',
      name: name.slice(0, 200),
      phone: '+1 415 555 0134',
      tier: 'vip',
      previous_contacts: [{ at: '2026-09-14T08:30:00Z', resolved: true }],
    });
  });

  it('refuses bad, stale and wrong-tenant signatures with 401 and stores nothing', async () => {
    await connectZendeskAndShopify();
    const body = fixtureBytes('zendesk', 'event-ticket-created');
    const before = await h.counts();
    expect((await signedPost(body, '2026-11-02T10:15:20Z', 'not-the-secret-0123')).status).toBe(401);
    expect((await signedPost(body, '2026-11-02T10:05:00Z')).status).toBe(401);
    const noSignature = await request(app).post(`/webhooks/zendesk/${tenant.id}`).set('Content-Type', 'application/json').send(body.toString('utf8'));
    expect(noSignature.status).toBe(401);
    expect(noSignature.body.error.code).toBe('unauthorized');
    expect((await request(app).post('/webhooks/zendesk/00000000-0000-4000-8000-000000000000').send(body.toString('utf8'))).status).toBe(404);
    expect((await request(app).post(`/webhooks/gorgias/${tenant.id}`).send(body.toString('utf8'))).status).toBe(404);
    expect(await h.counts()).toEqual(before);
  });

  it('a follow-up event updates the ticket record for metrics and records no handoff', async () => {
    await connectZendeskAndShopify();
    const res = await signedPost(fixtureBytes('zendesk', 'event-status-changed'));
    expect(res.status).toBe(202);
    await waitFor('the follow-up', async () => (await wiring.integrationStore.followup(tenant.id, 'zendesk', '5158'))?.status === 'solved');
    expect(await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5158')).toBeNull();
  });

  const connectGorgias = () =>
    wiring.integrationStore.connect(tenant.id, 'gorgias', { settings: { domain: 'acme', email: 'baton@acme.example' }, secrets: { api_key: 'gk-0123456789', webhook_secret: GORGIAS_SECRET } });

  const gorgiasPost = (secret: string) =>
    request(app).post(`/webhooks/gorgias/${tenant.id}`).set('Content-Type', 'application/json').set('X-Baton-Secret', secret).send(fixtureBytes('gorgias', 'http-ticket-created').toString('utf8'));

  /**
   * Gorgias's API for ticket 40123's handoff (the ticket, its messages on two pages, the customer) and
   * its write-back (the marker looked for, then the note, whose body goes into `notes`, and the tags).
   * `replies` replace the customer or the first page of messages.
   */
  function gorgiasTicket40123(notes: unknown[], replies: { customer?: unknown; messagesPage1?: unknown } = {}) {
    const { customer = fixture('gorgias', 'api-customer-9981'), messagesPage1 = fixture('gorgias', 'api-messages-40123') } = replies;
    return nock(GG)
      .get('/api/tickets/40123').times(2).reply(200, fixture('gorgias', 'api-ticket-40123'))
      .get('/api/tickets/40123/messages').query({ limit: '100' }).reply(200, messagesPage1 as nock.Body)
      .get('/api/tickets/40123/messages').query({ limit: '100', cursor: 'eyJpZCI6NzcwMDAzfQ' }).reply(200, fixture('gorgias', 'api-messages-40123-page2'))
      .get('/api/customers/9981').times(2).reply(200, customer as nock.Body)
      .get('/api/tickets/40123/messages').query(true).reply(200, { data: [], meta: { next_cursor: null } })
      .post('/api/tickets/40123/messages', (b) => Boolean(notes.push(b))).reply(201, { id: 1 })
      .post('/api/tickets/40123/tags').reply(201, {});
  }

  const gorgiasNoteWritten = async (notes: unknown[]) => {
    const handoff = await h.store.findHandoffByTicket(tenant.id, 'gorgias', '40123');
    return notes.length === 1 && handoff?.status === 'assembled' && (await wiring.integrationStore.noteWritten(handoff.id, 2, 'gorgias'));
  };

  it('Gorgias: the secret header lets the handover in; one handoff, one note, and the widget reads the brief', async () => {
    await connectGorgias();
    const notes: any[] = [];
    const gorgias = gorgiasTicket40123(notes);

    expect((await gorgiasPost('wrong-secret-0123456789')).status).toBe(401);
    expect((await gorgiasPost(GORGIAS_SECRET)).status).toBe(202);
    expect((await gorgiasPost(GORGIAS_SECRET)).status).toBe(200);
    await waitFor('the Gorgias note', () => gorgiasNoteWritten(notes));
    gorgias.done();
    expect(notes[0]).toMatchObject({ channel: 'internal-note' });

    const widget = await request(app).get(`/widgets/gorgias/${tenant.id}?ticket_id=40123`).set('X-Baton-Secret', GORGIAS_SECRET);
    expect(widget.status).toBe(200);
    expect(widget.body).toMatchObject({ shape: 'baton.gorgias-widget.v1', status: 'ready', brief_version: 2 });
    expect(widget.body.summary.length).toBeGreaterThan(0);
    // The customer message is filled as GET /v1/briefs fills it: no placeholders reach the widget.
    expect(widget.body.customer_message).not.toMatch(/\{wait_minutes\}|\{queue_position\}/);
    expect((await request(app).get(`/widgets/gorgias/${tenant.id}?ticket_id=40123`)).status).toBe(401);
    expect((await request(app).get(`/widgets/gorgias/${tenant.id}?ticket_id=999`).set('X-Baton-Secret', GORGIAS_SECRET)).body.status).toBe('none');
  });

  it('Gorgias: a customer whose name runs past 200 characters and whose created date has no time zone is still handed over, the name cut and the date left out', async () => {
    await connectGorgias();
    const name = 'Lee Park, '.repeat(25);
    // Gorgias writes some of its times without a zone (its users' created_datetime does).
    const customer = { ...fixture('gorgias', 'api-customer-9981'), name, created_datetime: '2025-06-01T12:00:00.512813' };
    const notes: unknown[] = [];
    const gorgias = gorgiasTicket40123(notes, { customer });

    expect((await gorgiasPost(GORGIAS_SECRET)).status).toBe(202);
    await waitFor('the Gorgias note', () => gorgiasNoteWritten(notes));
    gorgias.done();
    const { conversation } = (await h.store.findHandoffByTicket(tenant.id, 'gorgias', '40123'))!;
    expect(conversation.customer).toEqual({ id: '9981', name: name.slice(0, 200), email: 'lee.park@example.com' });
  });

  it('Gorgias: a message whose body_text is a number is still handed over, the number read as its text', async () => {
    await connectGorgias();
    const messagesPage1 = fixture<{ data: Array<Record<string, unknown>> }>('gorgias', 'api-messages-40123');
    Object.assign(messagesPage1.data[0]!, { body_text: 48213, stripped_text: null });
    const notes: unknown[] = [];
    const gorgias = gorgiasTicket40123(notes, { messagesPage1 });

    expect((await gorgiasPost(GORGIAS_SECRET)).status).toBe(202);
    await waitFor('the Gorgias note', () => gorgiasNoteWritten(notes));
    gorgias.done();
    const { conversation } = (await h.store.findHandoffByTicket(tenant.id, 'gorgias', '40123'))!;
    expect(conversation.messages[0]).toMatchObject({ role: 'customer', text: '48213' });
  });

  it('stored credentials are sealed: the row holds no secret, and listing shows only which are set', async () => {
    await connectZendeskAndShopify();
    const { rows } = await h.db.query<{ settings: unknown; secrets_sealed: string }>('SELECT settings, secrets_sealed FROM tenant_integrations');
    expect(JSON.stringify(rows)).not.toContain('zd-token-0123456789');
    expect(JSON.stringify(rows)).not.toContain(SIGNING);
    const listed = await wiring.integrationStore.list(tenant.id);
    expect(listed.map((i) => [i.provider, i.secrets_set])).toEqual([['shopify', ['access_token']], ['zendesk', ['api_token', 'webhook_secret']]]);
    expect(JSON.stringify(listed)).not.toContain('zd-token');
  });
});
