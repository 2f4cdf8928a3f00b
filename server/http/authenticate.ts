import type { RequestHandler, Response } from 'express';
import { UnauthorizedError } from '../errors';
import type { Store, Tenant } from '../store/types';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The tenant a request authenticated as; set by `authenticate`. */
export function tenantOf(res: Response): Tenant {
  const tenant = res.locals.tenant as Tenant | undefined;
  if (!tenant) throw new UnauthorizedError();
  return tenant;
}

/**
 * `Authorization: Bearer <key>` → the key's tenant on `res.locals.tenant`, else 401. A request
 * without a valid key first passes `unauthenticatedLimit` (per address): past its budget the
 * answer is 429 instead.
 */
export function authenticate(store: Store, unauthenticatedLimit: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.headers.authorization ?? '');
    const tenant = match ? await store.authenticate(match[1]!) : null;
    if (!tenant) {
      const refusal = match ? new UnauthorizedError('invalid API key') : new UnauthorizedError('missing API key: send Authorization: Bearer <key>');
      await unauthenticatedLimit(req, res, (err?: unknown) => next(err ?? refusal));
      return;
    }
    res.locals.tenant = tenant;
    req.log?.setBindings({ tenant_id: tenant.id });
    next();
  };
}
