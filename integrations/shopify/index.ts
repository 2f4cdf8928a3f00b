import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { ConnectorContext, ContextConnector } from '../../server/connectors/types';
import { createShopifyHttp, ShopifyGraphql, type Sleep } from './client';
import { findOrders, orderView, ordersSearch } from './orders';

export const shopifySettingsSchema = z.object({
  /** `acme` for acme.myshopify.com. */
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the shop name, e.g. acme for acme.myshopify.com'),
  /** Where the Admin API answers; default https://<shop>.myshopify.com (set only for a local stand-in). */
  api_base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});
export const shopifySecretsSchema = z.object({
  /** An Admin API access token with read_orders (read_all_orders for orders older than 60 days). */
  access_token: z.string().min(8, 'must be the Admin API access token'),
});
export type ShopifySettings = z.output<typeof shopifySettingsSchema>;
export type ShopifySecrets = z.output<typeof shopifySecretsSchema>;

export function shopifyOrderAdminUrl(shop: string, legacyId: string): string {
  return `https://admin.shopify.com/store/${shop}/orders/${encodeURIComponent(legacyId)}`;
}

/** The orders section of the brief: the customer's recent orders and any order they named. */
export class ShopifyConnector implements ContextConnector {
  readonly kind = 'shopify';

  constructor(
    private readonly graphql: ShopifyGraphql,
    private readonly shop: string,
  ) {}

  async fetch(context: ConnectorContext, signal: AbortSignal): Promise<Record<string, unknown> | undefined> {
    const search = ordersSearch({ email: context.customerEmail, orderIds: context.facts.order_ids });
    if (!search) return undefined;
    const nodes = await findOrders(this.graphql, search, signal);
    const orders = nodes.map((n) => orderView(n, (id) => shopifyOrderAdminUrl(this.shop, id)));
    const first = orders[0];
    const summary = first
      ? `${orders.length} order(s); latest ${first.name}: ${(first.financial_status ?? '').toLowerCase() || 'unknown payment'}, ${(first.fulfillment_status ?? '').toLowerCase() || 'unknown fulfilment'}, ${first.total?.amount} ${first.total?.currency}${first.tracking.length ? `, tracking ${first.tracking.map((t) => t.number).join(', ')}` : ''}`
      : 'no matching orders';
    return { summary, orders };
  }
}

export function shopifyConnector(options: { settings: ShopifySettings; secrets: ShopifySecrets; http?: AxiosInstance; sleep?: Sleep }): ShopifyConnector {
  const http = options.http ?? createShopifyHttp({ shop: options.settings.shop, accessToken: options.secrets.access_token, baseUrl: options.settings.api_base_url });
  return new ShopifyConnector(new ShopifyGraphql(http, { sleep: options.sleep }), options.settings.shop);
}

/** Registered in server/integrations/registry.ts. */
export const shopifyDefinition = {
  provider: 'shopify',
  settingsSchema: shopifySettingsSchema,
  secretsSchema: shopifySecretsSchema,
  build: (settings: ShopifySettings, secrets: ShopifySecrets) => ({ connector: shopifyConnector({ settings, secrets }) }),
};
