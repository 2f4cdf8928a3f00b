import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../errors';
import { tenantOf } from './authenticate';

/**
 * Per-tenant budget of requests per minute, counted after authentication so one noisy tenant cannot
 * starve the others. Counts live in this process: with N server processes a tenant gets up to N×.
 */
const windowMs = 60_000;

function refuse(req: Request, _res: Response, next: NextFunction): void {
  const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
  next(new RateLimitedError(seconds));
}

export function tenantRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => tenantOf(res).id,
    handler: refuse,
  });
}

/**
 * Per-address budget for requests that come without a valid API key (missing, unknown, revoked),
 * so nobody can hammer the key lookup or fill the log from one address. `authenticate` runs it only
 * on such requests: a valid key is never refused for what others at its address did. The address is
 * the socket's peer (Express's `trust proxy` is off, as a forged X-Forwarded-For must not pick its
 * own budget); IPv6 addresses share a budget per /56, the library's default.
 */
export function addressRateLimit(perMinute: number): RequestHandler {
  return perAddress(perMinute);
}

/** A budget per client address (the TCP peer), answered as refuse() answers. */
function perAddress(perMinute: number, options: Partial<Parameters<typeof rateLimit>[0]> = {}): RequestHandler {
  return rateLimit({
    windowMs,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Behind a proxy every caller has the proxy's address; that is the documented trade-off.
    validate: { xForwardedForHeader: false },
    handler: refuse,
    ...options,
  });
}

/** Answers that mean a route's own credentials were refused or named nothing: the ones counted below. */
const REFUSED = new Set([401, 403, 404]);

/**
 * The per-address budget for the routes with credentials of their own (a webhook's signature or
 * secret, an embed link, the Gorgias widget's secret, the admin token, Slack's signature): only
 * refused credentials and unknown tenants or links (401, 403, 404) use it up, so a vendor's
 * deliveries and valid links never do. Once an address has spent it, its requests to these routes
 * answer 429 until the minute is over: each refused one cost a look-up of the tenant's secrets.
 */
export function refusedCredentialsLimit(perMinute: number): RequestHandler {
  return perAddress(perMinute, { skipSuccessfulRequests: true, requestWasSuccessful: (_req, res) => !REFUSED.has(res.statusCode) });
}
