import type pino from 'pino';
import { recordDeliveryFailure } from '../store/delivery-failures';
import { isUuid } from '../store/rows';
import type { Sql } from '../store/types';

/** pg-boss's schema in the server (createJobQueue's default); tests give each file its own. */
export const BOSS_SCHEMA = 'pgboss';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** What a dead-letter job carries: the failed job's own data (pg-boss copies it). */
export interface DeliveryJob {
  tenantId: string;
  handoffId: string;
}

export interface DeliveryFailedDeps<T extends DeliveryJob> {
  db: Sql;
  logger: pino.Logger;
  /** Where pg-boss keeps its jobs (the JobQueue's `schema`). */
  bossSchema: string;
  /** The queues whose dead letter this is; a failed job of one of them with the same data is the one. */
  queues: readonly string[];
  /** Named when pg-boss kept no record of the failed job (it is archived after days). */
  fallbackJob: string;
  /**
   * Whether what the job was to deliver arrived anyway, e.g. another job for the same alert posted
   * it while this one waited for its claim: then there is no failure to show.
   */
  delivered?: (data: T, queue: string) => Promise<boolean>;
}

/**
 * The newest failed job of the queues ($1) with this data ($2), whose handoffId is $3. pg-boss keeps
 * every job of a queue, done or not, for 12 hours before archiving it, and indexes none by state or
 * data: without FAILED_JOB_INDEX this read each of them (5.7 ms at 1,000 handoffs' jobs, 204 ms at
 * 100,000), and by state alone every failure of those hours. By handoff it reads that handoff's few.
 * pg-boss's output: { message } when our worker failed the job, { value: { message } } when its
 * maintenance did (the job outlived its expiry).
 */
export function lastFailureSql(bossSchema: string): string {
  return `SELECT name, COALESCE(output->>'message', output->'value'->>'message', output::text) AS error
     FROM ${bossSchema}.job
     WHERE name = ANY($1::text[]) AND state = 'failed' AND data->>'handoffId' = $3 AND data = $2::jsonb
     ORDER BY completed_on DESC LIMIT 1`;
}

/** The name of FAILED_JOB_INDEX on pg-boss's (partitioned) job table. */
export const FAILED_JOB_INDEX = 'baton_job_failed_handoff';

/**
 * Baton's one index on pg-boss's job table (made by JobQueue.start, on every queue's partition, the
 * ones created later too): failed jobs by queue and handoff, so lastFailure reads the failures of
 * one handoff and not every job its queues ran. Partial, so it costs nothing on the jobs that succeed.
 */
export function failedJobIndexSql(bossSchema: string): string {
  if (!SCHEMA_NAME.test(bossSchema)) throw new Error(`pg-boss schema "${bossSchema}" is not a plain identifier`);
  return `CREATE INDEX IF NOT EXISTS ${FAILED_JOB_INDEX} ON ${bossSchema}.job (name, (data->>'handoffId')) WHERE state = 'failed'`;
}

/**
 * The failed job pg-boss moved to this dead letter, and its last error: the dead-letter job holds
 * only the data, and our handlers are given nothing else (server/jobs/job-queue.ts). pg-boss inserts
 * the dead-letter job in the statement that marks the job failed, so the row is there to read; of
 * two failed jobs with the same data (two jobs for one alert), the later is the one just moved.
 */
export async function lastFailure(db: Sql, bossSchema: string, queues: readonly string[], data: DeliveryJob): Promise<{ queue: string; error: string } | null> {
  if (!SCHEMA_NAME.test(bossSchema)) throw new Error(`pg-boss schema "${bossSchema}" is not a plain identifier`);
  const { rows } = await db.query<{ name: string; error: string | null }>(lastFailureSql(bossSchema), [queues, JSON.stringify(data), data.handoffId]);
  const row = rows[0];
  return row ? { queue: row.name, error: row.error ?? 'no error recorded' } : null;
}

/**
 * A dead-letter worker for deliveries that follow a handoff (the note on the ticket, the Slack alert):
 * once a job has used up its retries, pg-boss moves its data here, and this records the job and its
 * last error on the handoff (delivery_failures, shown by GET /v1/handoffs/:id) and logs one error
 * line. Without it such a job would sit in pg-boss's failed state, seen by nobody.
 */
export function createDeliveryFailedHandler<T extends DeliveryJob>(deps: DeliveryFailedDeps<T>): (data: T) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: `${deps.fallbackJob}-failed`, tenant: data?.tenantId, handoff: data?.handoffId });
    if (!isUuid(data?.tenantId) || !isUuid(data?.handoffId)) {
      logger.error('job data needs tenantId and handoffId (uuids); skipped');
      return;
    }
    // The failure is recorded even when pg-boss's record cannot be read: that it failed matters most.
    const failure = await lastFailure(deps.db, deps.bossSchema, deps.queues, data).catch((err: unknown) => {
      logger.warn({ err, boss_schema: deps.bossSchema }, "could not read pg-boss's record of the failed job");
      return null;
    });
    const queue = failure?.queue ?? deps.fallbackJob;
    const error = failure?.error ?? 'unknown: pg-boss kept no record of the last try';
    if (await deps.delivered?.(data, queue)) {
      logger.info({ failed_job: queue }, 'a job used up its retries, but what it was to deliver arrived anyway; nothing recorded');
      return;
    }
    const recorded = await recordDeliveryFailure(deps.db, { tenantId: data.tenantId, handoffId: data.handoffId, job: queue, error });
    logger.error({ failed_job: queue, last_error: error, recorded }, `${queue} used up its retries for handoff ${data.handoffId}: ${error}`);
  };
}
