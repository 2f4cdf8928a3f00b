import { Router } from 'express';
import { BadRequestError, NotFoundError } from '../../errors';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';
import { handoffView } from '../handoff-view';
import { standingFor } from '../queue-standing';

function requiredQuery(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new BadRequestError(`query parameter ${field} is required`, field);
  }
  return value.trim();
}

/** What the helpdesk sidebars read: the newest handoff (and its latest brief) for a ticket. */
export function getBriefRoute(deps: RouteDeps): Router {
  return Router().get('/v1/briefs', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const provider = requiredQuery(req.query.provider, 'provider');
    const ticket = requiredQuery(req.query.ticket, 'ticket');
    const handoff = await deps.store.findHandoffByTicket(tenant.id, provider, ticket);
    if (!handoff) throw new NotFoundError(`no brief for ${provider} ticket ${ticket}`);
    const standing = await standingFor(deps, tenant.id, handoff.assessment, handoff);
    res.json(handoffView(handoff, standing));
  });
}
