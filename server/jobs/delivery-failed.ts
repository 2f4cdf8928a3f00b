import type pino from 'pino';
import { recordDeliveryFailure } from '../store/delivery-failures';
import { isUuid } from '../store/rows';
import type { Sql } from '../store/types';
import { lastFailure } from './failed-jobs';

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
