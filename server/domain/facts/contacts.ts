import { searchPhoneNumbersInText, type CountryCode, type NumberFound } from 'libphonenumber-js';
import { matchesOf, MAX_FACTS_PER_KIND, type ClaimedSpans, type Found } from './spans';

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Emails, lower-cased so "Ana@Example.com" and "ana@example.com" count once. */
export function findEmails(text: string, claimed: ClaimedSpans): Found<string>[] {
  const found: Found<string>[] = [];
  // No "@", no e-mail: skips the pattern's try of up to 64 characters at every position of the text.
  if (!text.includes('@')) return found;
  for (const m of matchesOf(EMAIL, text)) {
    if (found.length >= MAX_FACTS_PER_KIND) break;
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
 * Candidates libphonenumber may reject or we may skip (claimed text) before it gives up on a message.
 * Its own default is unlimited, and each try costs a parse: a 1 MB run of digits took seconds.
 */
const MAX_PHONE_TRIES = 200;

function* phoneHits(text: string, country: CountryCode, possible: boolean): Generator<NumberFound> {
  // `maxTries` is a documented PhoneNumberMatcher option the type declarations leave out.
  const options = { defaultCountry: country, extended: possible, maxTries: MAX_PHONE_TRIES };
  let examined = 0;
  for (const hit of searchPhoneNumbersInText(text, options)) {
    if (++examined > MAX_PHONE_TRIES) return;
    yield hit;
  }
}

/**
 * A number written nationally with a leading 0 is never a US one (no area code starts with 0), so
 * when the default country finds nothing there it is read as British, the commonest such number in
 * the English we see ("07700 900123", "020 7946 0958"). A number the UK does not assign (the 07700
 * 900xxx drama range) is still kept when it has the shape of a UK mobile and a phone word sits just
 * before it ("port my number 07700 900123"): the customer gave it as their number either way.
 */
const SECOND_COUNTRY: CountryCode = 'GB';
/** A 0 starting a run of at least ten digits (UK numbers are 0 and nine or ten more), not inside a date or amount. */
const NATIONAL_ZERO = /(?<![\w+.,/-])0\d(?:[\s-]?\d){8}/;
const UK_MOBILE_SHAPE = /^\+447\d{9}$/;
const PHONE_WORD_BEFORE = /\b(?:number|phone|mobile|cell|tel|telephone|call|ring|text|sms|whatsapp|contact|reach)\b[^.!?\n]{0,25}$/i;

function secondCountryKeeps(text: string, hit: NumberFound): boolean {
  if (text[hit.startsAt] !== '0') return false;
  if (hit.number.isValid()) return true;
  return UK_MOBILE_SHAPE.test(hit.number.number) && PHONE_WORD_BEFORE.test(text.slice(Math.max(0, hit.startsAt - 40), hit.startsAt));
}

/**
 * Phone numbers in E.164. libphonenumber only accepts numbers valid for their country, which already
 * rejects order ids and amounts; claimed text (order ids, tracking numbers) is skipped on top.
 */
export function findPhones(text: string, claimed: ClaimedSpans, country: CountryCode): Found<string>[] {
  const found: Found<string>[] = [];
  if (!mayHoldPhone(text, claimed)) return found;
  const keep = (hit: NumberFound) => {
    if (claimed.overlaps(hit.startsAt, hit.endsAt)) return;
    claimed.claim(hit.startsAt, hit.endsAt);
    found.push({ at: hit.startsAt, value: hit.number.number });
  };
  for (const hit of phoneHits(text, country, false)) {
    keep(hit);
    if (found.length >= MAX_FACTS_PER_KIND) return found;
  }
  if (country === SECOND_COUNTRY || !NATIONAL_ZERO.test(text)) return found;
  for (const hit of phoneHits(text, SECOND_COUNTRY, true)) {
    if (secondCountryKeeps(text, hit)) keep(hit);
    if (found.length >= MAX_FACTS_PER_KIND) return found;
  }
  return found;
}
