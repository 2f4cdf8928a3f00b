import pino from 'pino';
import type { Brief } from '../../server/domain/decision';
import type { BriefWriter } from '../../server/brief/writer';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
import { createAssemblyFailedHandler } from '../../server/jobs/assembly-failed';
import { DEAD_LETTERS, HANDOFF_ASSEMBLE, HANDOFF_ASSEMBLE_FAILED } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { createStore } from '../../server/store/postgres-store';
import type { Sql, Store, Tenant } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';
import { makeAssessment, makeConversation } from '../store/factories';
import { waitFor } from './wait-for';

const logger = pino({ level: 'silent' });

/** A writer whose every brief fails, as a bug in it or in a worker thread would. */
class BrokenWriter implements BriefWriter {
  readonly name = 'broken';
  calls = 0;
  async write(): Promise<Brief> {
    this.calls += 1;
    throw new Error('the writer broke');
  }
}

/** A writer that never answers until released: a job that outlives its expiry. */
class StuckWriter implements BriefWriter {
  readonly name = 'stuck';
  calls = 0;
  private releases: Array<() => void> = [];
  write(): Promise<Brief> {
    this.calls += 1;
    return new Promise((_resolve, reject) => this.releases.push(() => reject(new Error('released'))));
  }
  release(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

describe.each(backends())('an assembly that uses up its retries, on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let store: Store;
  let queue: JobQueue;
  let tenant: Tenant;

  beforeAll(async () => {
    store = createStore(await backend.open(schema));
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await resetTables(store.db);
    tenant = await store.createTenant({ name: 'acme', policy: {} });
  });
  afterEach(async () => {
    await queue?.stop();
  });

  /** What follows assembly, in its transaction: a row per call, so a rolled-back call leaves none. */
  const followUps = () => {
    const calls: Array<{ handoffId: string; version: number }> = [];
    const afterAssembled = async (tx: Sql, settled: { handoffId: string; version: number }) => {
      await tx.query('SELECT 1');
      calls.push({ handoffId: settled.handoffId, version: settled.version });
    };
    return { calls, afterAssembled };
  };

  const startQueue = async (options: { retryLimit: number; maxRunSeconds?: number }) => {
    queue = await createJobQueue(store.db, {
      logger,
      schema: `${schema}_boss_${options.retryLimit}_${options.maxRunSeconds ?? 0}`,
      retryLimit: options.retryLimit,
      retryDelaySeconds: 0,
      maintenanceIntervalSeconds: 1,
      ...(options.maxRunSeconds ? { maxRunSeconds: options.maxRunSeconds } : {}),
      stopTimeoutMs: 2000,
    });
    await queue.start();
    await queue.createQueues([HANDOFF_ASSEMBLE_FAILED, HANDOFF_ASSEMBLE], { deadLetters: DEAD_LETTERS });
  };

  const recordWithJob = (conversationId: string) =>
    store.recordHandoff(tenant.id, { conversation: makeConversation({ id: conversationId }), conversationId, assessment: makeAssessment() }, async (tx, h) => {
      await queue.sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: h.tenant_id, handoffId: h.id });
    });

  it('marks the handoff failed once every try has thrown, keeps its first brief, and runs what follows assembly once', async () => {
    await startQueue({ retryLimit: 2 });
    const writer = new BrokenWriter();
    const { calls, afterAssembled } = followUps();
    await queue.work(HANDOFF_ASSEMBLE, createAssembleHandoffHandler({ store, writer, logger, afterAssembled }), { pollingIntervalSeconds: 0.5 });
    await queue.work(HANDOFF_ASSEMBLE_FAILED, createAssemblyFailedHandler({ store, logger, afterAssembled }), { pollingIntervalSeconds: 0.5 });

    const { handoff } = await recordWithJob('conv-broken');
    await waitFor('the failed status', async () => (await store.getHandoff(tenant.id, handoff.id))!.status === 'failed', 30_000);

    expect(writer.calls).toBe(3); // the first try and two retries
    const read = (await store.getHandoff(tenant.id, handoff.id))!;
    expect(read.brief_version).toBe(1);
    expect(read.assessment).toEqual(makeAssessment());
    expect((await store.listBriefVersions(tenant.id, handoff.id)).map((v) => v.version)).toEqual([1]);
    expect(calls).toEqual([{ handoffId: handoff.id, version: 1 }]);
  });

  it('marks it failed when the last try outlives its expiry (a job that hung, or whose process died)', async () => {
    await startQueue({ retryLimit: 0, maxRunSeconds: 1 });
    const writer = new StuckWriter();
    const { calls, afterAssembled } = followUps();
    await queue.work(HANDOFF_ASSEMBLE, createAssembleHandoffHandler({ store, writer, logger, afterAssembled }), { pollingIntervalSeconds: 0.5 });
    await queue.work(HANDOFF_ASSEMBLE_FAILED, createAssemblyFailedHandler({ store, logger, afterAssembled }), { pollingIntervalSeconds: 0.5 });

    const { handoff } = await recordWithJob('conv-stuck');
    try {
      await waitFor('the failed status', async () => (await store.getHandoff(tenant.id, handoff.id))!.status === 'failed', 30_000);
    } finally {
      writer.release();
    }
    expect(writer.calls).toBe(1);
    expect(calls).toEqual([{ handoffId: handoff.id, version: 1 }]);
  });

  it('leaves an assembled handoff alone, and marks a received one failed only once', async () => {
    const { calls, afterAssembled } = followUps();
    const markFailed = createAssemblyFailedHandler({ store, logger, afterAssembled });
    const assembled = (await store.recordHandoff(tenant.id, { conversation: makeConversation({ id: 'done' }), conversationId: 'done', assessment: makeAssessment() })).handoff;
    await store.advanceStatus(tenant.id, assembled.id, 1, { from: 'received', to: 'assembled' });
    const waiting = (await store.recordHandoff(tenant.id, { conversation: makeConversation({ id: 'waiting' }), conversationId: 'waiting', assessment: makeAssessment() })).handoff;

    await markFailed({ tenantId: tenant.id, handoffId: assembled.id });
    await Promise.all([1, 2, 3].map(() => markFailed({ tenantId: tenant.id, handoffId: waiting.id })));
    await markFailed({ tenantId: tenant.id, handoffId: 'not-a-uuid' });

    expect((await store.getHandoff(tenant.id, assembled.id))!.status).toBe('assembled');
    expect((await store.getHandoff(tenant.id, waiting.id))!.status).toBe('failed');
    expect(calls).toEqual([{ handoffId: waiting.id, version: 1 }]);
  });
});
