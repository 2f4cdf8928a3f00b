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
