import { isCarrierTrackingUrl, carrierTrackingUrl, detectCarrier } from '../tracking';
import type { ShopifyGraphql } from './client';

/**
 * Orders by customer e-mail or by order name/number, newest first, with what an agent checks first:
 * payment and fulfilment state, items, totals, refunds and parcels.
 */
export const ORDERS_QUERY = `
query BatonOrders($query: String!, $first: Int!) {
  orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
    nodes {
      id
      legacyResourceId
      name
      email
      createdAt
      cancelledAt
      closed
      displayFinancialStatus
      displayFulfillmentStatus
      totalPriceSet { shopMoney { amount currencyCode } }
      totalRefundedSet { shopMoney { amount currencyCode } }
      customer { displayName email numberOfOrders }
      lineItems(first: 20) { nodes { title quantity sku } }
      refunds(first: 10) { createdAt note totalRefundedSet { shopMoney { amount currencyCode } } }
      fulfillments(first: 10) { status displayStatus trackingInfo(first: 5) { company number url } }
    }
  }
}`;

/** Shopify's cost estimate for the query above at 5 orders (lists count at their `first`). */
export const ORDERS_QUERY_COST = 60;

interface Money {
  shopMoney: { amount: string; currencyCode: string };
}

export interface ShopifyOrderNode {
  id: string;
  legacyResourceId: string;
  name: string;
  email?: string | null;
  createdAt: string;
  cancelledAt?: string | null;
  closed?: boolean;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus?: string | null;
  totalPriceSet: Money;
  totalRefundedSet?: Money | null;
  customer?: { displayName?: string; email?: string | null; numberOfOrders?: string | number } | null;
  lineItems: { nodes: { title: string; quantity: number; sku?: string | null }[] };
  refunds?: { createdAt: string; note?: string | null; totalRefundedSet: Money }[];
  fulfillments?: { status?: string; displayStatus?: string | null; trackingInfo: { company?: string | null; number?: string | null; url?: string | null }[] }[];
}

/** Order ids as customers write them become `name:` terms; anything but letters, digits and - is dropped. */
export function ordersSearch(input: { email?: string; orderIds?: readonly string[] }): string | undefined {
  const terms: string[] = [];
  if (input.email && /^[^\s"\\]+@[^\s"\\]+$/.test(input.email)) terms.push(`email:"${input.email}"`);
  for (const id of input.orderIds ?? []) {
    const clean = id.replace(/^#/, '').replace(/[^A-Za-z0-9-]/g, '');
    if (clean) terms.push(`name:"#${clean}"`, `name:"${clean}"`);
  }
  return terms.length ? terms.join(' OR ') : undefined;
}

const money = (m: Money | null | undefined) => (m ? { amount: m.shopMoney.amount, currency: m.shopMoney.currencyCode } : undefined);

/** An order as the brief holds it; tracking links only on carriers' own hosts. */
export function orderView(node: ShopifyOrderNode, adminUrl: (legacyId: string) => string) {
  const parcels = (node.fulfillments ?? []).flatMap((f) =>
    f.trackingInfo
      .filter((t) => t.number)
      .map((t) => {
        const carrier = detectCarrier(t.number!, t.company ?? '') ?? t.company ?? undefined;
        const url = isCarrierTrackingUrl(t.url) ? t.url : carrierTrackingUrl(carrier, t.number!);
        return { number: t.number!, carrier, url, status: f.displayStatus ?? f.status };
      }),
  );
  return {
    name: node.name,
    admin_url: adminUrl(node.legacyResourceId),
    created_at: node.createdAt,
    cancelled: Boolean(node.cancelledAt),
    financial_status: node.displayFinancialStatus ?? undefined,
    fulfillment_status: node.displayFulfillmentStatus ?? undefined,
    total: money(node.totalPriceSet),
    refunded: money(node.totalRefundedSet),
    line_items: node.lineItems.nodes.map((li) => ({ title: li.title, quantity: li.quantity, ...(li.sku ? { sku: li.sku } : {}) })),
    refunds: (node.refunds ?? []).map((r) => ({ at: r.createdAt, amount: money(r.totalRefundedSet), ...(r.note ? { note: r.note } : {}) })),
    tracking: parcels,
  };
}

export type OrderView = ReturnType<typeof orderView>;

export async function findOrders(graphql: ShopifyGraphql, search: string, signal?: AbortSignal, first = 5): Promise<ShopifyOrderNode[]> {
  const data = await graphql.query<{ orders: { nodes: ShopifyOrderNode[] } }>(ORDERS_QUERY, { query: search, first }, ORDERS_QUERY_COST, signal);
  return data.orders.nodes;
}
