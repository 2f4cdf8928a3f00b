import pino from 'pino';
import { openDatabase } from '../../server/store/database';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import type { Database } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { sleep, waitFor } from './wait-for';

const logger = pino({ level: 'silent' });

describe.each(backends())('job queue on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  const bossSchema = `${schema}_boss`;
  let db: Database;
  let queue: JobQueue;

  async function jobRow(id: string): Promise<{ state: string; retry_count: number } | undefined> {
    const { rows } = await db.query<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM ${bossSchema}.job WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  beforeAll(async () => {
    db = await backend.open(schema);
    queue = await createJobQueue(db, { logger, schema: bossSchema, retryDelaySeconds: 1, stopTimeoutMs: 5000 });
    await queue.start();
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.close();
  });

  it('never runs a job sent in a rolled-back transaction, and runs a committed one exactly once', async () => {
    await queue.createQueues(['tx-test']);
    const seen: string[] = [];
    await queue.work<{ marker: string }>('tx-test', async (data) => {
      seen.push(data.marker);
    }, { pollingIntervalSeconds: 0.5 });

    let rolledBackId: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        rolledBackId = await queue.sendInTransaction(tx, 'tx-test', { marker: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(rolledBackId).toEqual(expect.any(String));

    const committedId = await db.transaction((tx) => queue.sendInTransaction(tx, 'tx-test', { marker: 'committed' }));
    await waitFor('the committed job', () => seen.includes('committed'));
    await sleep(1500); // a few more polls: nothing else may run
    expect(seen).toEqual(['committed']);
    expect(await jobRow(rolledBackId!)).toBeUndefined();
    await waitFor('completion', async () => (await jobRow(committedId!))?.state === 'completed');
  });

  it('retries a failed job with backoff until it succeeds', async () => {
    await queue.createQueues(['retry-test']);
    const attempts: number[] = [];
    await queue.work('retry-test', async () => {
      attempts.push(Date.now());
      if (attempts.length < 2) throw new Error('transient');
    }, { pollingIntervalSeconds: 0.5 });
    const id = await queue.send('retry-test', { n: 1 });
    await waitFor('the retry to succeed', async () => (await jobRow(id!))?.state === 'completed');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900); // retryDelay 1s
    expect((await jobRow(id!))!.retry_count).toBe(1);
  });

  it('fails only the job that threw when jobs run in a batch', async () => {
    await queue.createQueues(['batch-test']);
    await queue.work<{ n: number }>('batch-test', async (data) => {
      if (data.n === 2) throw new Error('bad job');
    }, { batchSize: 5, pollingIntervalSeconds: 0.5 });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await queue.send('batch-test', { n }, { retryLimit: 0 }))!);
    await waitFor('all three to settle', async () => {
      const states = await Promise.all(ids.map(async (id) => (await jobRow(id))?.state));
      return states.every((state) => state === 'completed' || state === 'failed');
    });
    const states = await Promise.all(ids.map(async (id) => (await jobRow(id))!.state));
    expect(states).toEqual(['completed', 'failed', 'completed']);
  });

  it('drains a backlog faster than one batch per polling interval (pg-boss 10 sleeps after every fetch)', async () => {
    await queue.createQueues(['drain-test']);
    let handled = 0;
    const total = 40;
    await db.transaction(async (tx) => {
      for (let n = 0; n < total; n += 1) await queue.sendInTransaction(tx, 'drain-test', { n });
    });
    const started = Date.now();
    // A 5 s interval: without asking for the next batch at once, 40 jobs in batches of 4 take 45 s.
    await queue.work('drain-test', async () => {
      handled += 1;
    }, { batchSize: 4, pollingIntervalSeconds: 5 });
    await waitFor('the backlog to drain', () => handled === total, 25_000);
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('retries jobs a dead process left active, when told the database is ours alone', async () => {
    await queue.createQueues(['abandon-test']);
    const id = (await queue.send('abandon-test', { n: 1 }))!;
    // What a process killed mid-job leaves behind: the job active, started, never finished.
    await db.query(`UPDATE ${bossSchema}.job SET state = 'active', started_on = now() WHERE id = $1`, [id]);
    expect(await queue.releaseAbandoned('process died')).toBe(1);
    expect((await jobRow(id))!.state).toBe('retry');
    const seen: number[] = [];
    await queue.work<{ n: number }>('abandon-test', async (data) => {
      seen.push(data.n);
    }, { pollingIntervalSeconds: 0.5 });
    await waitFor('the released job to run', async () => (await jobRow(id))?.state === 'completed', 20_000);
    expect(seen).toEqual([1]);
    expect(await queue.releaseAbandoned('process died')).toBe(0);
  });

  it('wake() has an idle worker fetch a just-committed job at once instead of after its polling interval', async () => {
    await queue.createQueues(['wake-test']);
    const handled = new Map<string, number>();
    // A long interval makes the difference plain: polling alone would take up to 5 s.
    await queue.work<{ marker: string }>('wake-test', async (data) => {
      handled.set(data.marker, Date.now());
    }, { pollingIntervalSeconds: 5 });
    await sleep(300); // the worker's first (empty) fetch is done: it is asleep now

    const sent = Date.now();
    await db.transaction((tx) => queue.sendInTransaction(tx, 'wake-test', { marker: 'woken' }));
    queue.wake('wake-test');
    queue.wake('no-worker-here'); // a queue with no worker in this process: nothing happens
    await waitFor('the woken job', () => handled.has('woken'), 4000);
    expect(handled.get('woken')! - sent).toBeLessThan(1500);

    // Without wake() the same worker waits out its interval (so the check above can fail).
    await sleep(300);
    const unsent = Date.now();
    await db.transaction((tx) => queue.sendInTransaction(tx, 'wake-test', { marker: 'polled' }));
    await sleep(1500);
    expect(handled.has('polled')).toBe(false);
    await waitFor('the polled job', () => handled.has('polled'), 8000);
    expect(handled.get('polled')! - unsent).toBeGreaterThanOrEqual(1500);
  });

  it('refuses a queue name pg-boss could reject', async () => {
    await expect(queue.createQueues(['Bad Name!'])).rejects.toThrow(/job name "Bad Name!"/);
    await expect(queue.send('bad name', {})).rejects.toThrow(/job name/);
  });

  it('hands every job to exactly one of two workers sharing the database', async () => {
    const second = backend.url ? await openDatabase({ url: backend.url, schema }) : db;
    const otherQueue = await createJobQueue(second, { logger, schema: bossSchema, stopTimeoutMs: 5000 });
    await otherQueue.start();
    try {
      await queue.createQueues(['many-test']);
      const handled = new Map<number, string[]>();
      const worker = (label: string) => async (data: { n: number }) => {
        await sleep(2);
        handled.set(data.n, [...(handled.get(data.n) ?? []), label]);
      };
      await queue.work('many-test', worker('a'), { batchSize: 5, pollingIntervalSeconds: 0.5 });
      await otherQueue.work('many-test', worker('b'), { batchSize: 5, pollingIntervalSeconds: 0.5 });

      const total = 60;
      await db.transaction(async (tx) => {
        for (let n = 0; n < total; n += 1) await queue.sendInTransaction(tx, 'many-test', { n });
      });
      await waitFor('every job', () => handled.size === total, 25_000);
      await sleep(1500);
      const labels = [...handled.values()];
      expect(labels.every((l) => l.length === 1)).toBe(true);
      expect(handled.size).toBe(total);
      const byA = labels.filter((l) => l[0] === 'a').length;
      // Both workers took part; the split itself depends on timing.
      expect(byA).toBeGreaterThan(0);
      expect(byA).toBeLessThan(total);
    } finally {
      await otherQueue.stop();
      if (second !== db) await second.close();
    }
  });
});
