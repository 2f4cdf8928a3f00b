import { Router } from 'express';
import { BadRequestError } from '../../errors';
import { monthStart, tenantUsage } from '../../store/brief-usage';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';

/** `since` as a date (2026-11-01) or an instant; default: the start of this month (UTC). */
function sinceOf(value: unknown, now: Date): Date {
  if (value === undefined) return monthStart(now);
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new BadRequestError('query parameter since must be a date (YYYY-MM-DD) or an ISO 8601 time', 'since');
  return new Date(time);
}

/**
 * Extension: the tenant's model usage for the OpenAI brief writer (tokens in and out, calls, and
 * how many became a brief), beside its monthly limit. Admins read what the model costs here.
 */
export function getUsageRoute(deps: RouteDeps): Router {
  return Router().get('/v1/usage', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const since = sinceOf(req.query.since, new Date());
    const totals = await tenantUsage(deps.store.db, tenant.id, since);
    res.json({
      since: since.toISOString(),
      ...totals,
      monthly_token_limit: tenant.policy.model_monthly_token_limit ?? null,
    });
  });
}
