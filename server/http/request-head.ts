import type { RequestHandler } from 'express';
import { BadRequestError, BatonError } from '../errors';

/** As Apache's LimitRequestFields: real clients and proxies send a few dozen at most. */
export const MAX_HEADERS = 100;

/**
 * What Node's parser lets through but no honest client sends, answered as JSON errors like the
 * rest: an HTTP/1.1 request without Host (RFC 9112 §3.2 says 400; Node's own answer is an empty
 * 400, so the server is created with `requireHostHeader: false` and the check is here), and more
 * than MAX_HEADERS headers (Node keeps the first thousand and silently drops the rest, which could
 * drop the Authorization or Content-Type a route depends on).
 */
export const requestHead: RequestHandler = (req, _res, next) => {
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    throw new BadRequestError('the Host header is required in HTTP/1.1', 'Host');
  }
  if (req.rawHeaders.length / 2 > MAX_HEADERS) {
    throw new BatonError(`the request has more than ${MAX_HEADERS} headers`, 431, 'headers_too_large');
  }
  next();
};
