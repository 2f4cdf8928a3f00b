import { Router } from 'express';
import { BadRequestError } from '../../errors';
import { monthStart, tenantUsage } from '../../store/brief-usage';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';

/**
 * The whole value: a day, or a time with its zone. Date.parse alone takes far more ("2026-01-01junk"
 * read a month name out of the junk; a time without a zone is read in the server's own zone).
 */
const SINCE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
/** The instants Postgres's timestamptz and ISO 8601's four-digit years share. */
const EARLIEST = new Date(0).setUTCFullYear(1, 0, 1); // Date.UTC reads years 0-99 as 1900-1999
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * `since` as a date (2026-11-01) or an instant; default: the start of this month (UTC). A calendar
 * day that does not exist (2026-02-30, which Date.parse rolls into March) and an instant outside
 * years 1 to 9999 once in UTC are refused rather than queried.
 */
function sinceOf(value: unknown, now: Date): Date {
  if (value === undefined) return monthStart(now);
  const day = typeof value === 'string' ? SINCE.exec(value) : null;
  const time = day ? Date.parse(value as string) : NaN;
  if (Number.isNaN(time)) throw new BadRequestError('query parameter since must be a date (YYYY-MM-DD) or an ISO 8601 time with its zone (2026-11-01T00:00:00Z)', 'since');
  const [year, month, date] = [Number(day![1]), Number(day![2]), Number(day![3])];
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, date); // rolls over a day the month lacks
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date) {
    throw new BadRequestError(`query parameter since names a day that does not exist: ${day![0]}`, 'since');
  }
  if (time < EARLIEST || time > LATEST) throw new BadRequestError('query parameter since must fall between 0001-01-01 and 9999-12-31 (UTC)', 'since');
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
