import PgBoss from 'pg-boss';
import type pino from 'pino';
import type { Database, Sql } from '../store/types';
import { bossDb } from './boss-adapter';
import { isConnectionFailure } from '../store/connection-failure';
import { JOB_NAME_PATTERN } from './job-names';
import { Leases } from './job-leases';
import { RetryLater } from './retry-later';
import { BOSS_SCHEMA, failedJobIndexSql } from './failed-jobs';

export interface SendOptions {
  /**
   * pg-boss `singletonKey`. On our queues (policy `standard`) it only labels the job: pg-boss 10
   * deduplicates by key only with a singleton/stately policy or `singletonSeconds`.
   */
  singletonKey?: string;
  /** Seconds from now, or a time. */
  startAfter?: number | Date;
  retryLimit?: number;
}

export interface WorkOptions {
  /** Jobs fetched and run at once per poll. */
  batchSize?: number;
  /**
   * pg-boss's minimum is 0.5 (default 2). pg-boss waits this long between fetches even after a full
   * batch, so one worker handles at most batchSize jobs per interval.
   */
  pollingIntervalSeconds?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * The longest a job may run (a queue may set its own, see CreateQueueOptions.maxRunSeconds): past it,
 * heartbeats stop and pg-boss fails the job and retries it, so a handler that hangs does not hold its
 * job forever. Assembly takes milliseconds and its connector calls time out well within this.
 */
export const JOB_MAX_RUN_SECONDS = 30;
/**
 * How long a job stays `active` without a heartbeat before pg-boss's maintenance fails it and
 * retries it. This, not the longest run, bounds how late a job held by a process that died is picked
 * up again on Postgres: at most a lease after the last heartbeat (itself at most a heartbeat period
 * before the process died), a maintenance pass (3–6 s), the first retry delay (2–4 s) and a worker's
 * idle poll (2 s): under 30 s, whatever the queue's longest run (10 minutes for a model's brief).
 */
export const JOB_LEASE_SECONDS = 15;
/**
 * How often a process renews the lease of the jobs it is running. A third of the lease, so two
 * heartbeats can be late (a busy database, a long garbage collection) before a live job expires.
 */
export const JOB_HEARTBEAT_SECONDS = 5;
/**
 * How often pg-boss looks for expired jobs (and archives old ones); pg-boss's default is 120 s.
 * pg-boss runs a pass only when more than this has passed since the last one, on a timer of this
 * same period, so about every other tick finds it too early: passes come every 3 or 6 s.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 3;
/**
 * Idle polling. A job sent by this process wakes its workers for that queue as soon as it is visible
 * (see wake()), and a worker that found jobs fetches again at once, so the interval only bounds how
 * late a job sent by ANOTHER process (a separate `npm run worker`, a restart) is picked up. Each poll
 * is a statement on the database; on embedded PGlite, where every statement runs on the one thread
 * that also serves requests, eight queues polled twice a second cost more than the requests.
 */
export const POLLING_INTERVAL_SECONDS = 2;

export interface JobQueue {
  start(): Promise<void>;
  /** Stops fetching, waits for running jobs (up to `stopTimeoutMs`), and leaves the database open. */
  stop(): Promise<void>;
  /**
   * Creates the queues (idempotent) with retries and exponential backoff, and sets an existing
   * queue's expiry to its longest run (CreateQueueOptions.maxRunSeconds): pg-boss keeps the settings
   * a queue was first created with, so a changed one would otherwise never reach it. A job's deadline
   * is moved to a lease (JOB_LEASE_SECONDS) ahead once it is fetched, and this process's workers renew it
   * (a heartbeat) until the job finishes or reaches its longest run.
   */
  createQueues(names: readonly string[], options?: CreateQueueOptions): Promise<void>;
  /**
   * Inserts the job through `tx`, so it commits or rolls back with the caller's transaction; once it
   * has committed, this process's workers for `name` fetch at once.
   */
  sendInTransaction(tx: Sql, name: string, data: object, options?: SendOptions): Promise<string | null>;
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for each job; a throw fails that job alone, which pg-boss retries with backoff. */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<string>;
  /**
   * Fails every job left `active` so that pg-boss retries it (after its retry delay, seconds). Only
   * for a database no other live process works on, at start-up: the embedded one, whose DATA_DIR lock
   * this process holds, so any active job belonged to a process that died (kill -9, OOM, power).
   * Returns how many were released.
   */
  releaseAbandoned(reason: string): Promise<number>;
  /**
   * Wakes this process's workers of queue `name` from their polling sleep, so a job just committed
   * is fetched now rather than up to a polling interval later; a process with no worker on `name`
   * ignores it. send() and sendInTransaction() (once its transaction commits) do it themselves.
   */
  wake(name: string): void;
}

export interface CreateQueueOptions {
  /** The longest a job of these queues may run (default: the queue's JobQueueOptions.maxRunSeconds). */
  maxRunSeconds?: number;
  /**
   * Per queue, the queue its jobs move to once their retries are used up (pg-boss's `deadLetter`),
   * set on an existing queue too. The dead-letter queue must be created first (or in the same call,
   * before the queue naming it).
   */
  deadLetters?: Readonly<Partial<Record<string, string>>>;
}

export interface JobQueueOptions {
  logger: pino.Logger;
  /** pg-boss's own schema (default `pgboss`). */
  schema?: string;
  /** Retry policy for queues made by createQueues. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** The longest a job may run unless its queue says otherwise (default JOB_MAX_RUN_SECONDS). */
  maxRunSeconds?: number;
  /** How long a job stays active without a heartbeat (default JOB_LEASE_SECONDS). */
  leaseSeconds?: number;
  /** How often running jobs' leases are renewed (default JOB_HEARTBEAT_SECONDS). */
  heartbeatSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** How long stop() waits for running jobs. */
  stopTimeoutMs?: number;
}

function checkName(name: string): void {
  if (!JOB_NAME_PATTERN.test(name)) {
    throw new Error(`job name "${name}" must match ${JOB_NAME_PATTERN} (lowercase letters, digits, hyphens)`);
  }
}

/** pg-boss's own SQL for marking jobs completed or failed by id (pg-boss/src/plans.js, no typings). */
const bossPlans = require('pg-boss/src/plans') as { completeJobs(schema: string): string; failJobsById(schema: string): string };

/**
 * What this process's job queue is doing: handlers running and pg-boss statements pending, so
 * stop() can tell when it is quiet.
 *
 * pg-boss 10 marks a job completed or failed without awaiting the statement, so a rejection there
 * has no handler and Node ends the process: a database that restarts, or a queue closed by stop(),
 * as a job finishes would take every request in flight with it. Those two statements therefore
 * never reject for a lost connection or after close: they report no job changed, and the job, still
 * active, is retried after its expiry (or at the next start). Any other statement rejects as usual.
 */
class QueueActivity {
  private busy = 0;
  private closed = false;
  private readonly settling: Set<string>;

  constructor(
    schema: string,
    private readonly logger: pino.Logger,
  ) {
    this.settling = new Set([bossPlans.completeJobs(schema), bossPlans.failJobsById(schema)]);
  }

  async running<T>(fn: () => Promise<T>): Promise<T> {
    this.busy += 1;
    try {
      return await fn();
    } finally {
      this.busy -= 1;
    }
  }

  watch(inner: PgBoss.Db): PgBoss.Db {
    return {
      executeSql: async (text, values) => {
        const settles = this.settling.has(text);
        // The shape pg-boss reads a completion's result from: how many jobs it changed.
        const nothingChanged = { rows: settles ? [{ count: '0' }] : [] };
        if (this.closed) return nothingChanged;
        try {
          return await this.running(() => inner.executeSql(text, values));
        } catch (err) {
          if (!settles || !isConnectionFailure(err)) throw err;
          this.logger.warn({ err }, 'the database went away as a job finished; it stays active and runs again after its expiry');
          return nothingChanged;
        }
      },
    };
  }

  async settled(deadline: number): Promise<void> {
    while (this.busy > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  close(): void {
    this.closed = true;
  }
}

function toBossOptions(options: SendOptions | undefined, db?: PgBoss.Db): PgBoss.SendOptions {
  const result: PgBoss.SendOptions = {};
  if (options?.singletonKey !== undefined) result.singletonKey = options.singletonKey;
  if (options?.startAfter !== undefined) result.startAfter = options.startAfter;
  if (options?.retryLimit !== undefined) result.retryLimit = options.retryLimit;
  if (db) result.db = db;
  return result;
}

/**
 * Postgres errors that mean another process is installing pg-boss's schema or creating the same
 * queue at this very moment (seen about 1 start in 10 with two processes on a fresh database):
 * unique_violation on pg_namespace, and a deadlock between two queue-partition creations. The loser
 * finds the work done on a second try.
 */
const START_RACE_CODES = new Set(['23505', '40P01']);
const START_ATTEMPTS = 4;

async function retryStartRace<T>(what: string, logger: pino.Logger, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= START_ATTEMPTS || typeof code !== 'string' || !START_RACE_CODES.has(code)) throw err;
      logger.warn({ err, attempt }, `${what} raced another process; retrying`);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 250 * attempt));
    }
  }
}

/**
 * Jobs on pg-boss 10 in the same database as our tables, so a job can be inserted in the transaction
 * that records its cause. Works on PGlite and Postgres through the same small SQL adapter.
 */
export async function createJobQueue(db: Database, options: JobQueueOptions): Promise<JobQueue> {
  const logger = options.logger.child({ component: 'jobs' });
  const schema = options.schema ?? BOSS_SCHEMA;
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  const activity = new QueueActivity(schema, logger);
  const makeBoss = () => {
    const instance = new PgBoss({
      db: activity.watch(bossDb(db)),
      schema,
      // Cron schedules are not used; skipping them spares a polling loop (and PGlite's one connection).
      schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? MAINTENANCE_INTERVAL_SECONDS,
    });
    // Without a listener an 'error' event would crash the process; pg-boss keeps polling after one.
    instance.on('error', (error) => logger.error({ err: error }, 'job queue error'));
    return instance;
  };
  let boss = makeBoss();
  /** This process's pg-boss worker ids per queue, to wake them when a job is sent here. */
  const localWorkers = new Map<string, string[]>();
  const wake = (name: string) => {
    for (const workerId of localWorkers.get(name) ?? []) boss.notifyWorker(workerId);
  };

  const retryPolicy = {
    retryLimit: options.retryLimit ?? 5,
    // With backoff pg-boss waits 1-2x this before the first retry, then doubles it.
    retryDelay: options.retryDelaySeconds ?? 2,
    retryBackoff: true,
  };
  const defaultMaxRunSeconds = options.maxRunSeconds ?? JOB_MAX_RUN_SECONDS;
  const leaseSeconds = options.leaseSeconds ?? JOB_LEASE_SECONDS;
  /** The longest run of each queue created by this process; others get the default. */
  const maxRunSeconds = new Map<string, number>();
  const leases = new Leases(db, schema, leaseSeconds, (name) => maxRunSeconds.get(name) ?? defaultMaxRunSeconds, logger);
  let heartbeatTimer: NodeJS.Timeout | undefined;

  /**
   * A job whose handler threw RetryLater: a copy is sent to run later and the job itself completes
   * (pg-boss completes what was not failed). Between the two a crash leaves both, which the claims
   * the handlers take make harmless. False when the copy could not be sent: the job then fails as usual.
   */
  const sendLater = async (name: string, job: PgBoss.Job<object>, reason: RetryLater): Promise<boolean> => {
    try {
      await boss.send(name, job.data, { startAfter: Math.max(1, Math.ceil(reason.seconds)) });
      logger.info({ job: job.id, queue: name, reason: reason.message, seconds: reason.seconds }, 'job waits for another; sent again for later');
      return true;
    } catch (err) {
      logger.warn({ err, job: job.id, queue: name }, 'could not send a job again for later; failing it instead');
      return false;
    }
  };

  return {
    async start() {
      let first = true;
      await retryStartRace('starting the job queue', logger, async () => {
        // A pg-boss instance whose start() failed cannot be started again: each try gets a new one.
        if (!first) boss = makeBoss();
        first = false;
        await boss.start();
      });
      // pg-boss made its tables (or found them): add the index lastFailure reads by. Two processes
      // starting at once race on its name as on pg-boss's schema; the loser finds it made.
      await retryStartRace('indexing failed jobs', logger, () => db.exec(failedJobIndexSql(schema)));
      const everyMs = (options.heartbeatSeconds ?? JOB_HEARTBEAT_SECONDS) * 1000;
      heartbeatTimer = setInterval(() => void leases.beat(), everyMs);
      heartbeatTimer.unref();
    },

    async stop() {
      const deadline = Date.now() + stopTimeoutMs;
      await boss.stop({ graceful: true, close: false, timeout: stopTimeoutMs });
      // pg-boss's graceful stop waits only for workers that hold jobs. A fetch in flight when it was
      // called returns its jobs afterwards and runs them, and pg-boss completes a job without
      // awaiting the statement: either would reach a database the caller closes next. Wait until
      // none of our handlers runs and none of pg-boss's statements is pending (its workers, told to
      // stop, fetch nothing more), within the same time budget.
      await activity.settled(deadline);
      // Past the budget, what pg-boss still sends is dropped: those jobs stay active and are
      // retried after their expiry, or at the next start (releaseAbandoned).
      clearInterval(heartbeatTimer);
      activity.close();
    },

    async createQueues(names, queueOptions = {}) {
      const maxRun = queueOptions.maxRunSeconds ?? defaultMaxRunSeconds;
      // Jobs are sent with their longest run as expiry, which pg-boss's in-process timer reads;
      // Leases moves a fetched job's deadline to a lease ahead (job-leases.ts).
      const policy = { ...retryPolicy, expireInSeconds: maxRun };
      for (const name of names) {
        checkName(name);
        maxRunSeconds.set(name, maxRun);
        const deadLetter = queueOptions.deadLetters?.[name];
        if (deadLetter !== undefined) checkName(deadLetter);
        const settings = { ...policy, ...(deadLetter !== undefined ? { deadLetter } : {}) };
        await retryStartRace(`creating queue ${name}`, logger, () => boss.createQueue(name, { name, ...settings }));
        await boss.updateQueue(name, { name, expireInSeconds: settings.expireInSeconds, ...(deadLetter !== undefined ? { deadLetter } : {}) });
      }
    },

    async sendInTransaction(tx, name, data, sendOptions) {
      checkName(name);
      const id = await boss.send(name, data, toBossOptions(sendOptions, bossDb(tx)));
      // Before the commit the job is invisible to a fetch; a delayed job waits for its time anyway.
      if (sendOptions?.startAfter === undefined) tx.afterCommit?.(() => wake(name));
      return id;
    },

    async send(name, data, sendOptions) {
      checkName(name);
      const id = await boss.send(name, data, toBossOptions(sendOptions));
      if (sendOptions?.startAfter === undefined) wake(name);
      return id;
    },

    async work<T extends object>(name: string, handler: JobHandler<T>, workOptions: WorkOptions = {}) {
      checkName(name);
      const bossWorkOptions: PgBoss.WorkOptions = {
        pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? POLLING_INTERVAL_SECONDS,
      };
      // pg-boss's own default batch is one job.
      const batchSize = workOptions.batchSize ?? 1;
      bossWorkOptions.batchSize = batchSize;
      let workerId: string | undefined;
      workerId = await boss.work<T>(name, bossWorkOptions, async (jobs) => {
        // pg-boss 10 sleeps its polling interval after every fetch, even a full one (one batch per
        // interval however long the queue). A worker whose batch came back full asks for the next one
        // at once; a partial batch means the queue is drained, and new jobs sent by this process wake
        // it (wake()), so it does not spend a statement on a fetch that would come back empty.
        if (jobs.length >= batchSize && workerId) boss.notifyWorker(workerId);
        // pg-boss fails a whole batch when its handler throws; each job settles alone instead, and
        // only the failed ones are marked failed (pg-boss then completes the rest, still active).
        const ids = jobs.map((job) => job.id);
        let results: PromiseSettledResult<void>[];
        try {
          results = await activity.running(async () => {
            // The lease is cut while the handlers start, not before: it never fails, and a handler
            // need not wait a round trip for it.
            const [, settled] = await Promise.all([leases.hold(name, ids), Promise.allSettled(jobs.map((job) => handler(job.data)))]);
            return settled;
          });
        } finally {
          leases.release(name, ids);
        }
        const failed = results.flatMap((result, i) => (result.status === 'rejected' ? [{ job: jobs[i]!, error: result.reason }] : []));
        for (const { job, error } of failed) {
          if (error instanceof RetryLater && (await sendLater(name, job, error))) continue;
          logger.warn({ err: error, job: job.id, queue: name }, 'job failed; pg-boss retries it with backoff');
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      });
      localWorkers.set(name, [...(localWorkers.get(name) ?? []), workerId]);
      return workerId;
    },

    wake,

    async releaseAbandoned(reason) {
      const { rows } = await db.query<{ name: string; id: string }>(`SELECT name, id FROM ${schema}.job WHERE state = 'active'`);
      // pg-boss's own fail: the retry count, limit, backoff and dead letters behave as for any failure.
      for (const row of rows) await boss.fail(row.name, row.id, { message: reason });
      return rows.length;
    },
  };
}
