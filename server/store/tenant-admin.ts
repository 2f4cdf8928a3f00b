import { tenantPolicySchema, type TenantPolicy } from '../domain/policy';
import { NotFoundError } from '../errors';
import { parseOrThrow } from '../validation';
import { isoTime, isUuid, toTenant, type TenantRow } from './rows';
import type { Database, Tenant } from './types';

export interface ApiKeyInfo {
  id: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** What admins need beyond the Store: every tenant, a tenant's keys (never their hashes), its policy. */
export function createTenantAdmin(db: Database) {
  return {
    async listTenants(): Promise<Tenant[]> {
      const { rows } = await db.query<TenantRow>('SELECT id, name, policy, created_at FROM tenants ORDER BY created_at, name');
      return rows.map(toTenant);
    },

    async listApiKeys(tenantId: string): Promise<ApiKeyInfo[]> {
      if (!isUuid(tenantId)) return [];
      const { rows } = await db.query<{ id: string; label: string | null; created_at: Date | string; revoked_at: Date | string | null }>(
        'SELECT id, label, created_at, revoked_at FROM api_keys WHERE tenant_id = $1 ORDER BY created_at',
        [tenantId],
      );
      return rows.map((r) => ({ id: r.id, label: r.label, created_at: isoTime(r.created_at), revoked_at: r.revoked_at ? isoTime(r.revoked_at) : null }));
    },

    /** Replaces the tenant's policy (validated; missing fields take the contract's defaults). */
    async setPolicy(tenantId: string, policy: unknown): Promise<TenantPolicy> {
      const parsed = parseOrThrow(tenantPolicySchema, policy ?? {}, 'policy', 'policy');
      if (!isUuid(tenantId)) throw new NotFoundError('tenant not found');
      const { rows } = await db.query('UPDATE tenants SET policy = $2::text::jsonb WHERE id = $1 RETURNING id', [tenantId, JSON.stringify(parsed)]);
      if (rows.length === 0) throw new NotFoundError('tenant not found');
      return parsed;
    },
  };
}

export type TenantAdmin = ReturnType<typeof createTenantAdmin>;
