import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import type { Conversation } from '../../server/domain/conversation';
import { contextGatherer } from '../../server/integrations/gather';
import { createIntegrationStore } from '../../server/integrations/integration-store';
import { TenantIntegrations } from '../../server/integrations/tenant-integrations';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
import { HANDOFF_ASSEMBLE } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { createSecretBox } from '../../server/secret-box';
import { createStore } from '../../server/store/postgres-store';
import type { Sql, Store, Tenant } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';
import { makeAssessment, makeConversation, makeDecision, RecordingBriefWriter } from '../store/factories';
import { sleep, waitFor } from './wait-for';

const logger = pino({ level: 'silent' });

describe.each(backends())('handoff-assemble job on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let store: Store;
  let queue: JobQueue;
  let tenant: Tenant;

  beforeAll(async () => {
    store = createStore(await backend.open(schema));
    await store.migrate();
    queue = await createJobQueue(store.db, { logger, schema: `${schema}_boss`, stopTimeoutMs: 5000 });
    await queue.start();
    await queue.createQueues([HANDOFF_ASSEMBLE]);
  });
  afterAll(async () => {
    await queue?.stop();
    await store?.close();
  });
  beforeEach(async () => {
    await resetTables(store.db);
    tenant = await store.createTenant({ name: 'acme', policy: { refund_threshold: 40 } });
  });

  const record = (conversationId = 'conv-1') =>
    store.recordHandoff(tenant.id, {
      conversation: makeConversation({ id: conversationId }),
      conversationId,
      assessment: makeAssessment({ priority: 'high', queue: 'vip_shipping' }),
    });

  it('stores exactly one assembled version even when the job runs twice, or twice at once', async () => {
    const writer = new RecordingBriefWriter();
    const assemble = createAssembleHandoffHandler({ store, writer, logger });
    const { handoff } = await record();

    await assemble({ tenantId: tenant.id, handoffId: handoff.id });
    await assemble({ tenantId: tenant.id, handoffId: handoff.id });
    const other = (await record('conv-2')).handoff;
    await Promise.all([1, 2, 3].map(() => assemble({ tenantId: tenant.id, handoffId: other.id })));

    for (const id of [handoff.id, other.id]) {
      const versions = await store.listBriefVersions(tenant.id, id);
      expect(versions.map((v) => [v.version, v.writer])).toEqual([[1, 'offline'], [2, 'recording']]);
      const read = (await store.getHandoff(tenant.id, id))!;
      expect(read.status).toBe('assembled');
      expect(read.brief_version).toBe(2);
      // The decision stays the rules' own.
      const { brief, ...decision } = read.assessment;
      const { brief: _first, ...original } = makeAssessment({ priority: 'high', queue: 'vip_shipping' });
      expect(decision).toEqual(original);
      expect(brief.writer).toBe('recording');
    }
  });

  /** A handoff recorded as ingest records it: the rules' decision and the offline brief as version 1. */
  const recordOffline = async (conversation: Conversation) => {
    const decision = makeDecision({ facts: { order_ids: [], emails: [], phones: [], tracking_numbers: ['1Z999AA10123456784'], amounts: [], dates: [] } });
    const brief = await new OfflineBriefWriter().write(conversation, decision, { policy: tenant.policy, now: new Date('2026-11-02T10:15:00Z') });
    return (await store.recordHandoff(tenant.id, { conversation, conversationId: conversation.id!, assessment: { ...decision, brief } })).handoff;
  };
  /** What runs after assembly, in its transaction: here, a row per call, so a rolled-back call leaves none. */
  const afterAssembledLog = () => {
    const calls: Array<{ handoffId: string; version: number }> = [];
    const afterAssembled = async (tx: Sql, assembled: { tenantId: string; handoffId: string; version: number }) => {
      await tx.query('SELECT 1');
      calls.push({ handoffId: assembled.handoffId, version: assembled.version });
    };
    return { calls, afterAssembled };
  };
  const parcelConversation = (id: string): Conversation =>
    makeConversation({
      id,
      ticket: undefined,
      messages: [
        { role: 'customer', text: 'My parcel 1Z999AA10123456784 has not moved for a week. I want to talk to a real person.' },
        { role: 'bot', text: 'It is in transit.', helpful: false },
      ],
    });

  it('writes no version when the assembled brief says what version 1 says (no connectors), yet assembles and runs afterAssembled once at version 1', async () => {
    const { calls, afterAssembled } = afterAssembledLog();
    const assemble = createAssembleHandoffHandler({ store, writer: new OfflineBriefWriter(), logger, afterAssembled });
    const handoff = await recordOffline(parcelConversation('conv-offline'));
    const other = await recordOffline(parcelConversation('conv-offline-2'));

    await assemble({ tenantId: tenant.id, handoffId: handoff.id });
    await assemble({ tenantId: tenant.id, handoffId: handoff.id });
    await Promise.all([1, 2, 3].map(() => assemble({ tenantId: tenant.id, handoffId: other.id })));

    for (const id of [handoff.id, other.id]) {
      expect((await store.listBriefVersions(tenant.id, id)).map((v) => v.version)).toEqual([1]);
      const read = (await store.getHandoff(tenant.id, id))!;
      expect(read).toMatchObject({ status: 'assembled', brief_version: 1 });
    }
    expect(calls.sort((a, b) => a.handoffId.localeCompare(b.handoffId))).toEqual(
      [{ handoffId: handoff.id, version: 1 }, { handoffId: other.id, version: 1 }].sort((a, b) => a.handoffId.localeCompare(b.handoffId)),
    );
  });

  it('writes version 2 when a connector adds context, with afterAssembled at version 2; nothing more on a rerun', async () => {
    const integrationStore = createIntegrationStore(store.db, createSecretBox(randomBytes(32)));
    // The tracking connector without an AfterShip key works offline: carrier and tracking page.
    await integrationStore.connect(tenant.id, 'tracking', { settings: {}, secrets: {} });
    const gather = contextGatherer(new TenantIntegrations(integrationStore));
    const { calls, afterAssembled } = afterAssembledLog();
    const assemble = createAssembleHandoffHandler({ store, writer: new OfflineBriefWriter(), logger, afterAssembled, gather });
    const handoff = await recordOffline(parcelConversation('conv-parcel'));

    await assemble({ tenantId: tenant.id, handoffId: handoff.id });
    await assemble({ tenantId: tenant.id, handoffId: handoff.id });

    const versions = await store.listBriefVersions(tenant.id, handoff.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.brief.sources).toEqual([]);
    expect(versions[1]!.brief.sources).toEqual([{ kind: 'tracking', ok: true }]);
    expect(versions[1]!.brief.customer_context).toHaveProperty('tracking.parcels.0.number', '1Z999AA10123456784');
    expect((await store.getHandoff(tenant.id, handoff.id))!).toMatchObject({ status: 'assembled', brief_version: 2 });
    expect(calls).toEqual([{ handoffId: handoff.id, version: 2 }]);
  });

  it('gives the writer the decision without the brief, the tenant policy, and the conversation time', async () => {
    const writer = new RecordingBriefWriter();
    const { handoff } = await record();
    await createAssembleHandoffHandler({ store, writer, logger })({ tenantId: tenant.id, handoffId: handoff.id });
    expect(writer.calls).toHaveLength(1);
    const call = writer.calls[0]!;
    expect(call.decision).not.toHaveProperty('brief');
    expect(call.decision.queue).toBe('vip_shipping');
    expect(call.context.policy.refund_threshold).toBe(40);
    expect(call.context.now.toISOString()).toBe('2026-11-02T10:15:00.000Z');
    expect(call.context.sources).toEqual([]);
    expect(call.conversation).toEqual(makeConversation({ id: 'conv-1' }));
  });

  it('does not write the brief again when nothing was gathered and the brief shown is the same writer\'s', async () => {
    const { handoff } = await record();
    const shownBy = (await store.getHandoff(tenant.id, handoff.id))!.assessment.brief.writer;
    let writes = 0;
    // The writer that wrote the brief shown, counting its calls.
    const writer = Object.assign(new RecordingBriefWriter(), { name: shownBy });
    const counted = { name: shownBy, write: async (...args: Parameters<typeof writer.write>) => ((writes += 1), writer.write(...args)) };
    await createAssembleHandoffHandler({ store, writer: counted, logger })({ tenantId: tenant.id, handoffId: handoff.id });
    expect(writes).toBe(0);
    const read = (await store.getHandoff(tenant.id, handoff.id))!;
    expect(read.status).toBe('assembled');
    expect(read.brief_version).toBe(1);
  });

  it('does nothing for another tenant, an unknown handoff or malformed data', async () => {
    const writer = new RecordingBriefWriter();
    const assemble = createAssembleHandoffHandler({ store, writer, logger });
    const { handoff } = await record();
    const globex = await store.createTenant({ name: 'globex' });
    await assemble({ tenantId: globex.id, handoffId: handoff.id });
    await assemble({ tenantId: tenant.id, handoffId: '00000000-0000-4000-8000-000000000000' });
    await assemble({ tenantId: 'x', handoffId: 'y' });
    expect(writer.calls).toHaveLength(0);
    expect((await store.getHandoff(tenant.id, handoff.id))!.brief_version).toBe(1);
  });

  it('runs from the queue when the handoff is recorded with its job in one transaction', async () => {
    const writer = new RecordingBriefWriter();
    await queue.work(HANDOFF_ASSEMBLE, createAssembleHandoffHandler({ store, writer, logger }), { pollingIntervalSeconds: 0.5 });

    const enqueue = async (tx: Parameters<JobQueue['sendInTransaction']>[0], h: { id: string; tenant_id: string }) => {
      await queue.sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: h.tenant_id, handoffId: h.id });
    };
    const first = await store.recordHandoff(
      tenant.id,
      { conversation: makeConversation(), conversationId: 'conv-q', assessment: makeAssessment() },
      enqueue,
    );
    // A replay enqueues nothing; a duplicate job sent by hand adds no version either.
    const replay = await store.recordHandoff(
      tenant.id,
      { conversation: makeConversation(), conversationId: 'conv-q', assessment: makeAssessment() },
      enqueue,
    );
    expect(replay.created).toBe(false);
    await queue.send(HANDOFF_ASSEMBLE, { tenantId: tenant.id, handoffId: first.handoff.id });

    await waitFor('the assembled brief', async () => (await store.getHandoff(tenant.id, first.handoff.id))!.status === 'assembled');
    await sleep(1500);
    expect(await store.listBriefVersions(tenant.id, first.handoff.id)).toHaveLength(2);
    expect(writer.calls.length).toBeGreaterThanOrEqual(1);
  });
});
