import type pino from 'pino';
import type { TicketUpdate } from '../../server/connectors/types';
import type { JobQueue } from '../../server/jobs/job-queue';
import type { SecretBox } from '../../server/secret-box';
import type { HandoffRecord, Sql, Store } from '../../server/store/types';
import { createDeliveryFailedHandler } from '../../server/jobs/delivery-failed';
import { BOSS_SCHEMA } from '../../server/jobs/failed-jobs';
import {
  alertForHandoff,
  SLACK_ALERT_POST,
  SLACK_ALERT_RENDER,
  SLACK_ALERT_UPDATE,
  SLACK_DEAD_LETTERS,
  SLACK_DELIVERY_JOBS,
  SLACK_FAILED,
  SLACK_JOB_NAMES,
  SLACK_SLA_CHECK,
  type AlertJob,
} from './alerts';
import type { SlackApp, SlackConfig } from './app';
import { createDelivery } from './delivery';
import { createSlackStore, hasAlertTarget, type SlackStore } from './slack-store';

export type { SlackConfig } from './app';
export { SLACK_JOB_NAMES } from './alerts';

/**
 * What the server registers for Slack: the Bolt router (only when a signing secret is configured),
 * the delivery workers, and the two hooks the rest of Baton calls — a brief was stored, a ticket
 * changed. Without Slack configured the hooks still render and keep each alert for preview.
 */
export interface SlackIntegration {
  store: SlackStore;
  /** Absent without `SLACK_SIGNING_SECRET`. */
  app?: SlackApp;
  /** Starts the delivery workers (render, post, update, SLA check) and their dead letter's on this process's job queue. */
  work(): Promise<void>;
  /** A handoff's brief was stored (first or a newer version): render, keep, post or update. */
  handoffBriefStored(handoff: HandoffRecord): Promise<void>;
  /** The same, as a job (e.g. after the model's brief is stored). */
  briefStored(handoff: AlertJob): Promise<void>;
  /** The same, as a job inserted in the transaction that stored the brief, so a crash cannot lose it. */
  briefStoredInTransaction(tx: Sql, handoff: AlertJob): Promise<void>;
  /** A helpdesk event changed the ticket: first human reply, solved. Updates the alert in place. */
  ticketUpdated(handoff: HandoffRecord, update: TicketUpdate): Promise<void>;
}

export interface SlackIntegrationDeps {
  db: Sql;
  store: Store;
  jobs: JobQueue;
  box: SecretBox;
  logger: pino.Logger;
  config?: SlackConfig;
  assignTicket?: (handoff: HandoffRecord, email: string) => Promise<boolean>;
  /** pg-boss's schema, where the dead-letter worker finds a failed job's last error (default BOSS_SCHEMA). */
  bossSchema?: string;
}

export async function createSlackIntegration(deps: SlackIntegrationDeps): Promise<SlackIntegration> {
  const slack = createSlackStore(deps.db);
  // Bolt (about 30 MB resident) is loaded only when Slack is configured; without it alerts can still
  // be previewed through the API. require, not import(): see server/runtime.ts's model writer.
  const app = deps.config
    ? (require('./app') as typeof import('./app')).createSlackApp({
        store: deps.store,
        slack,
        jobs: deps.jobs,
        box: deps.box,
        logger: deps.logger,
        config: deps.config,
        assignTicket: deps.assignTicket,
      })
    : undefined;
  await deps.jobs.createQueues(SLACK_JOB_NAMES, { deadLetters: SLACK_DEAD_LETTERS });
  const clients = app?.clients ?? { forTenant: async () => null };
  const delivery = createDelivery({ store: deps.store, slack, clients, logger: deps.logger });

  return {
    store: slack,
    ...(app ? { app } : {}),
    async work() {
      await deps.jobs.work<AlertJob>(
        SLACK_ALERT_RENDER,
        async (job) => {
          const handoff = await deps.store.getHandoff(job.tenantId, job.handoffId);
          if (handoff) await alertForHandoff({ slack, jobs: deps.jobs }, handoff);
        },
        { batchSize: 4 },
      );
      // One at a time per process: Slack's per-channel pace matters more than parallel posts.
      await deps.jobs.work<AlertJob>(SLACK_ALERT_POST, (job) => delivery.post(job), { batchSize: 1 });
      await deps.jobs.work<AlertJob>(SLACK_ALERT_UPDATE, (job) => delivery.update(job), { batchSize: 1 });
      await deps.jobs.work<AlertJob & { level: 1 | 2 }>(SLACK_SLA_CHECK, (job) => delivery.remind(job), { batchSize: 1 });
      const failed = createDeliveryFailedHandler<AlertJob>({
        db: deps.db,
        logger: deps.logger,
        bossSchema: deps.bossSchema ?? BOSS_SCHEMA,
        queues: SLACK_DELIVERY_JOBS,
        fallbackJob: 'slack',
        // A post job that waited for another's claim fails if that one took long; it posted, though.
        delivered: async (job, queue) => queue === SLACK_ALERT_POST && Boolean((await slack.getAlert(job.tenantId, job.handoffId))?.message_ts),
      });
      await deps.jobs.work<AlertJob>(SLACK_FAILED, failed);
    },
    handoffBriefStored: (handoff) => alertForHandoff({ slack, jobs: deps.jobs }, handoff),
    async briefStored(handoff) {
      if (!(await hasAlertTarget(deps.store.db, handoff.tenantId, handoff.handoffId))) return;
      await deps.jobs.send(SLACK_ALERT_RENDER, { tenantId: handoff.tenantId, handoffId: handoff.handoffId });
    },
    async briefStoredInTransaction(tx, handoff) {
      if (!(await hasAlertTarget(tx, handoff.tenantId, handoff.handoffId))) return;
      await deps.jobs.sendInTransaction(tx, SLACK_ALERT_RENDER, { tenantId: handoff.tenantId, handoffId: handoff.handoffId });
    },
    async ticketUpdated(handoff, update) {
      let changed = false;
      if (update.firstPublicAgentReplyAt) changed = Boolean(await slack.recordFirstReply(handoff.id, new Date(update.firstPublicAgentReplyAt))) || changed;
      if (update.solvedAt || update.status === 'solved' || update.status === 'closed') {
        changed = Boolean(await slack.resolve(handoff.id, new Date(update.solvedAt ?? Date.now()))) || changed;
      }
      if (changed) await deps.jobs.send(SLACK_ALERT_UPDATE, { tenantId: handoff.tenant_id, handoffId: handoff.id });
    },
  };
}
