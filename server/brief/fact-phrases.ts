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

/** "$349.99"; in another language as it writes amounts ("349,99 €", "R$ 349,99"). */
export function formatAmount(amount: Amount, language: LanguageCode = 'en'): string {
  try {
    return new Intl.NumberFormat(AMOUNT_LOCALES[language], { style: 'currency', currency: amount.currency }).format(amount.value);
  } catch {
    return `${amount.value} ${amount.currency}`; // not an ISO code Intl knows
  }
}

interface ListWords {
  /** The "and" before the last item; Spanish's depends on the item (y, e). */
  and: (last: string) => string;
  /** The count of items left out ("12 more"). */
  more: (count: number) => string;
}

const LIST_WORDS: Record<LanguageCode, ListWords> = {
  en: { and: () => 'and', more: (n) => `${n} more` },
  // "y" is "e" before the sound i ("e hijos", not before "hielo").
  es: { and: (last) => (/^h?[iíIÍ](?![aeoáéó])/.test(last) ? 'e' : 'y'), more: (n) => `${n} más` },
  fr: { and: () => 'et', more: (n) => `${n} autres` },
  de: { and: () => 'und', more: (n) => `${n} weitere` },
  pt: { and: () => 'e', more: (n) => `mais ${n}` },
  it: { and: () => 'e', more: (n) => `altri ${n}` },
  nl: { and: () => 'en', more: (n) => `nog ${n}` },
};

/** "a", "a and b", "a, b and c"; "a, b y c", "a, b und c" … in `language`. */
export function listOf(items: string[], language: LanguageCode = 'en'): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${LIST_WORDS[language].and(last)} ${last}`;
}

/**
 * listOf for the first `max` items, the rest counted ("a, b, c and 12 more", "a, b, c y 12 más"): a
 * brief names a few, not thousands.
 */
export function listOfFirst(items: string[], max: number, language: LanguageCode = 'en'): string {
  if (items.length <= max) return listOf(items, language);
  return listOf([...items.slice(0, max), LIST_WORDS[language].more(items.length - max)], language);
}

/** "order #48213" / "orders #1001 and #1002"; undefined when the customer gave none. */
export function orderRef(facts: Facts): string | undefined {
  const ids = facts.order_ids.slice(0, 3).map((id) => `#${id}`);
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
