import { HANDOFF_ASSEMBLE } from './job-names';
import type { JobQueue } from './job-queue';

/**
 * After a transaction that enqueued jobs on `name` has committed: wakes this process's workers of
 * that queue so they fetch now, instead of when their polling interval (0.5 s idle) next ends. A
 * queue without a `wake` (another process's, a test double) or with no worker here ignores it; the
 * job is still picked up by polling, only later.
 */
export function wakeWorkers(jobs: object | undefined, name: string): void {
  (jobs as Partial<Pick<JobQueue, 'wake'>> | undefined)?.wake?.(name);
}

/**
 * The ingest wake-up: call once `recordHandoff` has returned `created: true` (its transaction,
 * which enqueued `handoff-assemble`, has committed), e.g. in server/http/routes/create-handoff.ts
 * and server/jobs/helpdesk-event.ts. Saves the pickup wait between escalation and brief ready.
 */
export function assemblyEnqueued(jobs: object | undefined): void {
  wakeWorkers(jobs, HANDOFF_ASSEMBLE);
}
