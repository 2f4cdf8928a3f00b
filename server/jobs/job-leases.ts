import type pino from 'pino';
import type { Database } from '../store/types';

/**
 * Leases on the jobs this process is running. pg-boss 10 has no heartbeat of its own: a job's expiry
 * is fixed when it is sent, so it has to be as long as the longest run, and a job held by a process
 * that died waited that long to be retried (30 s for assembly, 10 minutes for a model's brief). Here
 * a job's stored expiry is cut to a short lease as soon as it is fetched, and pushed forward every
 * few seconds while it runs here, never past its longest run. pg-boss's in-process timer still
 * reads the expiry the job was sent with, its longest run, so it does not cut a renewed job short.
 */
export class Leases {
  /** Job ids running in this process, per queue. */
  private readonly running = new Map<string, Set<string>>();
  private beating = false;

  constructor(
    private readonly db: Database,
    private readonly schema: string,
    private readonly leaseSeconds: number,
    private readonly maxRunSeconds: (queue: string) => number,
    private readonly logger: pino.Logger,
  ) {}

  /** Called with a batch just fetched: from now on a process that dies holds it for one lease at most. */
  async hold(queue: string, ids: readonly string[]): Promise<void> {
    let held = this.running.get(queue);
    if (!held) this.running.set(queue, (held = new Set()));
    for (const id of ids) held.add(id);
    await this.renew(queue, ids);
  }

  release(queue: string, ids: readonly string[]): void {
    const held = this.running.get(queue);
    for (const id of ids) held?.delete(id);
    if (held?.size === 0) this.running.delete(queue);
  }

  /** The heartbeat: renews every lease held here. A beat still in flight makes the next one skip. */
  async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      for (const [queue, held] of [...this.running]) await this.renew(queue, [...held]);
    } finally {
      this.beating = false;
    }
  }

  private async renew(queue: string, ids: readonly string[]): Promise<void> {
    try {
      // pg-boss fails an active job once started_on + expire_in has passed, so the expiry counts
      // from the job's start; capped at the queue's longest run, so a hung handler still expires.
      await this.db.query(
        `UPDATE ${this.schema}.job
            SET expire_in = LEAST(now() - started_on + $3 * interval '1 second', $4 * interval '1 second')
          WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
        [queue, ids, this.leaseSeconds, this.maxRunSeconds(queue)],
      );
    } catch (err) {
      // A missed renewal costs nothing while the next one comes within the lease; if none does, the
      // jobs are retried, which every handler allows.
      this.logger.warn({ err, queue }, 'could not renew the lease of running jobs');
    }
  }
}
