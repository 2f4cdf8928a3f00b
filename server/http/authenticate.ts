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

/** `Authorization: Bearer <key>` → the key's tenant on `res.locals.tenant`, else 401. */
export function authenticate(store: Store): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError('missing API key: send Authorization: Bearer <key>');
    const tenant = await store.authenticate(match[1]!);
    if (!tenant) throw new UnauthorizedError('invalid API key');
    res.locals.tenant = tenant;
    req.log?.setBindings({ tenant_id: tenant.id });
    next();
  };
}
