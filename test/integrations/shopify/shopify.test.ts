import nock from 'nock';
import { shopifyConnector, shopifySecretsSchema, shopifySettingsSchema } from '../../../integrations/shopify';
import { ordersSearch } from '../../../integrations/shopify/orders';
import type { ConnectorContext } from '../../../server/connectors/types';
import { gatherContext } from '../../../server/connectors/fan-out';
import { onlyNockedHttp } from '../../helpers/outside-http';
import { fixture } from '../../helpers/vendor-fixtures';

onlyNockedHttp();

const SHOP = 'https://acme.myshopify.com';
const PATH = '/admin/api/2025-01/graphql.json';
const settings = shopifySettingsSchema.parse({ shop: 'acme' });
const secrets = shopifySecretsSchema.parse({ access_token: 'shpat_0123456789' });

function context(email: string | undefined, orderIds: string[] = []): ConnectorContext {
  return {
    tenantId: 't',
    conversation: { messages: [{ role: 'customer', text: 'my order' }] },
    facts: { order_ids: orderIds, emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] },
    customerEmail: email,
  };
}

describe('Shopify orders search', () => {
  it('asks by e-mail and by order name or number in one query, and keeps injected quotes out', () => {
    expect(ordersSearch({ email: 'ana@example.com', orderIds: ['#48213'] })).toBe('email:"ana@example.com" OR name:"#48213" OR name:"48213"');
    expect(ordersSearch({ email: 'a"b@x.com OR email:*', orderIds: ['1" OR "x'] })).toBe('name:"#1ORx" OR name:"1ORx"');
    expect(ordersSearch({})).toBeUndefined();
  });
});

describe('Shopify connector (GraphQL Admin API)', () => {
  it('gives orders with status, items, totals, refunds, tracking and admin links; a tracking link off a carrier host is replaced', async () => {
    let sent: any;
    const scope = nock(SHOP, { reqheaders: { 'x-shopify-access-token': 'shpat_0123456789' } })
      .post(PATH, (body) => {
        sent = body;
        return true;
      })
      .reply(200, fixture('shopify', 'graphql-orders'));
    const result = await gatherContext([shopifyConnector({ settings, secrets })], context('ana@example.com', ['48213']));
    scope.done();
    expect(sent.variables).toEqual({ query: 'email:"ana@example.com" OR name:"#48213" OR name:"48213"', first: 5 });
    expect(sent.query).toContain('orders(first: $first, query: $query');
    const section = result.customerContext.shopify as { summary: string; orders: any[] };
    expect(section.summary).toBe('2 order(s); latest #48213: partially_refunded, fulfilled, 349.99 USD, tracking 1Z999AA10123456784');
    expect(section.orders[0]).toMatchObject({
      name: '#48213',
      admin_url: 'https://admin.shopify.com/store/acme/orders/5802318348523',
      total: { amount: '349.99', currency: 'USD' },
      refunded: { amount: '20.0', currency: 'USD' },
      line_items: [{ title: 'Walnut side table', quantity: 1, sku: 'WST-01' }, { title: 'Felt pads (set of 8)', quantity: 2 }],
      refunds: [{ at: '2026-10-25T09:12:00Z', amount: { amount: '20.0', currency: 'USD' }, note: 'Shipping delay goodwill' }],
      tracking: [{ number: '1Z999AA10123456784', carrier: 'UPS', url: 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784', status: 'IN_TRANSIT' }],
    });
    expect(section.orders[1].tracking[0].url).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490');
  });

  it('with neither e-mail nor order number it asks nothing', async () => {
    expect(await gatherContext([shopifyConnector({ settings, secrets })], context(undefined))).toEqual({ customerContext: {}, sources: [{ kind: 'shopify', ok: true }] });
  });

  it('a THROTTLED answer is retried after the points it needs have come back', async () => {
    const waits: number[] = [];
    const scope = nock(SHOP).post(PATH).reply(200, fixture('shopify', 'graphql-throttled')).post(PATH).reply(200, fixture('shopify', 'graphql-orders'));
    const connector = shopifyConnector({ settings, secrets, sleep: async (ms) => void waits.push(ms) });
    const result = await gatherContext([connector], context('ana@example.com'));
    scope.done();
    expect(result.sources).toEqual([{ kind: 'shopify', ok: true }]);
    // 62 points wanted, 12 left, 100 restored per second: half a second.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(400);
    expect(waits[0]).toBeLessThanOrEqual(500);
  });

  it('a dead Shopify leaves a source that says so', async () => {
    const scope = nock(SHOP).post(PATH).reply(503, 'unavailable').post(PATH).reply(503, 'unavailable');
    const result = await gatherContext([shopifyConnector({ settings, secrets })], context('ana@example.com'));
    scope.done();
    expect(result.sources).toEqual([{ kind: 'shopify', ok: false, error: 'unavailable (HTTP 503)' }]);
  });
});
