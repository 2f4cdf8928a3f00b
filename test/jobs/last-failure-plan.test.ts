import { SLACK_DEAD_LETTERS, SLACK_DELIVERY_JOBS, SLACK_JOB_NAMES } from '../../integrations/slack/alerts';
import { FAILED_JOB_INDEX, lastFailureSql } from '../../server/jobs/failed-jobs';
import { DEAD_LETTERS, HELPDESK_WRITE_BACK, JOB_NAMES } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { createLogger } from '../../server/logger';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { scansOf } from '../store/plans';

/**
 * A dead letter's worker looks up the failed job it came from (lastFailure). pg-boss keeps every job
 * of a queue for hours, done or not, and indexes none by state: the look-up must read failed jobs
 * by the index JobQueue.start adds, not every job its queues ran (a plan, not a time).
 */
describe.each(backends())("the dead letters' look-up of the failed job, on $name", (backend) => {
  const schema = uniqueSchema(__filename);
  const bossSchema = `${schema}_boss`;
  let db: Database;
  let queue: JobQueue;

  beforeAll(async () => {
    db = await backend.open(schema);
    const logger = createLogger(loadConfig({}), { write: () => undefined });
    queue = await createJobQueue(db, { logger, schema: bossSchema, stopTimeoutMs: 2000 });
    await queue.start();
    await queue.createQueues(JOB_NAMES, { deadLetters: DEAD_LETTERS });
    await queue.createQueues(SLACK_JOB_NAMES, { deadLetters: SLACK_DEAD_LETTERS });
  }, 120_000);
  afterAll(async () => {
    await queue?.stop();
    await db?.exec(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    await db?.close();
  });

  it.each([[[HELPDESK_WRITE_BACK]], [[...SLACK_DELIVERY_JOBS]]])("reads one handoff's failed jobs of %j by index, among 2,000 jobs", async (queues: string[]) => {
    // As pg-boss leaves them: done jobs kept until archived, and failed ones (one in four) with their error.
    await db.query(
      `INSERT INTO ${bossSchema}.job (name, data, state, started_on, completed_on, output)
       SELECT q, jsonb_build_object('tenantId', gen_random_uuid(), 'handoffId', gen_random_uuid()),
              CASE WHEN n % 4 = 0 THEN 'failed' ELSE 'completed' END::${bossSchema}.job_state,
              now() - interval '1 hour', now() - n * interval '1 second',
              CASE WHEN n % 4 = 0 THEN '{"message":"Request failed with status code 503"}'::jsonb END
       FROM unnest($1::text[]) q, generate_series(1, 2000) n`,
      [queues],
    );
    await db.exec(`ANALYZE ${bossSchema}.job`);
    const data = { tenantId: '00000000-0000-4000-8000-000000000001', handoffId: '00000000-0000-4000-8000-000000000002' };
    const scans = await scansOf(db, lastFailureSql(bossSchema), [queues, JSON.stringify(data), data.handoffId], /^j[0-9a-f]{56}$/);
    expect(scans).toHaveLength(queues.length);
    // Each partition's copy of the index, as Postgres named it.
    const { rows } = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
      [`${bossSchema}.${FAILED_JOB_INDEX}`],
    );
    const copies = rows.map((row) => row.name);
    for (const scan of scans) expect(copies).toContain(scan.index);
  });
});
