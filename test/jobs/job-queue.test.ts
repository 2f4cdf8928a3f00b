import pino from 'pino';
import { openDatabase } from '../../server/store/database';
import { createJobQueue, JOB_MAX_RUN_SECONDS, type JobQueue } from '../../server/jobs/job-queue';
import { modelJobMaxRunSeconds } from '../../server/runtime';
import type { Database } from '../../server/store/types';
import { RetryLater } from '../../server/jobs/retry-later';
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

  it('wakes its own idle workers when a job it sent commits, instead of waiting for their next poll', async () => {
    await queue.createQueues(['auto-wake-test']);
    const seen: Array<{ marker: string; at: number }> = [];
    // A poll so slow that only the wake-up can explain a prompt pickup.
    await queue.work<{ marker: string }>('auto-wake-test', async (data) => {
      seen.push({ marker: data.marker, at: Date.now() });
    }, { pollingIntervalSeconds: 30 });
    await sleep(500); // the worker's first (empty) fetch is done: it now sleeps for 30 s

    const sentAt = Date.now();
    await db.transaction((tx) => queue.sendInTransaction(tx, 'auto-wake-test', { marker: 'in-transaction' }));
    await waitFor('the job sent in a transaction', () => seen.some((s) => s.marker === 'in-transaction'), 5_000);
    await queue.send('auto-wake-test', { marker: 'outside' });
    await waitFor('the job sent outside a transaction', () => seen.some((s) => s.marker === 'outside'), 5_000);
    expect(seen.map((s) => s.marker)).toEqual(['in-transaction', 'outside']);
    expect(seen[1]!.at - sentAt).toBeLessThan(5_000);
  });

  it('runs after-commit callbacks only once the transaction committed, never after a rollback', async () => {
    const calls: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        tx.afterCommit?.(() => calls.push('rolled back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.transaction(async (tx) => {
      expect(tx.afterCommit).toEqual(expect.any(Function));
      tx.afterCommit!(() => calls.push('committed'));
      expect(calls).toEqual([]); // not before the commit
    });
    expect(calls).toEqual(['committed']);
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

  it('wake() has an idle worker fetch a job another process sent, which it would otherwise see only at its next poll', async () => {
    const second = backend.url ? await openDatabase({ url: backend.url, schema }) : db;
    const sender = await createJobQueue(second, { logger, schema: bossSchema, stopTimeoutMs: 5000 });
    await sender.start();
    try {
      await queue.createQueues(['wake-test']);
      const handled = new Map<string, number>();
      // A long interval makes the difference plain: polling alone would take up to 5 s.
      await queue.work<{ marker: string }>('wake-test', async (data) => {
        handled.set(data.marker, Date.now());
      }, { pollingIntervalSeconds: 5 });
      await sleep(300); // the worker's first (empty) fetch is done: it is asleep now

      // Sent by another queue instance (another process): nothing wakes this worker.
      const sent = Date.now();
      await second.transaction((tx) => sender.sendInTransaction(tx, 'wake-test', { marker: 'elsewhere' }));
      await sleep(1500);
      expect(handled.has('elsewhere')).toBe(false);

      queue.wake('wake-test');
      queue.wake('no-worker-here'); // a queue with no worker in this process: nothing happens
      await waitFor('the woken job', () => handled.has('elsewhere'), 4000);
      expect(handled.get('elsewhere')! - sent).toBeLessThan(3000);
    } finally {
      await sender.stop();
      if (second !== db) await second.close();
    }
  });

  it('sends jobs with their longest run as expiry, also on a queue that already exists (pg-boss keeps first settings otherwise)', async () => {
    const expiry = async () =>
      (await db.query<{ expire_seconds: number }>(`SELECT expire_seconds FROM ${bossSchema}.queue WHERE name = 'expiry-test'`)).rows[0]?.expire_seconds;
    await queue.createQueues(['expiry-test']);
    expect(await expiry()).toBe(JOB_MAX_RUN_SECONDS);
    await queue.createQueues(['expiry-test'], { maxRunSeconds: 615 });
    expect(await expiry()).toBe(615);
    expect(modelJobMaxRunSeconds(20_000)).toBe(35);
    expect(modelJobMaxRunSeconds(600_000)).toBe(615);
    expect(modelJobMaxRunSeconds(100)).toBe(JOB_MAX_RUN_SECONDS);
  });

  describe('leases and heartbeats', () => {
    // A second queue on the same database with a 1 s lease renewed every 0.2 s, so expiry shows
    // within a test; maintenance (which fails expired jobs) runs every second.
    let leased: JobQueue;
    const leasedSchema = `${schema}_lease`;
    beforeAll(async () => {
      leased = await createJobQueue(db, {
        logger,
        schema: leasedSchema,
        retryDelaySeconds: 0,
        retryLimit: 3,
        leaseSeconds: 1,
        heartbeatSeconds: 0.2,
        maintenanceIntervalSeconds: 1,
        stopTimeoutMs: 8000,
      });
      await leased.start();
    });
    afterAll(async () => {
      await leased?.stop();
    });

    const leasedRow = async (id: string) =>
      (await db.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM ${leasedSchema}.job WHERE id = $1`, [id])).rows[0];

    /** Seconds until pg-boss's maintenance would take the job for expired, and its stored expiry. */
    const deadline = async (id: string) => {
      const { rows } = await db.query<{ left: string; expiry: string }>(
        `SELECT EXTRACT(epoch FROM started_on + expire_in - now()) AS left, EXTRACT(epoch FROM expire_in) AS expiry FROM ${leasedSchema}.job WHERE id = $1`,
        [id],
      );
      return { left: Number(rows[0]?.left), expiry: Number(rows[0]?.expiry) };
    };

    it('moves a fetched job\'s deadline to one lease ahead and keeps renewing it while the job runs, which then runs once', async () => {
      await leased.createQueues(['long-job'], { maxRunSeconds: 30 });
      const starts: number[] = [];
      await leased.work('long-job', async () => {
        starts.push(Date.now());
        await sleep(4000); // four leases, with several maintenance passes looking for expired jobs
      }, { pollingIntervalSeconds: 0.5 });
      const id = (await leased.send('long-job', {}))!;
      await waitFor('the start', () => starts.length === 1);
      await sleep(1500);
      // A 1 s lease renewed every 0.2 s, not the 30 s longest run; the expiry itself is left alone.
      const { left, expiry } = await deadline(id);
      expect(left).toBeGreaterThan(0.5);
      expect(left).toBeLessThan(1.5);
      expect(expiry).toBe(30);
      await waitFor('completion', async () => (await leasedRow(id))?.state === 'completed', 15_000);
      expect(starts).toHaveLength(1);
      expect((await leasedRow(id))!.retry_count).toBe(0);
    });

    it('gives a retried job its whole longest run again, however short the leases of its first try', async () => {
      await leased.createQueues(['retried-job'], { maxRunSeconds: 30 });
      const runs: Array<'threw' | 'finished'> = [];
      await leased.work('retried-job', async () => {
        if (runs.length === 0) {
          await sleep(1500); // leases renewed during the first try
          runs.push('threw');
          throw new Error('first try fails');
        }
        await sleep(3000); // three leases: pg-boss's own timer must still allow the 30 s
        runs.push('finished');
      }, { pollingIntervalSeconds: 0.5 });
      const id = (await leased.send('retried-job', {}))!;
      await waitFor('completion', async () => (await leasedRow(id))?.state === 'completed', 20_000);
      expect(runs).toEqual(['threw', 'finished']);
      expect((await leasedRow(id))!.retry_count).toBe(1);
    });

    it('lets a job that hangs past its queue\'s longest run expire and be retried, heartbeats or not', async () => {
      await leased.createQueues(['hung-job'], { maxRunSeconds: 2 });
      const starts: number[] = [];
      await leased.work('hung-job', async () => {
        starts.push(Date.now());
        if (starts.length === 1) await sleep(6000); // hangs; the retry finishes at once
      }, { pollingIntervalSeconds: 0.5 });
      const sent = Date.now();
      const id = (await leased.send('hung-job', {}))!;
      await waitFor('the retry', () => starts.length >= 2, 15_000);
      expect(starts[1]! - sent).toBeGreaterThanOrEqual(2000);
      expect(starts[1]! - sent).toBeLessThan(6000);
      await waitFor('completion', async () => (await leasedRow(id))?.state === 'completed', 15_000);
    });

    it('retries a job whose process stopped renewing its lease within a lease and a maintenance pass', async () => {
      await leased.createQueues(['orphan-job'], { maxRunSeconds: 600 });
      const id = (await leased.send('orphan-job', {}, { startAfter: 3600 }))!;
      // What a process that fetched the job, moved its deadline one lease ahead and then died leaves.
      await db.query(`UPDATE ${leasedSchema}.job SET state = 'active', started_on = now() + interval '1 second' - expire_in, start_after = now() WHERE id = $1`, [id]);
      const orphaned = Date.now();
      let ranAt = 0;
      await leased.work('orphan-job', async () => {
        ranAt = Date.now();
      }, { pollingIntervalSeconds: 0.5 });
      await waitFor('the retry', () => ranAt > 0, 15_000);
      // Lease 1 s, maintenance every second, no retry delay, polling 0.5 s: well under the 600 s a
      // job expiring at its longest run would wait.
      expect(ranAt - orphaned).toBeLessThan(5000);
    });
  });

  it('runs a job that asked to wait (RetryLater) again later, without spending its retries', async () => {
    const noRetries = await createJobQueue(db, { logger, schema: `${schema}_later`, retryLimit: 0, stopTimeoutMs: 5000 });
    await noRetries.start();
    try {
      await noRetries.createQueues(['later-test']);
      const calls: number[] = [];
      await noRetries.work<{ n: number }>('later-test', async () => {
        calls.push(Date.now());
        if (calls.length < 3) throw new RetryLater('another job holds the claim', 1);
      }, { pollingIntervalSeconds: 0.5 });
      await noRetries.send('later-test', { n: 1 });
      await waitFor('the third call', () => calls.length === 3, 15_000);
      expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(900); // waited the second it asked for
      // The job and its two copies, each completed: none failed, so no retry was spent.
      await waitFor('every copy completed', async () => {
        const states = (await db.query<{ state: string }>(`SELECT state FROM ${schema}_later.job WHERE name = 'later-test'`)).rows.map((r) => r.state);
        return states.length === 3 && states.every((state) => state === 'completed');
      });
    } finally {
      await noRetries.stop();
    }
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
      // Long enough that a batch is still running when the other worker fetches.
      const worker = (label: string) => async (data: { n: number }) => {
        await sleep(20);
        handled.set(data.n, [...(handled.get(data.n) ?? []), label]);
      };
      await queue.work('many-test', worker('a'), { batchSize: 5, pollingIntervalSeconds: 0.5 });
      await otherQueue.work('many-test', worker('b'), { batchSize: 5, pollingIntervalSeconds: 0.5 });

      // Each process sends half: a send wakes the sender's own workers at once, so each process has
      // work in hand while the other fetches from the same table.
      const total = 60;
      const sendHalf = (sender: JobQueue, database: Database, first: number) =>
        database.transaction(async (tx) => {
          for (let n = first; n < total; n += 2) await sender.sendInTransaction(tx, 'many-test', { n });
        });
      await Promise.all([sendHalf(queue, db, 0), sendHalf(otherQueue, second, 1)]);
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

describe.each(backends())('stopping the job queue on $name', (backend) => {
  const schema = uniqueSchema(`${__filename}-stop`);
  const bossSchema = `${schema}_boss`;

  it('waits for a job whose fetch was still in flight when stop() was called, and runs it once', async () => {
    const db = await backend.open(schema);
    // A slow database round trip for pg-boss's fetch (its only statement that locks rows), so stop()
    // is called while the fetch has not returned yet.
    const slowFetches: Database = Object.create(db);
    slowFetches.query = async (text, params, options) => {
      if (/SKIP LOCKED/i.test(text)) await sleep(400);
      return db.query(text, params, options);
    };
    const queue = await createJobQueue(slowFetches, { logger, schema: bossSchema, stopTimeoutMs: 5000 });
    try {
      await queue.start();
      await queue.createQueues(['stop-test']);
      const finished: number[] = [];
      await queue.work<{ n: number }>('stop-test', async (data) => {
        await db.query('SELECT 1'); // the database is still open for a job that runs during stop()
        await sleep(100);
        finished.push(data.n);
      }, { pollingIntervalSeconds: 30 });
      await sleep(600); // the first, empty fetch is over: the worker sleeps for 30 s
      const id = (await queue.send('stop-test', { n: 7 }))!; // wakes the worker: a slow fetch begins
      await sleep(50);
      await queue.stop();
      expect(finished).toEqual([7]);
      const { rows } = await db.query<{ state: string }>(`SELECT state FROM ${bossSchema}.job WHERE id = $1`, [id]);
      expect(rows[0]!.state).toBe('completed');
    } finally {
      await queue.stop();
      await db.close();
      // pg-boss checks once a second whether a stopped worker's loop has ended; let that timer pass.
      await sleep(1100);
    }
  });
});
