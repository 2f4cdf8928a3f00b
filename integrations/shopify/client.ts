import type { AxiosInstance } from 'axios';
import { UpstreamError } from '../../server/errors';
import { createVendorHttp } from '../../server/connectors/vendor-http';

/** A dated Admin API version: its GraphQL schema holds still. */
export const SHOPIFY_API_VERSION = '2025-01';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const sleepFor: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    }, { once: true });
  });

export function createShopifyHttp(options: { shop: string; accessToken: string; baseUrl?: string; timeoutMs?: number }): AxiosInstance {
  return createVendorHttp({
    baseURL: options.baseUrl ?? `https://${options.shop}.myshopify.com`,
    headers: { 'X-Shopify-Access-Token': options.accessToken, 'Content-Type': 'application/json' },
    timeoutMs: options.timeoutMs,
  });
}

/**
 * Shopify's GraphQL Admin API with its cost-based limit respected: every answer reports the points
 * left and the restore rate in `extensions.cost`; a query is held back until enough points have come
 * back, and a THROTTLED answer is retried after the time the points need.
 */
export class ShopifyGraphql {
  private lastStatus: ThrottleStatus | undefined;
  private lastStatusAt = 0;

  constructor(
    private readonly http: AxiosInstance,
    private readonly options: { sleep?: Sleep; now?: () => number; maxWaitMs?: number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Milliseconds until `cost` points are available, from the last status Shopify reported. */
  waitFor(cost: number): number {
    const s = this.lastStatus;
    if (!s || s.restoreRate <= 0) return 0;
    const restored = ((this.now() - this.lastStatusAt) / 1000) * s.restoreRate;
    const available = Math.min(s.maximumAvailable, s.currentlyAvailable + restored);
    return available >= cost ? 0 : Math.ceil(((cost - available) / s.restoreRate) * 1000);
  }

  async query<T>(query: string, variables: Record<string, unknown>, expectedCost: number, signal?: AbortSignal): Promise<T> {
    const sleep = this.options.sleep ?? sleepFor;
    const maxWait = this.options.maxWaitMs ?? 10_000;
    for (let attempt = 1; ; attempt += 1) {
      const wait = this.waitFor(expectedCost);
      if (wait > maxWait) throw new UpstreamError('rate limited (Shopify query cost)', false);
      if (wait > 0) await sleep(wait, signal);
      const { data } = await this.http.post<GraphqlResponse<T>>(`/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, { query, variables }, { signal });
      const status = data.extensions?.cost?.throttleStatus;
      if (status) {
        this.lastStatus = status;
        this.lastStatusAt = this.now();
      }
      const throttled = data.errors?.some((e) => e.extensions?.code === 'THROTTLED');
      if (throttled && attempt < 3) {
        expectedCost = data.extensions?.cost?.requestedQueryCost ?? expectedCost;
        continue;
      }
      if (data.errors?.length || !data.data) {
        throw new UpstreamError(throttled ? 'rate limited (Shopify query cost)' : 'Shopify GraphQL error', false);
      }
      return data.data;
    }
  }
}
