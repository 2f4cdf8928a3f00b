import { isUtf8 } from 'node:buffer';
import { createHash, timingSafeEqual } from 'node:crypto';
import { BadRequestError, UnauthorizedError } from '../errors';
import { checkJsonDocument } from '../validation';
import type { InboundRequest } from './types';

/**
 * Constant-time equality for secrets and signatures. Both sides are hashed first so the comparison
 * takes the same time whatever the lengths (timingSafeEqual itself throws on unequal lengths).
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && presented.length === expected.length;
}

/** One header's value; a header sent twice is refused rather than guessed at. */
export function singleHeader(request: InboundRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  if (Array.isArray(value)) throw new BadRequestError(`header ${name} must be sent once`, name);
  return value === undefined || value === '' ? undefined : value;
}

/** A header that must be present with the expected secret (for senders that sign nothing). */
export function requireSecretHeader(request: InboundRequest, name: string, secret: string): void {
  const presented = singleHeader(request, name);
  if (presented === undefined) throw new UnauthorizedError(`missing ${name} header`);
  if (!secretsEqual(presented, secret)) throw new UnauthorizedError(`${name} does not match this integration's secret`);
}

/**
 * The body as JSON, after the signature was checked on its bytes. Events are stored as received, so
 * a body the store could not hold (a NUL or an unpaired surrogate in any string or field name,
 * nesting past 32 levels) is refused here, naming the place, before anything is stored.
 */
export function parseJsonBody(request: InboundRequest): unknown {
  // Decoding would turn bytes that are not UTF-8 into U+FFFD and store text nobody sent; the API's
  // own routes refuse such a body too (json-body.ts).
  if (!isUtf8(request.rawBody)) throw new BadRequestError('request body is not valid UTF-8', '(body)');
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    throw new BadRequestError('request body is not valid JSON', '(body)');
  }
  checkJsonDocument(body, '(body)', BadRequestError);
  return body;
}
