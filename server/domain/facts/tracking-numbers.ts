import { matchesOf, MAX_FACTS_PER_KIND, type ClaimedSpans, type Found } from './spans';

export interface TrackingNumber {
  number: string;
  carrier: string;
}

/** How far (characters) a context word may sit from a bare digit run and still vouch for it. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 30;

const TRACKING_CONTEXT = /\b(?:track(?:ing)?|shipment|waybill|awb|parcel|package|fedex|dhl|ups|usps|courier|carrier)\b/i;
const FEDEX_CONTEXT = /\bfed\s?ex\b/i;
const DHL_CONTEXT = /\bdhl\b/i;

/** UPU S10 international items (two letters, nine digits, the posting country): the suffix names the post. */
const POSTS: Record<string, string> = {
  US: 'USPS',
  GB: 'Royal Mail',
  CA: 'Canada Post',
  AU: 'Australia Post',
  DE: 'Deutsche Post',
  FR: 'La Poste',
  CN: 'China Post',
};

/**
 * Formats that identify themselves: found anywhere. Order matters (first match claims the text).
 * USPS: 20–22 digits starting 91–95, optionally prefixed by 420 + ZIP (5 or 9 digits) as printed on
 * the label's barcode; the whole string is kept because that is what the customer will paste back.
 */
const SELF_EVIDENT: { regex: RegExp; carrier: (m: RegExpExecArray) => string }[] = [
  { regex: /\b1Z[0-9A-Z]{16}\b/gi, carrier: () => 'UPS' },
  { regex: /\bJJD\d{10,20}\b/gi, carrier: () => 'DHL' },
  { regex: /\bJD\d{18}\b/gi, carrier: () => 'DHL' },
  { regex: /\bTBA\d{12}\b/gi, carrier: () => 'Amazon Logistics' },
  { regex: /\b420\d{5}(?:\d{4})?9[1-5]\d{18,20}\b/g, carrier: () => 'USPS' },
  { regex: /\b9[1-5]\d{18,20}\b/g, carrier: () => 'USPS' },
  {
    regex: /\b[A-Z]{2}\d{9}([A-Z]{2})\b/g,
    carrier: (m) => POSTS[m[1]!] ?? `postal (${m[1]})`,
  },
];

/**
 * Bare digit runs (optionally written in groups of four, as labels print them) that are tracking
 * numbers only when a word nearby says so: 12, 15 or 20 digits is FedEx's format, 10 digits DHL
 * Express's, but both look like phone numbers or ids without context.
 */
const DIGIT_RUN = /\b\d{4}(?: \d{4}){2,5}(?: \d{1,3})?\b|\b\d{10,22}\b/g;

function near(text: string, start: number, end: number, regex: RegExp): boolean {
  return regex.test(text.slice(Math.max(0, start - CONTEXT_BEFORE), Math.min(text.length, end + CONTEXT_AFTER)));
}

function classifyDigits(digits: string, text: string, start: number, end: number): string | undefined {
  if (/^9[1-5]\d{18,20}$/.test(digits)) return 'USPS';
  const fedexLength = digits.length === 12 || digits.length === 15 || digits.length === 20;
  if (fedexLength && near(text, start, end, FEDEX_CONTEXT)) return 'FedEx';
  if (digits.length === 10 && near(text, start, end, DHL_CONTEXT)) return 'DHL';
  if (fedexLength && near(text, start, end, TRACKING_CONTEXT) && !near(text, start, end, DHL_CONTEXT)) return 'FedEx';
  return undefined;
}

/** Formats that name their carrier by shape alone; run before order ids so "order 1Z…" stays a parcel. */
export function findSelfEvidentTracking(text: string, claimed: ClaimedSpans): Found<TrackingNumber>[] {
  const found: Found<TrackingNumber>[] = [];
  for (const { regex, carrier } of SELF_EVIDENT) {
    for (const m of matchesOf(regex, text)) {
      if (found.length >= MAX_FACTS_PER_KIND) return found;
      const end = m.index + m[0].length;
      if (claimed.overlaps(m.index, end)) continue;
      claimed.claim(m.index, end);
      found.push({ at: m.index, value: { number: m[0].toUpperCase(), carrier: carrier(m) } });
    }
  }
  return found;
}

/** Bare digit runs vouched for by a nearby word; run after order ids so "order number 123456789012" stays an order. */
export function findContextualTracking(text: string, claimed: ClaimedSpans): Found<TrackingNumber>[] {
  const found: Found<TrackingNumber>[] = [];
  for (const m of matchesOf(DIGIT_RUN, text)) {
    if (found.length >= MAX_FACTS_PER_KIND) break;
    const end = m.index + m[0].length;
    if (claimed.overlaps(m.index, end)) continue;
    const digits = m[0].replace(/ /g, '');
    const carrier = classifyDigits(digits, text, m.index, end);
    if (!carrier) continue;
    claimed.claim(m.index, end);
    found.push({ at: m.index, value: { number: digits, carrier } });
  }
  return found;
}
