/**
 * Thrown by a job handler that cannot do its work yet for a reason that is no failure: another job
 * holds the claim on the same note or Slack post. The queue completes the job and sends a copy to
 * run after `seconds`, so the wait spends none of its retries. Thrown as a plain error instead, a
 * claim left by a process that died (it lapses after a minute or so) could use up every retry of
 * the jobs behind it, and the note or alert would never be delivered.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly seconds: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** How long a job that found another job's claim waits before it looks again. */
export const CLAIM_RECHECK_SECONDS = 5;
