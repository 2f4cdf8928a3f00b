import { Router } from 'express';
import { z } from 'zod';
import { ticketSchema } from '../../domain/conversation';
import { BadRequestError, NotFoundError } from '../../errors';
import { firstIssue } from '../../validation';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';
import { handoffViewJson } from '../handoff-view';
import { standingFor } from '../queue-standing';

/** A required query parameter, trimmed, within the same limits as the ticket it looks up. */
const required = (field: z.ZodType<string, string>) => z.string({ error: 'is required' }).trim().pipe(field);
const briefQuery = z.object({
  provider: required(ticketSchema.shape.provider),
  ticket: required(ticketSchema.shape.id),
});

function parseQuery(query: unknown): z.output<typeof briefQuery> {
  const result = briefQuery.safeParse(query);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error, 'query');
  throw new BadRequestError(`query parameter ${field} ${message}`, field);
}

/** What the helpdesk sidebars read: the newest handoff (and its latest brief) for a ticket. */
export function getBriefRoute(deps: RouteDeps): Router {
  return Router().get('/v1/briefs', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const { provider, ticket } = parseQuery(req.query);
    const handoff = await deps.store.findHandoffViewByTicket(tenant.id, provider, ticket);
    if (!handoff) throw new NotFoundError(`no brief for ${provider} ticket ${ticket}`);
    const standing = await standingFor(deps, tenant.id, handoff.assessment, handoff);
    res.type('json').send(handoffViewJson(handoff, standing));
  });
}
