import { NotFoundError } from '../../server/errors';
import { createStore } from '../../server/store/postgres-store';
import type { HandoffRecord, Sql, Store, Tenant } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';
import { makeAssessment, makeBrief, makeConversation } from './factories';

async function count(store: Store, table: string): Promise<number> {
  const { rows } = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

describe.each(backends())('handoffs on $name', (backend) => {
  let store: Store;
  let acme: Tenant;
  let globex: Tenant;

  beforeAll(async () => {
    store = createStore(await backend.open(uniqueSchema(__filename)));
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await resetTables(store.db);
    acme = await store.createTenant({ name: 'acme' });
    globex = await store.createTenant({ name: 'globex' });
  });

  const input = (conversationId = 'conv-8812') => ({
    conversation: makeConversation({ id: conversationId }),
    conversationId,
    assessment: makeAssessment({ priority: 'high' }),
  });

  it('records the conversation, the decision and brief version 1, and reads them back', async () => {
    const { handoff, created } = await store.recordHandoff(acme.id, input());
    expect(created).toBe(true);
    expect(handoff).toMatchObject({
      tenant_id: acme.id,
      conversation_id: 'conv-8812',
      status: 'received',
      brief_version: 1,
      ticket: { provider: 'zendesk', id: '12345', url: 'https://acme.zendesk.com/agent/tickets/12345' },
    });
    expect(handoff.assessment).toEqual(makeAssessment({ priority: 'high' }));
    expect(handoff.conversation).toEqual(makeConversation());
    expect(await store.getHandoff(acme.id, handoff.id)).toEqual(handoff);
    expect(await store.findHandoffByTicket(acme.id, 'zendesk', '12345')).toEqual(handoff);
    expect(await store.listBriefVersions(acme.id, handoff.id)).toEqual([
      { version: 1, writer: 'offline', brief: makeBrief(), created_at: expect.any(String) },
    ]);
  });

  it('keeps every read inside the tenant', async () => {
    const { handoff } = await store.recordHandoff(acme.id, input());
    expect(await store.getHandoff(globex.id, handoff.id)).toBeNull();
    expect(await store.findHandoffByTicket(globex.id, 'zendesk', '12345')).toBeNull();
    expect(await store.listBriefVersions(globex.id, handoff.id)).toEqual([]);
    await expect(store.addBriefVersion(globex.id, handoff.id, makeBrief())).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.advanceBrief(globex.id, handoff.id, makeBrief(), { from: 'received', to: 'assembled' })).toBeNull();
    expect((await store.getHandoff(acme.id, handoff.id))!.brief_version).toBe(1);

    // The same conversation id under another tenant is another handoff.
    const other = await store.recordHandoff(globex.id, input());
    expect(other.created).toBe(true);
    expect(other.handoff.id).not.toBe(handoff.id);
    expect((await store.findHandoffByTicket(globex.id, 'zendesk', '12345'))!.id).toBe(other.handoff.id);
  });

  it('records the same handoff once when it is replayed five times, one after another', async () => {
    const enqueued: HandoffRecord[] = [];
    const enqueue = async (_tx: Sql, handoff: HandoffRecord) => {
      enqueued.push(handoff);
    };
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await store.recordHandoff(acme.id, input(), enqueue));
    expect(results.map((r) => r.created)).toEqual([true, false, false, false, false]);
    expect(new Set(results.map((r) => r.handoff.id)).size).toBe(1);
    expect(results[4]!.handoff).toEqual(results[0]!.handoff);
    expect(enqueued).toHaveLength(1);
    expect(await count(store, 'handoffs')).toBe(1);
    expect(await count(store, 'brief_versions')).toBe(1);
  });

  it('records the same handoff once when five requests race', async () => {
    let enqueues = 0;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.recordHandoff(acme.id, input(), async () => {
          enqueues += 1;
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.handoff.id)).size).toBe(1);
    expect(enqueues).toBe(1);
    expect(await count(store, 'handoffs')).toBe(1);
    expect(await count(store, 'conversations')).toBe(1);
  });

  it('stores nothing when enqueue throws, and a retry then succeeds', async () => {
    await expect(
      store.recordHandoff(acme.id, input(), async (tx) => {
        // Work done through tx before the failure must be rolled back with everything else.
        await tx.query(`INSERT INTO inbound_events (source, event_id, payload) VALUES ('test', 'e1', '{}'::jsonb)`);
        throw new Error('queue unavailable');
      }),
    ).rejects.toThrow('queue unavailable');
    for (const table of ['conversations', 'handoffs', 'brief_versions', 'inbound_events']) {
      expect(await count(store, table)).toBe(0);
    }
    const retry = await store.recordHandoff(acme.id, input());
    expect(retry.created).toBe(true);
  });

  it('adds brief versions in order and shows the latest in the assessment', async () => {
    const { handoff } = await store.recordHandoff(acme.id, input());
    const v2 = await store.addBriefVersion(acme.id, handoff.id, makeBrief({ summary: 'second', writer: 'openai:gpt' }), 'assembled');
    expect(v2.version).toBe(2);
    const read = (await store.getHandoff(acme.id, handoff.id))!;
    expect(read.status).toBe('assembled');
    expect(read.brief_version).toBe(2);
    expect(read.assessment.brief.summary).toBe('second');
    expect(read.assessment.priority).toBe('high');
    // Without a status the handoff keeps the one it has.
    await store.addBriefVersion(acme.id, handoff.id, makeBrief({ summary: 'third' }));
    expect((await store.getHandoff(acme.id, handoff.id))!.status).toBe('assembled');
    expect((await store.listBriefVersions(acme.id, handoff.id)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('advances a brief only from the expected status, even when two runs race', async () => {
    const { handoff } = await store.recordHandoff(acme.id, input());
    const results = await Promise.all([
      store.advanceBrief(acme.id, handoff.id, makeBrief({ summary: 'a' }), { from: 'received', to: 'assembled' }),
      store.advanceBrief(acme.id, handoff.id, makeBrief({ summary: 'b' }), { from: 'received', to: 'assembled' }),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(results.find((r) => r !== null)!.version).toBe(2);
    expect((await store.listBriefVersions(acme.id, handoff.id))).toHaveLength(2);
  });

  it('finds the newest handoff for a ticket', async () => {
    await store.recordHandoff(acme.id, input('first'));
    const second = await store.recordHandoff(acme.id, input('second'));
    expect((await store.findHandoffByTicket(acme.id, 'zendesk', '12345'))!.id).toBe(second.handoff.id);
    expect(await store.findHandoffByTicket(acme.id, 'gorgias', '12345')).toBeNull();
  });

  it('reads a handoff for an answer as getHandoff does, the conversation as its stored JSON text', async () => {
    const { handoff } = await store.recordHandoff(acme.id, input('as-text'));
    const { conversation, ...rest } = (await store.getHandoff(acme.id, handoff.id))!;
    for (const view of [await store.getHandoffView(acme.id, handoff.id), await store.findHandoffViewByTicket(acme.id, 'zendesk', '12345')]) {
      const { conversationJson, ...viewRest } = view!;
      expect(viewRest).toEqual(rest);
      expect(typeof conversationJson).toBe('string');
      expect(JSON.parse(conversationJson)).toEqual(conversation);
    }
    expect(await store.getHandoffView(globex.id, handoff.id)).toBeNull();
    expect(await store.findHandoffViewByTicket(globex.id, 'zendesk', '12345')).toBeNull();
    expect(await store.getHandoffView(acme.id, 'nope')).toBeNull();
  });

  it('treats malformed ids as not found', async () => {
    expect(await store.getHandoff(acme.id, 'nope')).toBeNull();
    expect(await store.getHandoff('nope', '00000000-0000-4000-8000-000000000000')).toBeNull();
    await expect(store.recordHandoff('nope', input())).rejects.toBeInstanceOf(NotFoundError);
  });
});
