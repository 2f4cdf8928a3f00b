import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Short and printable: anything else could forge log lines or bloat them, so we mint our own. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id for this request: the caller's `X-Request-Id` when it is sane (so one id follows a
 * call across systems), else a new uuid. Echoed in the response so callers can quote it.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
