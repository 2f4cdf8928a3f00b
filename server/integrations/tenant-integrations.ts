import type { Logger } from '../logger';
import type { IntegrationStore } from './integration-store';
import { integrationDefinition } from './registry';
import type { BuiltIntegration } from './types';

/**
 * Builds each tenant's vendor clients from its stored connections, and keeps them while the
 * connections are unchanged: a vendor's rate-limit state (Gorgias's window, Shopify's points) lives
 * in its client and must be shared by all the work for that account in this process.
 */
export class TenantIntegrations {
  private readonly cache = new Map<string, { key: string; built: Map<string, BuiltIntegration> }>();

  constructor(
    private readonly store: IntegrationStore,
    private readonly logger?: Logger,
  ) {}

  async forTenant(tenantId: string): Promise<Map<string, BuiltIntegration>> {
    const opened = await this.store.open(tenantId);
    const key = opened.map((o) => `${o.provider}@${o.updated_at}`).join('|');
    const cached = this.cache.get(tenantId);
    if (cached && cached.key === key) return cached.built;
    const built = new Map<string, BuiltIntegration>();
    for (const o of opened) {
      const definition = integrationDefinition(o.provider);
      if (!definition) continue;
      const settings = (definition.storedSettingsSchema ?? definition.settingsSchema).safeParse(o.settings);
      const secrets = definition.secretsSchema.safeParse(o.secrets);
      if (!settings.success || !secrets.success) {
        // Stored before a schema change: skipped (and said so) rather than failing every brief.
        this.logger?.warn({ tenant_id: tenantId, provider: o.provider }, 'stored integration no longer valid; reconnect it');
        continue;
      }
      built.set(o.provider, definition.build(settings.data, secrets.data));
    }
    this.cache.set(tenantId, { key, built });
    return built;
  }

  /**
   * The integration answering webhooks from `source` (e.g. `sunshine` is Zendesk's). `source` comes
   * from the URL: only a webhook's own name counts, never an inherited one (`constructor`, `__proto__`).
   */
  async webhookOwner(tenantId: string, source: string): Promise<{ provider: string; integration: BuiltIntegration } | undefined> {
    for (const [provider, integration] of await this.forTenant(tenantId)) {
      if (integration.webhooks && Object.hasOwn(integration.webhooks, source)) return { provider, integration };
    }
    return undefined;
  }
}
