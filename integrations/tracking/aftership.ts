import type { AxiosInstance } from 'axios';
import { createVendorHttp } from '../../server/connectors/vendor-http';

/** AfterShip's delivery status tags (its documented set). */
export const AFTERSHIP_TAGS = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;
export type AftershipTag = (typeof AFTERSHIP_TAGS)[number];

export interface AftershipCheckpoint {
  checkpoint_time?: string;
  message?: string;
  location?: string | null;
  city?: string | null;
  country_region?: string | null;
  tag?: string;
  subtag?: string;
  subtag_message?: string;
}

export interface AftershipTracking {
  id?: string;
  tracking_number: string;
  slug?: string;
  tag?: string;
  subtag?: string;
  subtag_message?: string;
  expected_delivery?: string | null;
  courier_estimated_delivery_date?: { estimated_delivery_date?: string | null } | null;
  checkpoints?: AftershipCheckpoint[];
}

/** AfterShip Tracking API, a dated version so its shapes hold still. */
export const AFTERSHIP_BASE_URL = 'https://api.aftership.com/tracking/2024-04';

export function createAftershipHttp(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }): AxiosInstance {
  return createVendorHttp({ baseURL: options.baseUrl ?? AFTERSHIP_BASE_URL, headers: { 'as-api-key': options.apiKey }, timeoutMs: options.timeoutMs });
}

export class AftershipClient {
  constructor(private readonly http: AxiosInstance) {}

  /** The tracking AfterShip holds for this number, or undefined when it tracks none. */
  async findTracking(trackingNumber: string, signal?: AbortSignal): Promise<AftershipTracking | undefined> {
    const { data } = await this.http.get<{ data?: { trackings?: AftershipTracking[] } }>('/trackings', {
      params: { tracking_numbers: trackingNumber },
      signal,
    });
    return data.data?.trackings?.[0];
  }
}
