import { ClaimedSpans } from '../../server/domain/facts/spans';
import { findContextualTracking, findSelfEvidentTracking } from '../../server/domain/facts/tracking-numbers';

/**
 * Carriers Baton can link to: each one's public tracking page and the hosts those pages live on.
 * Links are built only from these templates, and a link from elsewhere (a shop's fulfilment record)
 * is shown only when its host is on this list.
 */
interface Carrier {
  /** AfterShip's courier slug. */
  slug: string;
  page: (number: string) => string;
  hosts: string[];
}

const q = encodeURIComponent;

export const CARRIERS: Record<string, Carrier> = {
  UPS: { slug: 'ups', page: (n) => `https://www.ups.com/track?tracknum=${q(n)}`, hosts: ['www.ups.com', 'ups.com'] },
  USPS: { slug: 'usps', page: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${q(n)}`, hosts: ['tools.usps.com'] },
  FedEx: { slug: 'fedex', page: (n) => `https://www.fedex.com/fedextrack/?trknbr=${q(n)}`, hosts: ['www.fedex.com', 'fedex.com'] },
  DHL: { slug: 'dhl', page: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${q(n)}`, hosts: ['www.dhl.com', 'dhl.com'] },
  'Royal Mail': { slug: 'royal-mail', page: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${q(n)}`, hosts: ['www.royalmail.com'] },
  'Canada Post': { slug: 'canada-post', page: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${q(n)}`, hosts: ['www.canadapost-postescanada.ca'] },
  'Australia Post': { slug: 'australia-post', page: (n) => `https://auspost.com.au/mypost/track/details/${q(n)}`, hosts: ['auspost.com.au'] },
  'Deutsche Post': { slug: 'deutsch-post', page: (n) => `https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=${q(n)}`, hosts: ['www.deutschepost.de'] },
  'La Poste': { slug: 'la-poste-colissimo', page: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${q(n)}`, hosts: ['www.laposte.fr'] },
  'Amazon Logistics': { slug: 'amazon', page: (n) => `https://track.amazon.com/tracking/${q(n)}`, hosts: ['track.amazon.com'] },
};

const ALLOWED_HOSTS = new Set(Object.values(CARRIERS).flatMap((c) => c.hosts));

/** True for an https link on a carrier's own tracking host. */
export function isCarrierTrackingUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && ALLOWED_HOSTS.has(parsed.hostname) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The carrier a tracking number's format belongs to, with the same rules that find numbers in
 * messages (server/domain/facts/tracking-numbers.ts); `hint` is text around it, e.g. a company name.
 */
export function detectCarrier(number: string, hint = ''): string | undefined {
  const text = `${hint} ${number}`.trim();
  const claimed = new ClaimedSpans(text.length);
  const found = [...findSelfEvidentTracking(text, claimed), ...findContextualTracking(text, claimed)];
  const compact = number.replace(/\s+/g, '').toUpperCase();
  return found.find((f) => f.value.number.replace(/\s+/g, '').toUpperCase() === compact)?.value.carrier;
}

/**
 * The carrier's own tracking page for a number, when Baton knows the carrier. The name may be a
 * shop's own text (Shopify's tracking company): one of CARRIERS' own entries only, since an inherited
 * member ("constructor", "toString") has no page and calling it threw, losing the shop's whole section.
 */
export function carrierTrackingUrl(carrier: string | undefined, number: string): string | undefined {
  return carrier && Object.hasOwn(CARRIERS, carrier) ? CARRIERS[carrier]!.page(number) : undefined;
}
