import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { matchesOf, type ClaimedSpans, type Found } from './spans';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Emails, lower-cased so "Ana@Example.com" and "ana@example.com" count once. */
export function findEmails(text: string, claimed: ClaimedSpans): Found<string>[] {
  const found: Found<string>[] = [];
  for (const m of matchesOf(EMAIL, text)) {
    const end = m.index + m[0].length;
    if (claimed.overlaps(m.index, end)) continue;
    claimed.claim(m.index, end);
    found.push({ at: m.index, value: m[0].toLowerCase() });
  }
  return found;
}

/**
 * Phone numbers in E.164. libphonenumber only accepts numbers valid for their country, which already
 * rejects order ids and amounts; claimed text (order ids, tracking numbers) is skipped on top.
 */
export function findPhones(text: string, claimed: ClaimedSpans, country: CountryCode): Found<string>[] {
  const found: Found<string>[] = [];
  for (const hit of findPhoneNumbersInText(text, { defaultCountry: country })) {
    if (claimed.overlaps(hit.startsAt, hit.endsAt)) continue;
    claimed.claim(hit.startsAt, hit.endsAt);
    found.push({ at: hit.startsAt, value: hit.number.number });
  }
  return found;
}
