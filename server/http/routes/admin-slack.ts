import { Router } from 'express';
import { z } from 'zod';
import { CHANNEL_ID, USER_ID } from '../../../integrations/slack/baton-command';
import type { SlackStore } from '../../../integrations/slack/slack-store';
import { QUEUE_NAME } from '../../domain/queue-name';
import { NotFoundError } from '../../errors';
import type { Tenant } from '../../store/types';
import { parseOrThrow } from '../../validation';
import { jsonBody } from '../json-body';

const routeBody = z.object({
  channel_id: z.string().regex(CHANNEL_ID, 'must be a Slack channel id such as C0123ABCD'),
  lead_user_id: z.string().regex(USER_ID, 'must be a Slack user id such as U0123ABCD').nullable().optional(),
  sla_minutes: z.number().min(1).max(10080).int().optional(),
});
const linkBody = z.object({ team_id: z.string().regex(/^[TE][A-Z0-9]{2,38}$/, 'must be a Slack team id such as T0123ABCD') });

function queueParam(value: unknown): string {
  const queue = String(value).toLowerCase();
  if (!QUEUE_NAME.test(queue)) throw new NotFoundError('queue names are letters, digits, _ or -');
  return queue;
}

/**
 * The Slack part of the admin API (behind the admin guard of admin.ts): where each queue is alerted,
 * and which Slack workspace belongs to a tenant. The same changes `/baton` makes from Slack.
 */
export function adminSlackRoutes(base: string, slack: SlackStore, tenantOr404: (id: string) => Promise<Tenant>): Router {
  const router = Router();

  router.get(`${base}/tenants/:id/slack/routes`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    res.json({ routes: await slack.listRoutes(tenant.id) });
  });

  router.put(`${base}/tenants/:id/slack/routes/:queue`, ...jsonBody(), async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    const queue = queueParam(req.params.queue);
    const body = parseOrThrow(routeBody, req.body, '(body)');
    res.json({ route: await slack.setRoute(tenant.id, { queue, ...body }) });
  });

  router.delete(`${base}/tenants/:id/slack/routes/:queue`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    if (!(await slack.removeRoute(tenant.id, queueParam(req.params.queue)))) throw new NotFoundError('that queue has no channel');
    res.status(204).end();
  });

  router.put(`${base}/tenants/:id/slack/workspace`, ...jsonBody(), async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    const body = parseOrThrow(linkBody, req.body, '(body)');
    if (!(await slack.linkInstallation(body.team_id, tenant.id))) throw new NotFoundError('no installation of the Slack app for that team: install it at /slack/install first');
    res.json({ team_id: body.team_id, tenant_id: tenant.id });
  });

  return router;
}
