import pino from 'pino';
import { createJobQueue } from '../../server/jobs/job-queue';
import { postgresBackend, uniqueSchema } from '../helpers/database';
import { TcpProxy } from '../helpers/tcp-proxy';
import { sleep, waitFor } from './wait-for';

const url = process.env.TEST_DATABASE_URL;

/**
 * pg-boss 10 marks a job completed, or failed, without awaiting the statement. When the database is
 * gone at that moment the statement's rejection has no handler, and Node ends the process on an
 * unhandled rejection: every request in flight lost to a database restart. The job must instead stay
 * active, to be retried after its expiry.
 */
if (url) describe('the database goes away as a job finishes (Postgres)', () => {
  const schema = uniqueSchema(__filename);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));

  it('leaves no unhandled rejection, and the job runs again once the database is back', async () => {
    const { proxy, url: viaProxy } = await TcpProxy.inFrontOf(url!);
    const db = await postgresBackend(viaProxy).open(schema);
    const queue = await createJobQueue(db, { logger: pino({ level: 'silent' }), schema: `${schema}_boss`, maxRunSeconds: 1, maintenanceIntervalSeconds: 1, stopTimeoutMs: 3000 });
    try {
      await queue.start();
      await queue.createQueues(['lost-test']);
      const runs: number[] = [];
      await queue.work<{ n: number }>('lost-test', async (data) => {
        runs.push(data.n);
        // The first run ends just as the database goes away: pg-boss's completion cannot reach it.
        if (runs.length === 1) proxy.cut();
      }, { pollingIntervalSeconds: 0.5 });
      await queue.send('lost-test', { n: 1 });
      await waitFor('the first run', () => runs.length === 1, 10_000);
      await sleep(1000);
      expect(unhandled).toEqual([]);
      proxy.restore();
      await waitFor('the run after expiry', () => runs.length === 2, 30_000);
      expect(runs).toEqual([1, 1]);
      expect(unhandled).toEqual([]);
    } finally {
      proxy.restore();
      await queue.stop();
      await db.close(); // drops the schemas, through the restored proxy
      await proxy.close();
      // pg-boss checks once a second whether a stopped worker's loop has ended; let that timer pass.
      await sleep(1100);
    }
  });
});
