import { createHash, createHmac } from 'node:crypto';
import { UnauthorizedError } from '../../server/errors';
import type { HelpdeskEvent, InboundRequest, Receiver } from '../../server/connectors/types';
import { parseJsonBody, secretsEqual, singleHeader } from '../../server/connectors/webhook-auth';
import { normalizeZendeskPayload, type ZendeskDetectionOptions } from './normalize';

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';

/** How far a signed timestamp may be from our clock before the request counts as a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface ZendeskReceiveOptions extends ZendeskDetectionOptions {
  /** The webhook's signing secret (Admin Center, Webhooks, the webhook, "Reveal secret"). */
  signingSecret: string;
  now: Date;
  toleranceSeconds?: number;
}

/** base64(HMAC-SHA256(secret, timestamp + raw body)): no separator between the two (DESIGN.md, traps). */
export function zendeskSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(timestamp, 'utf8').update(rawBody).digest('base64');
}

/**
 * Checks Zendesk's signature on the exact bytes received, then the timestamp's freshness. Throws 401
 * (nothing parsed, nothing stored) when either is wrong.
 */
export function verifyZendeskSignature(request: InboundRequest, options: Pick<ZendeskReceiveOptions, 'signingSecret' | 'now' | 'toleranceSeconds'>): void {
  const signature = singleHeader(request, SIGNATURE_HEADER);
  const timestamp = singleHeader(request, TIMESTAMP_HEADER);
  if (!signature || !timestamp) throw new UnauthorizedError(`missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER} header`);
  const expected = zendeskSignature(options.signingSecret, timestamp, request.rawBody);
  if (!secretsEqual(signature, expected)) throw new UnauthorizedError('Zendesk webhook signature does not match');
  const signedAt = Date.parse(timestamp);
  const tolerance = (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;
  if (Number.isNaN(signedAt) || Math.abs(options.now.getTime() - signedAt) > tolerance) {
    throw new UnauthorizedError('Zendesk webhook timestamp is outside the replay window');
  }
}

/**
 * Zendesk webhooks in: event-type webhooks (`zen:event-type:…`) and trigger webhooks (a JSON body
 * the admin wrote). Verified first, then normalised; a delivery without an id of its own is keyed
 * by the invocation id header, else by a hash of what was signed, so a replayed delivery is the
 * same event.
 */
export const zendeskReceiver: Receiver<ZendeskReceiveOptions> = {
  provider: 'zendesk',
  receive(request, options): HelpdeskEvent[] {
    verifyZendeskSignature(request, options);
    const payload = parseJsonBody(request);
    // A trigger payload has no event id of its own. Its id is made of what was signed, the timestamp
    // and the body, never of an unsigned header: with Zendesk's X-Zendesk-Webhook-Invocation-Id as the id,
    // one captured delivery sent again under another invocation id would be taken again, within the
    // replay window, as often as anyone liked. A retry Zendesk signs anew is taken again, which
    // handling allows (one handoff per ticket; follow-up facts merge).
    const fallbackId = `sha256:${createHash('sha256').update(singleHeader(request, TIMESTAMP_HEADER) ?? '').update(request.rawBody).digest('hex')}`;
    return [normalizeZendeskPayload(payload, { ...options, fallbackId })];
  },
};
