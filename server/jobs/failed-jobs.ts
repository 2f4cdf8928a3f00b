import { checkSchemaName } from '../store/database';
import type { Sql } from '../store/types';

/**
 * What Baton reads of pg-boss's own job table beyond pg-boss's API: the failed job behind a dead
 * letter, whose last error the dead-letter job does not carry, and the one index that makes that
 * read cheap. Kept apart from the dead-letter handler so that the job queue, which makes the index
 * at start, does not depend on a handler.
 */

/** pg-boss's schema in the server (createJobQueue's default); tests give each file its own. */
export const BOSS_SCHEMA = 'pgboss';

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
  checkSchemaName(bossSchema);
  return `CREATE INDEX IF NOT EXISTS ${FAILED_JOB_INDEX} ON ${bossSchema}.job (name, (data->>'handoffId')) WHERE state = 'failed'`;
}

/**
 * The failed job pg-boss moved to this dead letter, and its last error: the dead-letter job holds
 * only the data, and our handlers are given nothing else (server/jobs/job-queue.ts). pg-boss inserts
 * the dead-letter job in the statement that marks the job failed, so the row is there to read; of
 * two failed jobs with the same data (two jobs for one alert), the later is the one just moved.
 */
export async function lastFailure(db: Sql, bossSchema: string, queues: readonly string[], data: { handoffId: string }): Promise<{ queue: string; error: string } | null> {
  checkSchemaName(bossSchema);
  const { rows } = await db.query<{ name: string; error: string | null }>(lastFailureSql(bossSchema), [queues, JSON.stringify(data), data.handoffId]);
  const row = rows[0];
  return row ? { queue: row.name, error: row.error ?? 'no error recorded' } : null;
}
