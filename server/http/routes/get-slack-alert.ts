import { Router } from 'express';
import { renderAlert } from '../../../integrations/slack/alert-message';
import { alertViewFor } from '../../../integrations/slack/alert-view';
import { createSlackStore } from '../../../integrations/slack/slack-store';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../store/rows';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';

/**
 * The Slack alert of one handoff as Slack receives it (Block Kit), whether or not Slack is connected:
 * admins preview alerts before routing a queue to a channel. An alert kept for a routed queue is
 * answered as stored (with its channel, post and claim); any other escalation is rendered on request,
 * as it would be posted. Not found until the brief is assembled, or for a handoff that does not escalate.
 */
export function getSlackAlertRoute(deps: RouteDeps): Router {
  const alerts = createSlackStore(deps.store.db);
  return Router().get('/v1/handoffs/:id/slack-alert', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new NotFoundError(`no Slack alert for handoff ${id}`);
    const alert = await alerts.getAlert(tenant.id, id);
    if (alert) {
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
      return;
    }
    const handoff = await deps.store.getHandoff(tenant.id, id);
    if (!handoff || handoff.status === 'received' || !handoff.assessment.escalate) {
      throw new NotFoundError(`no Slack alert for handoff ${id}`);
    }
    res.json({
      handoff_id: handoff.id,
      queue: handoff.assessment.queue,
      channel: null,
      posted: false,
      status: 'open',
      claimed_by: null,
      sla_due_at: null,
      message: renderAlert(alertViewFor(handoff)),
    });
  });
}
