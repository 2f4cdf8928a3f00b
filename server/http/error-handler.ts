import type { ErrorRequestHandler, RequestHandler } from 'express';
import { BatonError, NotFoundError, RateLimitedError } from '../errors';

interface ErrorBody {
  error: { code: string; message: string; field?: string; request_id?: string };
}

/** body-parser (express.json) errors carry a `type`; each one gets its own status and code. */
function fromBodyParser(err: unknown): BatonError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return new BatonError('request body exceeds the 1 MB limit', 413, 'payload_too_large');
    case 'entity.parse.failed':
      return new BatonError('request body is not valid JSON', 400, 'invalid_json');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new BatonError('request body must be UTF-8 JSON', 415, 'unsupported_media_type');
    case 'request.aborted':
    case 'request.size.invalid':
      return new BatonError('request body was incomplete', 400, 'bad_request');
    default:
      return undefined;
  }
}

/** Unknown routes answer JSON like every other error, never Express's HTML page. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route for ${req.method} ${req.path}`));
};

/**
 * The one place errors become responses: typed errors map to their status and code; anything else is
 * a 500 with a generic message, its details only in the log (with the request id to find them).
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = err instanceof BatonError ? err : fromBodyParser(err);
  const requestId = typeof req.id === 'string' ? req.id : undefined;
  if (!known) {
    req.log?.error({ err }, 'unhandled error');
  } else if (known.status >= 500) {
    req.log?.error({ err }, known.message);
  }
  const error = known ?? new BatonError('internal error; quote the request id when reporting it', 500, 'internal_error');
  if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (res.headersSent) {
    res.end();
    return;
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field !== undefined) body.error.field = error.field;
  if (requestId) body.error.request_id = requestId;
  res.status(error.status).json(body);
};
