import type pino from 'pino';
import type { Database } from '../store/types';

/**
 * Leases on the jobs this process is running. pg-boss 10 has no heartbeat of its own: a job expires
 * once `started_on + expire_in` has passed, with `expire_in` fixed when the job is sent, so it has to
 * be as long as the longest run, and a job held by a process that died waited that long to be
 * retried (30 s for assembly, 10 minutes for a model's brief).
 *
 * Here the deadline is moved instead of the expiry: as soon as a job is fetched, and every few
 * seconds while it runs here, its `started_on` is set to `now() + lease - expire_in`, so it expires
 * one lease after the last renewal. Renewals stop once a lease would reach past the job's longest
 * run, so a hung handler still expires then. `expire_in` itself is never changed: pg-boss's
 * in-process timer reads it (for a retry too, which copies the row), and must keep allowing the
 * longest run. `started_on` therefore reads up to a longest run minus a lease earlier than the job
 * really started; pg-boss only reports it, and the next fetch sets it anew.
 */
export class Leases {
  /** Job ids running in this process, per queue, with when each was fetched (performance.now()). */
  private readonly running = new Map<string, Map<string, number>>();
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
    if (!held) this.running.set(queue, (held = new Map()));
    const now = performance.now();
    for (const id of ids) held.set(id, now);
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
      for (const [queue, held] of [...this.running]) await this.renew(queue, [...held.keys()]);
    } finally {
      this.beating = false;
    }
  }

  private async renew(queue: string, ids: readonly string[]): Promise<void> {
    const held = this.running.get(queue);
    // Measured on this process's clock, not the database's: the two need not agree.
    const lastRenewal = (this.maxRunSeconds(queue) - this.leaseSeconds) * 1000;
    const now = performance.now();
    const renewable = ids.filter((id) => {
      const fetched = held?.get(id);
      return fetched !== undefined && now - fetched < lastRenewal;
    });
    if (renewable.length === 0) return;
    try {
      await this.db.query(
        `UPDATE ${this.schema}.job
            SET started_on = now() + $3 * interval '1 second' - expire_in
          WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
        [queue, renewable, this.leaseSeconds],
      );
    } catch (err) {
      // A missed renewal costs nothing while the next one comes within the lease; if none does, the
      // jobs are retried, which every handler allows.
      this.logger.warn({ err, queue }, 'could not renew the lease of running jobs');
    }
  }
}
