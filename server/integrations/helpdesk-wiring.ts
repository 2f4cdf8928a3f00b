import type { Router } from 'express';
import type { Assessor } from '../assess';
import type { BriefWriter } from '../brief/writer';
import type { FanOutOptions } from '../connectors/fan-out';
import { helpdeskWebhookRoutes } from '../http/routes/helpdesk-webhooks';
import { createHelpdeskEventHandler, type HelpdeskEventDeps } from '../jobs/helpdesk-event';
import { createHelpdeskWriteBackHandler, type HelpdeskWriteBackJob } from '../jobs/helpdesk-write-back';
import { createDeliveryFailedHandler } from '../jobs/delivery-failed';
import { BOSS_SCHEMA } from '../jobs/failed-jobs';
import { HELPDESK_EVENT, HELPDESK_WRITE_BACK, HELPDESK_WRITE_BACK_FAILED } from '../jobs/job-names';
import type { JobQueue } from '../jobs/job-queue';
import type { KnowledgeSearch } from '../kb/types';
import type { Logger } from '../logger';
import type { SecretBox } from '../secret-box';
import type { Sql, Store } from '../store/types';
import { contextGatherer } from './gather';
import { createIntegrationStore } from './integration-store';
import { TenantIntegrations } from './tenant-integrations';

export interface HelpdeskWiringDeps {
  store: Store;
  jobs: Pick<JobQueue, 'sendInTransaction' | 'work'>;
  box: SecretBox;
  writer: BriefWriter;
  kb?: KnowledgeSearch;
  /** Where fetched conversations are assessed (default: in-thread with `writer` and `kb`). */
  assessor?: Assessor;
  logger: Logger;
  now?: () => Date;
  fanOut?: FanOutOptions;
  workerConcurrency?: number;
  pollingIntervalSeconds?: number;
  /** DEFAULT_WAIT_MINUTES, for the customer message the Gorgias widget shows. */
  defaultWaitMinutes?: number;
  /** Follow-up facts on a ticket with a handoff (first reply, solved): e.g. the Slack alert's update. */
  onFollowup?: HelpdeskEventDeps['onFollowup'];
  /** pg-boss's schema, where the dead-letter worker finds a failed write-back's last error (default BOSS_SCHEMA). */
  bossSchema?: string;
}

/** A row when the handoff's ticket is in a helpdesk its tenant has connected (primary keys only). */
const HAS_WRITE_BACK_TARGET = `
  SELECT 1 FROM handoffs h
  JOIN tenant_integrations i ON i.tenant_id = h.tenant_id AND i.provider = h.ticket_provider
  WHERE h.id = $1 AND h.tenant_id = $2`;

/**
 * The helpdesk and context integrations as the runtime uses them: the webhook router (mounted
 * ahead of any body parser), the connectors for assembly, the write-back enqueued with each
 * assembled brief, and the three workers (events, write-back, and write-back's dead letter).
 */
export function createHelpdeskWiring(deps: HelpdeskWiringDeps) {
  const integrationStore = createIntegrationStore(deps.store.db, deps.box);
  const integrations = new TenantIntegrations(integrationStore, deps.logger);
  const gather = contextGatherer(integrations, {
    ...deps.fanOut,
    onFailure: (kind, attempt, error) => deps.logger.warn({ connector: kind, attempt, error }, 'connector failed'),
  });
  const router: Router = helpdeskWebhookRoutes({ store: deps.store, jobs: deps.jobs, integrations, now: deps.now, defaultWaitMinutes: deps.defaultWaitMinutes });

  return {
    integrationStore,
    integrations,
    router,
    gather,
    /**
     * In the assembled brief's transaction: its write-back job, only when the tenant connected the
     * helpdesk the ticket lives in. Any other handoff has nowhere to write, and a job that finds that
     * out costs five statements (insert, fetch, two reads, complete) where this check costs one.
     */
    async briefStoredInTransaction(tx: Sql, stored: { tenantId: string; handoffId: string; version: number }): Promise<void> {
      const { rows } = await tx.query(HAS_WRITE_BACK_TARGET, [stored.handoffId, stored.tenantId]);
      if (rows.length === 0) return;
      const job: HelpdeskWriteBackJob = { tenantId: stored.tenantId, handoffId: stored.handoffId, version: stored.version };
      await deps.jobs.sendInTransaction(tx, HELPDESK_WRITE_BACK, job);
    },
    async work(): Promise<void> {
      const options = { batchSize: deps.workerConcurrency ?? 2, ...(deps.pollingIntervalSeconds ? { pollingIntervalSeconds: deps.pollingIntervalSeconds } : {}) };
      await deps.jobs.work(
        HELPDESK_EVENT,
        createHelpdeskEventHandler({ store: deps.store, integrationStore, integrations, jobs: deps.jobs, writer: deps.writer, kb: deps.kb, assessor: deps.assessor, logger: deps.logger, now: deps.now, onFollowup: deps.onFollowup }),
        options,
      );
      await deps.jobs.work(HELPDESK_WRITE_BACK, createHelpdeskWriteBackHandler({ store: deps.store, integrationStore, integrations, logger: deps.logger }), options);
      const writeBackFailed = createDeliveryFailedHandler<HelpdeskWriteBackJob>({
        db: deps.store.db,
        logger: deps.logger,
        bossSchema: deps.bossSchema ?? BOSS_SCHEMA,
        queues: [HELPDESK_WRITE_BACK],
        fallbackJob: HELPDESK_WRITE_BACK,
        // Another job for the same note (two paths can queue one) may have written it meanwhile.
        delivered: async (job) => {
          const handoff = await deps.store.getHandoff(job.tenantId, job.handoffId);
          if (!handoff?.ticket) return true;
          const version = Number.isInteger(job.version) && job.version! >= 1 ? job.version! : handoff.brief_version;
          return integrationStore.noteWritten(handoff.id, version, handoff.ticket.provider);
        },
      });
      await deps.jobs.work(HELPDESK_WRITE_BACK_FAILED, writeBackFailed, { ...(deps.pollingIntervalSeconds ? { pollingIntervalSeconds: deps.pollingIntervalSeconds } : {}) });
    },
  };
}

export type HelpdeskWiring = ReturnType<typeof createHelpdeskWiring>;
