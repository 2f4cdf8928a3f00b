import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'bt_';
/** The label of the key a tenant is created with (admin API and `baton tenants create`). */
export const FIRST_KEY_LABEL = 'created with the tenant';

/** A new raw key: `bt_` and 32 random bytes (base64url). Shown to the tenant once, never stored. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What the database keeps: sha256 hex of the raw key. Lookups go by this hash through a unique index,
 * so no stored secret is ever compared byte by byte with the presented one; timing only reveals
 * something about a hash the attacker cannot steer, which makes constant-time comparison moot here.
 */
export function hashApiKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}
