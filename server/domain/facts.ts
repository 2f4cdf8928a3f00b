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

/** Appends values not yet present (by key), keeping the order of first mention. */
function addUnique<T>(into: T[], values: T[], key: (v: T) => string = String): void {
  const seen = new Set(into.map(key));
  for (const v of values) {
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      into.push(v);
    }
  }
}

const amountKey = (a: Amount) => `${a.value} ${a.currency}`;

function merge(into: Facts, from: Facts): void {
  addUnique(into.order_ids, from.order_ids);
  addUnique(into.emails, from.emails);
  addUnique(into.phones, from.phones);
  addUnique(into.tracking_numbers, from.tracking_numbers);
  addUnique(into.amounts, from.amounts, amountKey);
  addUnique(into.dates, from.dates);
  if (from.carriers) into.carriers = { ...from.carriers, ...into.carriers };
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
  const facts = emptyFacts();
  const now = options.now ?? referenceTime(conversation);
  for (const message of conversation.messages) {
    if (message.role !== 'customer') continue;
    // "yesterday" means the day before the message was written, when the message says when that was.
    const at = message.at ? new Date(message.at) : now;
    merge(facts, extractFactsFromText(message.text, { ...options, now: at }));
  }
  return facts;
}
