import type { CountryCode } from 'libphonenumber-js';
import type { Conversation } from './conversation';
import type { Amount, Facts } from './decision';
import { findAmounts } from './facts/amounts';
import { findEmails, findPhones } from './facts/contacts';
import { findDates } from './facts/dates';
import { findOrderIds } from './facts/order-ids';
import { ClaimedSpans, type Found } from './facts/spans';
import { findContextualTracking, findSelfEvidentTracking, type TrackingNumber } from './facts/tracking-numbers';

export interface FactsOptions {
  /** Shop currency (ISO 4217) for "$" and for bare amounts after "charged"/"refund of"; default USD. */
  currency?: string;
  /**
   * The conversation's "now", for relative dates ("yesterday"). extractFacts defaults it to
   * `occurred_at`, then the last timestamped message; without one only full dates are kept (the
   * domain never reads the clock).
   */
  now?: Date;
  /** Default country for phone numbers written without a country code; default US. */
  country?: CountryCode;
}

function emptyFacts(): Facts {
  return { order_ids: [], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] };
}

function inOrder<T>(found: Found<T>[]): T[] {
  return [...found].sort((a, b) => a.at - b.at).map((f) => f.value);
}

/**
 * At most this many of each kind: enough for any brief, and a pasted log with ten thousand order
 * numbers neither grows the decision without end nor costs a look-up per fact already kept.
 */
export const MAX_FACTS_PER_KIND = 100;

/** Appends values not yet present (by key), keeping the order of first mention, up to the cap. */
function addUnique<T>(into: T[], values: T[], key: (v: T) => string = String, seen: Set<string> = new Set(into.map(key))): void {
  for (const v of values) {
    if (into.length >= MAX_FACTS_PER_KIND) return;
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      into.push(v);
    }
  }
}

const amountKey = (a: Amount) => `${a.value} ${a.currency}`;

/**
 * Merges each message's facts into one set, remembering what it holds: rebuilding the seen keys
 * for every message made a conversation of n messages cost n² (4 s for 10,000 messages).
 */
class FactsMerger {
  readonly facts = emptyFacts();
  private readonly seen = { order_ids: new Set<string>(), emails: new Set<string>(), phones: new Set<string>(), tracking_numbers: new Set<string>(), amounts: new Set<string>(), dates: new Set<string>() };

  add(from: Facts): void {
    const { facts, seen } = this;
    addUnique(facts.order_ids, from.order_ids, String, seen.order_ids);
    addUnique(facts.emails, from.emails, String, seen.emails);
    addUnique(facts.phones, from.phones, String, seen.phones);
    addUnique(facts.tracking_numbers, from.tracking_numbers, String, seen.tracking_numbers);
    addUnique(facts.amounts, from.amounts, amountKey, seen.amounts);
    addUnique(facts.dates, from.dates, String, seen.dates);
    // The carrier of each number kept, as first told.
    for (const [number, carrier] of Object.entries(from.carriers ?? {})) {
      if (seen.tracking_numbers.has(number) && facts.carriers?.[number] === undefined) (facts.carriers ??= {})[number] = carrier;
    }
  }
}

/**
 * The facts in one message. Extractors run from the most self-describing format to the least and
 * each skips text an earlier one claimed, so one string is one fact: tracking numbers with a fixed
 * shape, emails, order ids, tracking numbers vouched for by a nearby word, amounts, phones, dates.
 */
export function extractFactsFromText(text: string, options: FactsOptions = {}): Facts {
  const claimed = new ClaimedSpans(text.length);
  const currency = (options.currency ?? 'USD').toUpperCase();
  const tracking: Found<TrackingNumber>[] = findSelfEvidentTracking(text, claimed);
  const emails = findEmails(text, claimed);
  const orderIds = findOrderIds(text, claimed);
  tracking.push(...findContextualTracking(text, claimed));
  const amounts = findAmounts(text, claimed, currency);
  const phones = findPhones(text, claimed, options.country ?? 'US');
  const dates = findDates(text, claimed, options.now);

  const facts = emptyFacts();
  addUnique(facts.order_ids, inOrder(orderIds));
  addUnique(facts.emails, inOrder(emails));
  addUnique(facts.phones, inOrder(phones));
  const parcels = inOrder(tracking);
  addUnique(facts.tracking_numbers, parcels.map((t) => t.number));
  addUnique(facts.amounts, inOrder(amounts), amountKey);
  addUnique(facts.dates, inOrder(dates));
  if (parcels.length > 0) facts.carriers = Object.fromEntries(parcels.map((t) => [t.number, t.carrier]));
  return facts;
}

function referenceTime(conversation: Conversation): Date | undefined {
  const stamp = conversation.occurred_at ?? conversation.messages.findLast((m) => m.at)?.at;
  return stamp ? new Date(stamp) : undefined;
}

/**
 * What the customer already said, across their messages, deduplicated in order of first mention.
 * Only customer messages count: a number the bot quoted is not something the customer told us.
 */
export function extractFacts(conversation: Conversation, options: FactsOptions = {}): Facts {
  const merged = new FactsMerger();
  const now = options.now ?? referenceTime(conversation);
  for (const message of conversation.messages) {
    if (message.role !== 'customer') continue;
    // "yesterday" means the day before the message was written, when the message says when that was.
    const at = message.at ? new Date(message.at) : now;
    merged.add(extractFactsFromText(message.text, { ...options, now: at }));
  }
  return merged.facts;
}
