import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { BadRequestError, BatonError, DatabaseUnavailableError, NotFoundError } from '../errors';
import { isConnectionFailure } from '../store/connection-failure';

interface ErrorBody {
  error: { code: string; message: string; field?: string; request_id?: string };
}

/** The body's declared Content-Encoding, for naming it in errors. */
function contentEncoding(req: Request): string {
  return String(req.headers['content-encoding'] ?? 'identity');
}

/**
 * Errors from Express itself and body-parser (express.json) carry a `status` and often a `type`;
 * each one gets its own status and code. Returns undefined for anything else (our fault: a 500).
 */
function fromExpress(err: unknown, req: Request): BatonError | undefined {
  // Router: a path parameter that is not valid percent-encoded UTF-8 (`/v1/handoffs/%zz`).
  if (err instanceof URIError) return new BadRequestError('the path is not valid percent-encoded UTF-8', 'path');
  const { type, status, expose } = (err ?? {}) as { type?: unknown; status?: unknown; expose?: unknown };
  switch (type) {
    case 'entity.too.large':
      return new BatonError('request body exceeds the 1 MB limit (after decoding)', 413, 'payload_too_large');
    case 'entity.parse.failed':
      return new BatonError('request body is not valid JSON', 400, 'invalid_json');
    case 'encoding.unsupported':
      return new BatonError(
        `Content-Encoding ${contentEncoding(req)} is not supported; send identity, gzip, deflate or br`,
        415,
        'unsupported_media_type',
        'Content-Encoding',
      );
    case 'charset.unsupported':
      return new BatonError('request body must be UTF-8 JSON', 415, 'unsupported_media_type', 'Content-Type');
    case 'request.aborted':
    case 'request.size.invalid':
      return new BatonError('request body was incomplete', 400, 'bad_request');
    default:
      break;
  }
  if (typeof status !== 'number' || status < 400 || status >= 500 || !expose) return undefined;
  // The decompressor failed: the body is not what its Content-Encoding says.
  if (contentEncoding(req) !== 'identity') {
    return new BatonError(`request body is not valid ${contentEncoding(req)} data (Content-Encoding)`, 400, 'invalid_encoding', 'Content-Encoding');
  }
  return new BatonError((err as Error).message || 'bad request', status, 'bad_request');
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
  const known = err instanceof BatonError ? err : (fromExpress(err, req) ?? (isConnectionFailure(err) ? new DatabaseUnavailableError() : undefined));
  const requestId = typeof req.id === 'string' ? req.id : undefined;
  if (!known) {
    req.log?.error({ err }, 'unhandled error');
  } else if (known.status >= 500) {
    req.log?.error({ err }, known.message);
  }
  const error = known ?? new BatonError('internal error; quote the request id when reporting it', 500, 'internal_error');
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (res.headersSent) {
    res.end();
    return;
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field !== undefined) body.error.field = error.field;
  if (requestId) body.error.request_id = requestId;
  res.status(error.status).json(body);
};
