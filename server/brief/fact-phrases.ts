import type { Amount, Facts } from '../domain/decision';
import type { LanguageCode } from '../domain/language/types';

/**
 * How the brief names facts the customer gave, so steps and the intro can use them instead of
 * asking. The agent's side of the brief is English; what the customer reads (the warm intro) passes
 * their language.
 */

/** The locale amounts are written in, by language (Brazilian Portuguese, as handoff-texts.ts's você). */
const AMOUNT_LOCALES: Record<LanguageCode, string> = {
  en: 'en-US',
  es: 'es-ES',
  fr: 'fr-FR',
  de: 'de-DE',
  pt: 'pt-BR',
  it: 'it-IT',
  nl: 'nl-NL',
};

/**
 * Number formats by language and currency, made once: building an Intl.NumberFormat costs about
 * 100 times what formatting with one does (it was 5% of assess() on 40 messages). null: a
 * currency Intl does not know. At most MAX_AMOUNT_FORMATS are kept (a message may name any code).
 */
const amountFormats = new Map<string, Intl.NumberFormat | null>();
const MAX_AMOUNT_FORMATS = 200;

function amountFormat(language: LanguageCode, currency: string): Intl.NumberFormat | null {
  const key = `${language} ${currency}`;
  let format = amountFormats.get(key);
  if (format !== undefined) return format;
  try {
    format = new Intl.NumberFormat(AMOUNT_LOCALES[language], { style: 'currency', currency });
  } catch {
    format = null; // not an ISO code Intl knows
  }
  if (amountFormats.size < MAX_AMOUNT_FORMATS) amountFormats.set(key, format);
  return format;
}

/** "$349.99"; in another language as it writes amounts ("349,99 €", "R$ 349,99"). */
export function formatAmount(amount: Amount, language: LanguageCode = 'en'): string {
  const format = amountFormat(language, amount.currency);
  return format ? format.format(amount.value) : `${amount.value} ${amount.currency}`;
}

/**
 * The list locale of each language: ICU's conjunctions ("a, b and c", "a, b y c", "Juan e Isabel").
 * English is en-GB, the list the brief has always written (no comma before "and").
 */
const LIST_LOCALES: Record<LanguageCode, string> = { ...AMOUNT_LOCALES, en: 'en-GB' };
const listFormats = new Map<LanguageCode, Intl.ListFormat>();

/** The count of items left out ("12 more"), in each language. */
const MORE: Record<LanguageCode, (count: number) => string> = {
  en: (n) => `${n} more`,
  es: (n) => `${n} más`,
  fr: (n) => `${n} autres`,
  de: (n) => `${n} weitere`,
  pt: (n) => `mais ${n}`,
  it: (n) => `altri ${n}`,
  nl: (n) => `nog ${n}`,
};

/** "a", "a and b", "a, b and c"; "a, b y c", "a, b und c" … in `language`. */
export function listOf(items: string[], language: LanguageCode = 'en'): string {
  let format = listFormats.get(language);
  if (!format) listFormats.set(language, (format = new Intl.ListFormat(LIST_LOCALES[language], { type: 'conjunction' })));
  return format.format(items);
}

/**
 * listOf for the first `max` items, the rest counted ("a, b, c and 12 more", "a, b, c y 12 más"): a
 * brief names a few, not thousands.
 */
export function listOfFirst(items: string[], max: number, language: LanguageCode = 'en'): string {
  if (items.length <= max) return listOf(items, language);
  return listOf([...items.slice(0, max), MORE[language](items.length - max)], language);
}

/** The first three order numbers the customer gave, written "#48213". */
export function orderNumbers(facts: Facts): string[] {
  return facts.order_ids.slice(0, 3).map((id) => `#${id}`);
}

/** "order #48213" / "orders #1001 and #1002"; undefined when the customer gave none. */
export function orderRef(facts: Facts): string | undefined {
  const ids = orderNumbers(facts);
  if (ids.length === 0) return undefined;
  return `${ids.length === 1 ? 'order' : 'orders'} ${listOf(ids)}`;
}

/** "UPS 1Z…" for the first tracking number. */
export function trackingRef(facts: Facts): string | undefined {
  const number = facts.tracking_numbers[0];
  if (!number) return undefined;
  const carrier = facts.carriers?.[number];
  return carrier ? `${carrier} ${number}` : number;
}

/** The largest amount mentioned: the one a refund or dispute is most likely about. */
export function mainAmount(facts: Facts): Amount | undefined {
  return facts.amounts.reduce<Amount | undefined>((max, a) => (max && max.value >= a.value ? max : a), undefined);
}
