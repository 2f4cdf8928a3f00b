import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed links to the embeddable sidebar page, for helpdesks whose sidebars take an
 * iframe but cannot hold an API key. The signature is HMAC-SHA256 over tenant, provider, ticket and
 * expiry with the tenant's own secret; the link carries no key, only what it grants: one ticket's
 * brief until it expires. Pure: the clock and the secret are passed in.
 */

export interface EmbedGrant {
  tenant: string;
  provider: string;
  ticket: string;
  /** Unix seconds. */
  expires: number;
}

export const DEFAULT_EMBED_TTL_SECONDS = 15 * 60;
export const MAX_EMBED_TTL_SECONDS = 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_PART = /^[\w.:-]{1,128}$/;

function signature(secret: string, grant: EmbedGrant): string {
  // Newlines cannot occur in the parts (SAFE_PART), so the fields cannot be shifted across each other.
  const text = `${grant.tenant}\n${grant.provider}\n${grant.ticket}\n${grant.expires}`;
  return createHmac('sha256', secret).update(text).digest('base64url');
}

export function signEmbedGrant(secret: string, grant: EmbedGrant): string {
  return signature(secret, grant);
}

/** The query string of a signed link (tenant, provider, ticket, expires, sig). */
export function embedQuery(grant: EmbedGrant, sig: string): string {
  const params = new URLSearchParams({
    tenant: grant.tenant,
    provider: grant.provider,
    ticket: grant.ticket,
    expires: String(grant.expires),
    sig,
  });
  return params.toString();
}

export type EmbedCheck =
  | { ok: true; grant: EmbedGrant }
  | { ok: false; reason: 'malformed' | 'expired' | 'bad_signature' };

/** The grant a link's query claims, when its parts are well-formed (before the signature is checked). */
export function readEmbedQuery(query: Record<string, unknown>): { grant: EmbedGrant; sig: string } | null {
  const { tenant, provider, ticket, expires, sig } = query;
  if (typeof tenant !== 'string' || !UUID.test(tenant)) return null;
  if (typeof provider !== 'string' || !SAFE_PART.test(provider)) return null;
  if (typeof ticket !== 'string' || !SAFE_PART.test(ticket)) return null;
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return null;
  if (typeof sig !== 'string' || !/^[\w-]{43}$/.test(sig)) return null;
  return { grant: { tenant, provider, ticket, expires: Number(expires) }, sig };
}

export function checkEmbedGrant(secret: string, grant: EmbedGrant, sig: string, now: Date): EmbedCheck {
  const expected = Buffer.from(signature(secret, grant));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  if (grant.expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

export function isEmbedPart(value: string): boolean {
  return SAFE_PART.test(value);
}
