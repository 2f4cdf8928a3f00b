import { randomBytes } from 'node:crypto';
import nock from 'nock';
import request from 'supertest';
import type { Express } from 'express';
import { zendeskSignature } from '../../../integrations/zendesk';
import { OfflineBriefWriter } from '../../../server/brief/offline-writer';
import { createHelpdeskWiring, type HelpdeskWiring } from '../../../server/integrations/helpdesk-wiring';
import { createAssembleHandoffHandler } from '../../../server/jobs/assemble-handoff';
import { HANDOFF_ASSEMBLE } from '../../../server/jobs/job-names';
import { createLogger } from '../../../server/logger';
import { createSecretBox } from '../../../server/secret-box';
import type { HandoffRecord, Tenant } from '../../../server/store/types';
import { backends, uniqueSchema } from '../../helpers/database';
import { onlyNockedHttp } from '../../helpers/outside-http';
import { fixture, fixtureBytes } from '../../helpers/vendor-fixtures';
import { openHarness, type Harness } from '../../http/harness';
import { waitFor } from '../../jobs/wait-for';

onlyNockedHttp();

const ZD = 'https://acme.zendesk.com';
const SIGNING = 'zendesk-signing-secret-0123456789';
const SUNSHINE_WEBHOOK_SECRET = 'sunco-webhook-secret-0123456789';
const APP_ID = '5ebee0975ac5304b664a12fa';
const CONVERSATION = '67ab5f53a96f98663935c3f2';
const MESSAGES_PATH = `/sc/v2/apps/${APP_ID}/conversations/${CONVERSATION}/messages`;
const NOW = new Date('2026-11-02T11:03:30Z');

/**
 * A Sunshine Conversations passControl carries no Zendesk ticket id (Zendesk makes the ticket after
 * it). The ticket's `messaging_ticket.message_added` events name the conversation: they link the
 * ticket to the passControl's handoff, in whichever order the two arrive.
 */
describe.each(backends())('Sunshine passControl and the ticket that follows, on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let h: Harness;
  let wiring: HelpdeskWiring;
  let app: Express;
  let tenant: Tenant;
  /** What the runtime tells the Slack alert: follow-ups on tickets that have a handoff. */
  const followups: Array<{ handoffId: string; firstReply?: string }> = [];

  beforeAll(async () => {
    h = await openHarness(backend, schema);
    const logger = createLogger({ logLevel: 'silent' });
    const writer = new OfflineBriefWriter();
    wiring = createHelpdeskWiring({ store: h.store, jobs: h.jobs, box: createSecretBox(randomBytes(32)), writer, kb: h.kb, logger, now: () => NOW, pollingIntervalSeconds: 0.5, onFollowup: async (handoff, update) => {
      followups.push({ handoffId: handoff.id, firstReply: update.firstPublicAgentReplyAt });
    } });
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
    followups.length = 0;
    await wiring.integrationStore.connect(tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example', sunshine_app_id: APP_ID, sunshine_key_id: 'app_5ebee' },
      secrets: { webhook_secret: SIGNING, api_token: 'zd-token-0123456789', sunshine_key_secret: 'sc-secret-0123456789', sunshine_webhook_secret: SUNSHINE_WEBHOOK_SECRET },
    });
  });

  const zendeskPost = (body: Buffer, timestamp = '2026-11-02T11:03:20Z') =>
    request(app)
      .post(`/webhooks/zendesk/${tenant.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Zendesk-Webhook-Signature', zendeskSignature(SIGNING, timestamp, body))
      .set('X-Zendesk-Webhook-Signature-Timestamp', timestamp)
      .send(body.toString('utf8'));
  const sunshinePost = (body: Buffer) =>
    request(app).post(`/webhooks/sunshine/${tenant.id}`).set('Content-Type', 'application/json').set('X-API-Key', SUNSHINE_WEBHOOK_SECRET).send(body.toString('utf8'));

  /** The Conversations API's transcript, two pages (the documented `page[before]` cursor). */
  const transcript = () =>
    nock(ZD)
      .get(MESSAGES_PATH)
      .reply(200, fixture('zendesk', 'sunshine-messages-page0'))
      .get(MESSAGES_PATH)
      .query({ 'page[before]': '67ab5f55155becd183e28403' })
      .reply(200, fixture('zendesk', 'sunshine-messages-page1'));
  /** The write-back on ticket 5170: look for the marker, then one update. */
  const writeBack = (puts: any[]) =>
    nock(ZD)
      .get('/api/v2/tickets/5170/comments.json')
      .query(true)
      .reply(200, { comments: [], meta: { has_more: false } })
      .put('/api/v2/tickets/5170.json', (body) => Boolean(puts.push(body)))
      .reply(200, { ticket: { id: 5170 } });

  const handoffs = async (): Promise<HandoffRecord[]> => {
    const { rows } = await h.db.query<{ id: string }>('SELECT id FROM handoffs WHERE tenant_id = $1', [tenant.id]);
    return Promise.all(rows.map(async (r) => (await h.store.getHandoff(tenant.id, r.id))!));
  };
  /** Every job of the queues in this test finished (so "nothing more happened" is a real check). */
  const jobsSettled = () =>
    waitFor('the jobs to settle', async () => {
      const { rows } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${h.bossSchema}.job WHERE state IN ('created', 'retry', 'active')`);
      return rows[0]!.n === 0;
    });
  /** The same messaging event for the ticket, as another delivery (another message). */
  const anotherMessage = (id: string) => {
    const event = fixture<Record<string, any>>('zendesk', 'event-messaging-message-added');
    return Buffer.from(JSON.stringify({ ...event, id, event: { ...event.event, actor: { id: '8447388090777', name: 'Lee', type: 'end_user' } } }));
  };

  it('passControl first: one handoff without a ticket and no note; the ticket event fills the ticket and writes one note; the ticket creation is no second handoff', async () => {
    const sunshine = transcript();
    expect((await sunshinePost(fixtureBytes('zendesk', 'sunshine-pass-control'))).status).toBe(202);
    await waitFor('the handoff assembled', async () => (await handoffs())[0]?.status === 'assembled');
    await jobsSettled();
    sunshine.done();
    const [first] = await handoffs();
    expect(first).toMatchObject({ conversation_id: `sunshine:conversation:${CONVERSATION}`, status: 'assembled' });
    expect(first!.ticket).toBeUndefined();
    expect(first!.assessment.reasons.length).toBeGreaterThan(0);

    // Zendesk creates the messaging ticket: with passControl connected it is not a handoff of its own.
    expect((await zendeskPost(fixtureBytes('zendesk', 'event-ticket-created-messaging'))).status).toBe(202);
    await jobsSettled();
    expect(await handoffs()).toHaveLength(1);

    // The ticket's first message event names the conversation: the handoff gets ticket 5170 and its note.
    const puts: any[] = [];
    const zendesk = writeBack(puts);
    expect((await zendeskPost(fixtureBytes('zendesk', 'event-messaging-message-added'))).status).toBe(202);
    await waitFor('the note', async () => puts.length === 1 && (await wiring.integrationStore.noteWritten(first!.id, first!.brief_version, 'zendesk')));
    await jobsSettled();
    zendesk.done();
    const linked = (await handoffs())[0]!;
    expect(linked).toMatchObject({ id: first!.id, brief_version: first!.brief_version, ticket: { provider: 'zendesk', id: '5170', url: 'https://acme.zendesk.com/agent/tickets/5170' } });
    expect(puts[0].ticket.comment).toMatchObject({ public: false });
    expect(puts[0].ticket.comment.body).toContain(`[baton-brief:${first!.id}:v${first!.brief_version}]`);
    expect((await h.store.findHandoffByTicket(tenant.id, 'zendesk', '5170'))?.id).toBe(first!.id);
    // The same event is the agent's first reply: linked first, so it reaches the handoff's alert.
    expect(followups).toEqual([{ handoffId: first!.id, firstReply: fixture<{ time: string }>('zendesk', 'event-messaging-message-added').time }]);

    // Later messages on the ticket and a replayed delivery: no second note (nock refuses any request).
    expect((await zendeskPost(anotherMessage('01JQMQH83YNAKWSWJ8B1QH2NSD'))).status).toBe(202);
    expect((await zendeskPost(fixtureBytes('zendesk', 'event-messaging-message-added'), '2026-11-02T11:03:25Z')).body).toMatchObject({ duplicates: 1 });
    await jobsSettled();
    expect(puts).toHaveLength(1);
    expect(await handoffs()).toHaveLength(1);
  });

  it('the ticket event first: the passControl handoff is recorded with the ticket, assembled with its context, and noted once', async () => {
    expect((await zendeskPost(fixtureBytes('zendesk', 'event-messaging-message-added'))).status).toBe(202);
    await jobsSettled();
    expect(await handoffs()).toHaveLength(0);

    const puts: any[] = [];
    const sunshine = transcript();
    // Assembly reads the linked ticket (no requester on it here), then the write-back.
    const ticket = nock(ZD).get('/api/v2/tickets/5170.json').reply(200, { ticket: { id: 5170, status: 'new', subject: 'Conversation with Lee', via: { channel: 'native_messaging' } } });
    const zendesk = writeBack(puts);
    expect((await sunshinePost(fixtureBytes('zendesk', 'sunshine-pass-control'))).status).toBe(202);
    await waitFor('the note', async () => puts.length === 1);
    await jobsSettled();
    sunshine.done();
    ticket.done();
    zendesk.done();

    const all = await handoffs();
    expect(all).toHaveLength(1);
    const handoff = all[0]!;
    expect(handoff).toMatchObject({ conversation_id: `sunshine:conversation:${CONVERSATION}`, status: 'assembled', ticket: { provider: 'zendesk', id: '5170' } });
    expect(handoff.assessment.brief.sources).toEqual([{ kind: 'zendesk', ok: true }]);
    expect(await wiring.integrationStore.noteWritten(handoff.id, handoff.brief_version, 'zendesk')).toBe(true);
    expect(puts[0].ticket.comment.body).toContain(`[baton-brief:${handoff.id}:v${handoff.brief_version}]`);

    // The ticket's creation arriving last is no second handoff either.
    expect((await zendeskPost(fixtureBytes('zendesk', 'event-ticket-created-messaging'))).status).toBe(202);
    await jobsSettled();
    expect(await handoffs()).toHaveLength(1);
    expect(puts).toHaveLength(1);
  });
});
