import type { JobQueue } from '../../server/jobs/job-queue';
import type { HandoffRecord } from '../../server/store/types';
import { renderAlert } from './alert-message';
import { alertViewFor } from './alert-view';
import type { SlackStore } from './slack-store';

/** The Slack app's job queues (pg-boss names). */
/** A brief was stored: render the alert and decide what to send (enqueued in the brief's own transaction). */
export const SLACK_ALERT_RENDER = 'slack-alert-render';
export const SLACK_ALERT_POST = 'slack-alert-post';
export const SLACK_ALERT_UPDATE = 'slack-alert-update';
export const SLACK_SLA_CHECK = 'slack-sla-check';
/**
 * The dead letter of the four above: a job that used up its retries (Slack kept refusing it, or the
 * job kept dying) is recorded on its handoff (delivery_failures, naming which job) and logged. One
 * queue for the four, found by the failed job pg-boss kept: each queue costs a poller.
 */
export const SLACK_FAILED = 'slack-failed';
/** Delivering queues, whose jobs end in SLACK_FAILED. */
export const SLACK_DELIVERY_JOBS = [SLACK_ALERT_RENDER, SLACK_ALERT_POST, SLACK_ALERT_UPDATE, SLACK_SLA_CHECK] as const;
/** A dead-letter queue comes before the queues that name it (pg-boss checks the name exists). */
export const SLACK_JOB_NAMES = [SLACK_FAILED, ...SLACK_DELIVERY_JOBS] as const;
export const SLACK_DEAD_LETTERS: Readonly<Record<string, string>> = Object.fromEntries(SLACK_DELIVERY_JOBS.map((name) => [name, SLACK_FAILED]));

export interface AlertJob {
  tenantId: string;
  handoffId: string;
}

/**
 * Called once a handoff's brief is stored (and again, harmlessly, on a retried job): renders the alert
 * and keeps it, whether or not the queue has a channel, so it can always be previewed; for a routed
 * queue, enqueues the post and the two SLA checks. A second call finds the row and, if the brief
 * changed, only asks for an update in place.
 */
export async function alertForHandoff(deps: { slack: SlackStore; jobs: JobQueue }, handoff: HandoffRecord): Promise<void> {
  if (!handoff.assessment.escalate) return;
  const job: AlertJob = { tenantId: handoff.tenant_id, handoffId: handoff.id };
  const existing = await deps.slack.getAlert(handoff.tenant_id, handoff.id);
  if (existing?.message_ts || (existing && !existing.channel_id)) {
    await deps.jobs.send(SLACK_ALERT_UPDATE, job);
    return;
  }
  const route = await deps.slack.routeFor(handoff.tenant_id, handoff.assessment.queue);
  const createdAt = new Date(handoff.created_at).getTime();
  const slaMs = (route?.sla_minutes ?? 0) * 60000;
  const alert =
    existing ??
    (await deps.slack.ensureAlert({
      tenantId: handoff.tenant_id,
      handoffId: handoff.id,
      queue: handoff.assessment.queue,
      channelId: route?.channel_id ?? null,
      teamId: null,
      slaDueAt: route ? new Date(createdAt + slaMs) : null,
      message: renderAlert(alertViewFor(handoff, undefined, route?.sla_minutes)),
    }));
  if (!alert.channel_id || !alert.sla_due_at) return;
  // Not yet posted (first run, or a run that stopped after storing the row): the post job and the SLA
  // checks are safe to enqueue again, since each one checks the row before it acts.
  await deps.jobs.send(SLACK_ALERT_POST, job);
  const dueAt = new Date(alert.sla_due_at).getTime();
  await deps.jobs.send(SLACK_SLA_CHECK, { ...job, level: 1 }, { startAfter: new Date(dueAt) });
  await deps.jobs.send(SLACK_SLA_CHECK, { ...job, level: 2 }, { startAfter: new Date(createdAt + 2 * (dueAt - createdAt)) });
}
