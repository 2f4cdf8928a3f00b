import { Router } from 'express';
import { renderAlert } from '../../../integrations/slack/alert-message';
import { alertViewFor } from '../../../integrations/slack/alert-view';
import { createSlackStore, type SlackAlert } from '../../../integrations/slack/slack-store';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../store/rows';
import type { HandoffRecord } from '../../store/types';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';

/**
 * The Slack alert of one handoff as Slack receives it (Block Kit), whether or not Slack is connected:
 * admins preview alerts before routing a queue to a channel. An alert kept for a routed queue is
 * answered as stored (with its channel, post and claim); any other escalation is rendered on request,
 * as it would be posted. Not found until the brief is assembled, or for a handoff that does not escalate.
 */
type AlertPreview = Pick<SlackAlert, 'handoff_id' | 'queue' | 'channel_id' | 'message_ts' | 'status' | 'claimed_by' | 'sla_due_at' | 'message'>;

/** An escalation whose alert was never kept (its queue has no channel): as it would be posted now. */
function unroutedAlert(handoff: HandoffRecord): AlertPreview {
  return {
    handoff_id: handoff.id,
    queue: handoff.assessment.queue,
    channel_id: null,
    message_ts: null,
    status: 'open',
    claimed_by: null,
    sla_due_at: null,
    message: renderAlert(alertViewFor(handoff)),
  };
}

export function getSlackAlertRoute(deps: RouteDeps): Router {
  const alerts = createSlackStore(deps.store.db);
  return Router().get('/v1/handoffs/:id/slack-alert', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const id = String(req.params.id);
    const notFound = new NotFoundError(`no Slack alert for handoff ${id}`);
    if (!isUuid(id)) throw notFound;
    let alert: AlertPreview | null = await alerts.getAlert(tenant.id, id);
    if (!alert) {
      const handoff = await deps.store.getHandoff(tenant.id, id);
      if (!handoff || handoff.status === 'received' || !handoff.assessment.escalate) throw notFound;
      alert = unroutedAlert(handoff);
    }
    res.json({
      handoff_id: alert.handoff_id,
      queue: alert.queue,
      channel: alert.channel_id,
      posted: alert.message_ts !== null,
      status: alert.status,
      claimed_by: alert.claimed_by,
      sla_due_at: alert.sla_due_at,
      message: alert.message,
    });
  });
}
