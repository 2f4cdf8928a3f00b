import { z } from 'zod';
import type { AxiosInstance } from 'axios';
import type { ConnectorContext, ContextConnector } from '../../server/connectors/types';
import { AftershipClient, createAftershipHttp } from './aftership';
import { carrierTrackingUrl, detectCarrier } from './carriers';
import { parcelStatus, statusSentence } from './status';

export { isCarrierTrackingUrl, detectCarrier, carrierTrackingUrl } from './carriers';
export { parcelStatus } from './status';

export interface TrackingOptions {
  /** Without a key the connector still names carriers and links their pages, offline. */
  client?: AftershipClient;
  /** Clock for "stuck" (the domain takes `now`; the connector reads it once per fetch). */
  now?: () => Date;
  stuckAfterDays?: number;
  /** At most this many parcels looked up per brief. */
  maxParcels?: number;
}

/**
 * Parcels the customer mentioned (the rules' facts): carrier, the carrier's own tracking page, and,
 * with AfterShip connected, the status and latest checkpoint.
 */
export class TrackingConnector implements ContextConnector {
  readonly kind = 'tracking';

  constructor(private readonly options: TrackingOptions = {}) {}

  async fetch(context: ConnectorContext, signal: AbortSignal): Promise<Record<string, unknown> | undefined> {
    const numbers = context.facts.tracking_numbers.slice(0, this.options.maxParcels ?? 3);
    if (numbers.length === 0) return undefined;
    const now = (this.options.now ?? (() => new Date()))();
    const parcels = await Promise.all(
      numbers.map(async (number) => {
        const carrier = context.facts.carriers?.[number] ?? detectCarrier(number);
        const parcel: Record<string, unknown> = { number, carrier, url: carrierTrackingUrl(carrier, number) };
        const tracking = this.options.client ? await this.options.client.findTracking(number, signal) : undefined;
        if (tracking) {
          const status = parcelStatus(tracking, now, this.options.stuckAfterDays);
          Object.assign(parcel, status, { summary: statusSentence(number, carrier, status) });
        } else {
          parcel.summary = `${carrier ? `${carrier} ` : ''}${number}: ${this.options.client ? 'not tracked in AfterShip' : 'status not looked up'}`;
        }
        return parcel;
      }),
    );
    return { summary: parcels.map((p) => p.summary).join('; '), parcels };
  }
}

export function trackingConnector(options: { apiKey?: string; baseUrl?: string; http?: AxiosInstance; stuckAfterDays?: number; now?: () => Date }): TrackingConnector {
  const http = options.http ?? (options.apiKey ? createAftershipHttp({ apiKey: options.apiKey, baseUrl: options.baseUrl }) : undefined);
  return new TrackingConnector({ client: http ? new AftershipClient(http) : undefined, stuckAfterDays: options.stuckAfterDays, now: options.now });
}

export const trackingSettingsSchema = z.object({
  /** Days without a carrier checkpoint before an undelivered parcel counts as stuck. */
  stuck_after_days: z.number().int().min(1).max(60).default(5),
  /** Where AfterShip answers (set only for a local stand-in). */
  api_base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});
/** Without an AfterShip key the connector still names carriers and links their pages. */
export const trackingSecretsSchema = z.object({ aftership_api_key: z.string().min(8).optional() });

/** Registered in server/integrations/registry.ts. */
export const trackingDefinition = {
  provider: 'tracking',
  settingsSchema: trackingSettingsSchema,
  secretsSchema: trackingSecretsSchema,
  build: (settings: z.output<typeof trackingSettingsSchema>, secrets: z.output<typeof trackingSecretsSchema>) => ({
    connector: trackingConnector({ apiKey: secrets.aftership_api_key, baseUrl: settings.api_base_url, stuckAfterDays: settings.stuck_after_days }),
  }),
};
