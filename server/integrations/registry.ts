import { gorgiasDefinition } from '../../integrations/gorgias';
import { shopifyDefinition } from '../../integrations/shopify';
import { trackingDefinition } from '../../integrations/tracking';
import { zendeskDefinition } from '../../integrations/zendesk';
import type { IntegrationDefinition } from './types';

/** Every vendor Baton can connect: adding one is a folder under integrations/ and one line here. */
export const INTEGRATIONS: Record<string, IntegrationDefinition<any, any>> = {
  zendesk: zendeskDefinition,
  gorgias: gorgiasDefinition,
  shopify: shopifyDefinition,
  tracking: trackingDefinition,
};

export const PROVIDERS = Object.keys(INTEGRATIONS);

/**
 * The definition of `provider`, or undefined. Provider names come from URLs and stored rows: only a
 * registered name counts, never one every object inherits (`constructor`, `__proto__`).
 */
export function integrationDefinition(provider: string): IntegrationDefinition<any, any> | undefined {
  return Object.hasOwn(INTEGRATIONS, provider) ? INTEGRATIONS[provider] : undefined;
}
