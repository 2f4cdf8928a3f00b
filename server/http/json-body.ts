import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { BatonError } from '../errors';
import { checkJsonDocument } from '../validation';

/** Fixed: a conversation worth handing off fits easily; anything larger is a mistake or an attack. */
export const BODY_LIMIT = '1mb';

/**
 * JSON parsing for one route (never globally, so receivers that verify signatures on raw bytes can
 * mount before it). A body that is not declared JSON is refused with 415 rather than silently
 * ignored; size, encoding and syntax errors from the parser are mapped by the error middleware.
 * Not `strict`: `"text"` or `42` is valid JSON, and the schema says it is not an object, rather
 * than the parser calling it invalid JSON. The limit applies after gzip/deflate/br decoding.
 * Whatever the route's schema, a body the store could not hold (a NUL or an unpaired surrogate in
 * any string or field name, nesting past 32 levels) is 422 naming the place, before the route runs.
 */
export function jsonBody(): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!req.is('application/json')) {
      next(new BatonError('Content-Type must be application/json', 415, 'unsupported_media_type', 'Content-Type'));
      return;
    }
    // The parser would decode UTF-16 or Latin-1 too; the contract is UTF-8 (JSON's own, RFC 8259).
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      next(new BatonError(`Content-Type charset must be utf-8, not ${JSON.stringify(charset.slice(0, 40))}`, 415, 'unsupported_media_type', 'Content-Type'));
      return;
    }
    // "utf8" is a common alias of UTF-8 that the parser does not know: named as the parser names it.
    if (charset !== undefined && !/^utf-8$/i.test(charset)) req.headers['content-type'] = 'application/json; charset=utf-8';
    next();
  };
  /**
   * Bytes that are not UTF-8 would be read with U+FFFD in their place and stored so: refused instead.
   * An empty body is no JSON either; the parser would read it as `{}`, which on PUT …/policy means
   * "reset to the defaults" and on PUT …/integrations "drop the stored keys".
   */
  const verify = (_req: unknown, _res: unknown, bytes: Buffer) => {
    if (bytes.length === 0) throw new BatonError('request body is empty: send a JSON object', 400, 'invalid_json', '(body)');
    if (!isUtf8(bytes)) throw new BatonError('body is not valid UTF-8', 415, 'unsupported_media_type', 'Content-Type');
  };
  const storable: RequestHandler = (req, _res, next) => {
    checkJsonDocument(req.body, '(body)');
    next();
  };
  return [requireJson, express.json({ limit: BODY_LIMIT, strict: false, type: 'application/json', verify }), storable];
}
