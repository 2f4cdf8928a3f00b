import type { RequestHandler } from 'express';
import { BadRequestError, BatonError } from '../errors';

/** As Apache's LimitRequestFields: real clients and proxies send a few dozen at most. */
export const MAX_HEADERS = 100;

/**
 * What Node's parser lets through but no honest client sends, answered as JSON errors like the
 * rest: an HTTP/1.1 request without Host (RFC 9112 §3.2 says 400; Node's own answer is an empty
 * 400, so the server is created with `requireHostHeader: false` and the check is here), and more
 * than MAX_HEADERS headers (Node keeps the first thousand and silently drops the rest, which could
 * drop the Authorization or Content-Type a route depends on), Host sent twice (RFC 9112 §3.2:
 * 400 for more than one Host), Authorization sent twice (RFC 9110 §5.3: a field that is not a
 * list may not be repeated), and a transfer coding other than chunked (RFC 9112 §6.1 lets a server
 * refuse one it does not apply; we answer 400, not 501, since it is the client's to change).
 */
export const requestHead: RequestHandler = (req, _res, next) => {
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    throw new BadRequestError('the Host header is required in HTTP/1.1', 'Host');
  }
  if (req.rawHeaders.length / 2 > MAX_HEADERS) {
    throw new BatonError(`the request has more than ${MAX_HEADERS} headers`, 431, 'headers_too_large');
  }
  // Node keeps the first Host and drops the rest; which one a proxy in front routed by is unknown.
  if (headerCount(req.rawHeaders, 'host') > 1) throw new BadRequestError('the Host header is sent more than once', 'Host');
  // Node keeps the first Authorization too: the request would act as whoever the first names, while
  // a proxy or log in front may have read the other. Two credentials are the caller's mistake.
  if (headerCount(req.rawHeaders, 'authorization') > 1) {
    throw new BadRequestError('the Authorization header is sent more than once; send one credential', 'Authorization');
  }
  // Node undoes the chunking and nothing else: a body sent `gzip, chunked` would be read as if it
  // were plain. Compression belongs in Content-Encoding, which the body parser decodes.
  const transferEncoding = req.headers['transfer-encoding'];
  if (transferEncoding !== undefined && !/^[ \t]*chunked[ \t]*$/i.test(transferEncoding)) {
    throw new BadRequestError(
      `Transfer-Encoding "${transferEncoding.slice(0, 100)}" is not supported; send the body chunked or with Content-Length, and compress it with Content-Encoding`,
      'Transfer-Encoding',
    );
  }
  next();
};

/** How many times `name` (lower case) is among the raw headers, in any case. */
function headerCount(raw: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) count += 1;
  return count;
}
