import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { matchesOf, type ClaimedSpans, type Found } from './spans';

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

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
 * A stretch of digits joined only by phone punctuation ("+1 (415) 555-0134"). No valid number in any
 * country has fewer than seven digits with its country code, so text without such a stretch, or
 * whose stretches are mostly claimed already (tracking numbers, order ids), cannot hold a phone.
 */
const PHONE_STRETCH = /\+?\d(?:[\s().\/\u2010-\u2015-]{0,3}\d)+/g;
const MIN_PHONE_DIGITS = 7;

/** Cheap gate before libphonenumber, which costs far more than a regex even when it finds nothing. */
function mayHoldPhone(text: string, claimed: ClaimedSpans): boolean {
  for (const m of matchesOf(PHONE_STRETCH, text)) {
    let digits = 0;
    for (let i = 0; i < m[0].length; i += 1) {
      const at = m.index + i;
      const c = m[0].charCodeAt(i);
      if (c >= 48 && c <= 57 && !claimed.overlaps(at, at + 1)) digits += 1;
    }
    if (digits >= MIN_PHONE_DIGITS) return true;
  }
  return false;
}

/**
 * Phone numbers in E.164. libphonenumber only accepts numbers valid for their country, which already
 * rejects order ids and amounts; claimed text (order ids, tracking numbers) is skipped on top.
 */
export function findPhones(text: string, claimed: ClaimedSpans, country: CountryCode): Found<string>[] {
  const found: Found<string>[] = [];
  if (!mayHoldPhone(text, claimed)) return found;
  for (const hit of findPhoneNumbersInText(text, { defaultCountry: country })) {
    if (claimed.overlaps(hit.startsAt, hit.endsAt)) continue;
    claimed.claim(hit.startsAt, hit.endsAt);
    found.push({ at: hit.startsAt, value: hit.number.number });
  }
  return found;
}
