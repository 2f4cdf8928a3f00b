import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../errors';
import { tenantOf } from './authenticate';

/**
 * Per-tenant budget of requests per minute, counted after authentication so one noisy tenant cannot
 * starve the others. Counts live in this process: with N server processes a tenant gets up to N×.
 */
export function tenantRateLimit(perMinute: number): RequestHandler {
  const windowMs = 60_000;
  return rateLimit({
    windowMs,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => tenantOf(res).id,
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      next(new RateLimitedError(seconds));
    },
  });
}
