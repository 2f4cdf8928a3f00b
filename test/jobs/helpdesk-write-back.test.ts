import { randomBytes } from 'node:crypto';
import { RetryLater } from '../../server/jobs/retry-later';
import nock from 'nock';
import pino from 'pino';
import { createIntegrationStore, type IntegrationStore } from '../../server/integrations/integration-store';
import { TenantIntegrations } from '../../server/integrations/tenant-integrations';
import { noteMarker } from '../../server/brief/helpdesk-note';
import { createHelpdeskWriteBackHandler } from '../../server/jobs/helpdesk-write-back';
import { createSecretBox } from '../../server/secret-box';
import { createStore } from '../../server/store/postgres-store';
import type { Store, Tenant } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';
import { onlyNockedHttp } from '../helpers/outside-http';
import { makeAssessment, makeBrief, makeConversation } from '../store/factories';

const ZD = 'https://acme.zendesk.com';
const logger = pino({ level: 'silent' });

onlyNockedHttp();

describe.each(backends())('helpdesk-write-back job on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let store: Store;
  let integrationStore: IntegrationStore;
  let tenant: Tenant;

  beforeAll(async () => {
    store = createStore(await backend.open(schema));
    await store.migrate();
    integrationStore = createIntegrationStore(store.db, createSecretBox(randomBytes(32)));
  });
  afterAll(async () => store?.close());
  beforeEach(async () => {
    await resetTables(store.db);
    tenant = await store.createTenant({ name: 'acme' });
    await integrationStore.connect(tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example' },
      secrets: { webhook_secret: 'whsec-0123456789', api_token: 'tok-0123456789' },
    });
  });

  const handler = () => createHelpdeskWriteBackHandler({ store, integrationStore, integrations: new TenantIntegrations(integrationStore), logger });
  const recordOnTicket = async () =>
    (
      await store.recordHandoff(tenant.id, {
        conversation: makeConversation({ ticket: { provider: 'zendesk', id: '5158' } }),
        conversationId: 'conv-wb',
        assessment: makeAssessment(),
      })
    ).handoff;

  it('two jobs for the same note at once write it once: the second waits for its retry, which finds it written', async () => {
    const handoff = await recordOnTicket();
    const puts: unknown[] = [];
    // The helpdesk answers slowly, so both jobs would be inside the write at the same time; it
    // would take both notes (nothing on the ticket yet for either to find).
    const reads: number[] = [];
    nock(ZD)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .times(2)
      .delay(300)
      .reply(200, () => (reads.push(1), { comments: [], meta: { has_more: false } }))
      .put('/api/v2/tickets/5158.json', (body) => Boolean(puts.push(body)))
      .times(2)
      .reply(200, { ticket: { id: 5158 } });
    const job = { tenantId: tenant.id, handoffId: handoff.id };
    const results = await Promise.allSettled([handler()(job), handler()(job)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    expect(refused.message).toMatch(/another job is writing this note/);
    expect(refused).toBeInstanceOf(RetryLater); // looks again later without spending a retry
    expect(reads).toHaveLength(1);
    expect(puts).toHaveLength(1);
    expect(await integrationStore.noteWritten(handoff.id, 1, 'zendesk')).toBe(true);

    // The retry of the one that waited: the ledger says written, nothing is asked of Zendesk.
    await handler()(job);
    expect(puts).toHaveLength(1);
  });

  it("a retry after a crash finds the note its version wrote, though the model's brief was stored since", async () => {
    const handoff = await recordOnTicket();
    // The note for version 1 landed, then the process died before the ledger row; meanwhile the
    // model's brief became version 2.
    await store.advanceBrief(tenant.id, handoff.id, makeBrief({ writer: 'openai:gpt-4o-mini' }), { from: 'received', to: 'received' });
    const puts: unknown[] = [];
    const scope = nock(ZD)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, { comments: [{ id: 1, public: false, body: `Baton brief\n${noteMarker(handoff.id, 1)}` }], meta: { has_more: false } });
    nock(ZD)
      .put('/api/v2/tickets/5158.json', (body) => Boolean(puts.push(body)))
      .optionally()
      .reply(200, { ticket: { id: 5158 } });
    await handler()({ tenantId: tenant.id, handoffId: handoff.id, version: 1 });
    scope.done();
    expect(puts).toHaveLength(0);
    expect(await integrationStore.noteWritten(handoff.id, 1, 'zendesk')).toBe(true);
  });

  it('a failed write lets go of its claim, so the retry writes the note at once', async () => {
    const handoff = await recordOnTicket();
    const job = { tenantId: tenant.id, handoffId: handoff.id };
    const failing = nock(ZD)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, { comments: [], meta: { has_more: false } })
      .put('/api/v2/tickets/5158.json')
      .reply(422, { error: 'RecordInvalid' });
    await expect(handler()(job)).rejects.toBeDefined();
    failing.done();

    const puts: unknown[] = [];
    const retry = nock(ZD)
      .get('/api/v2/tickets/5158/comments.json')
      .query(true)
      .reply(200, { comments: [], meta: { has_more: false } })
      .put('/api/v2/tickets/5158.json', (body) => Boolean(puts.push(body)))
      .reply(200, { ticket: { id: 5158 } });
    await handler()(job);
    retry.done();
    expect(puts).toHaveLength(1);
  });
});
