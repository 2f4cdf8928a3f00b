import { Router } from 'express';
import { createSlackStore } from '../../../integrations/slack/slack-store';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../store/rows';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';

/**
 * The Slack alert of one handoff as Slack receives it (Block Kit), whether or not Slack is connected:
 * admins preview alerts before routing a queue to a channel. Not found until the brief is stored.
 */
export function getSlackAlertRoute(deps: RouteDeps): Router {
  const alerts = createSlackStore(deps.store.db);
  return Router().get('/v1/handoffs/:id/slack-alert', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const id = String(req.params.id);
    const alert = isUuid(id) ? await alerts.getAlert(tenant.id, id) : null;
    if (!alert) throw new NotFoundError(`no Slack alert for handoff ${id}`);
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
