import type { Amount, Facts } from '../domain/decision';

/** How the brief names facts the customer gave, so steps and the intro can use them instead of asking. */

export function formatAmount(amount: Amount): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: amount.currency }).format(amount.value);
  } catch {
    return `${amount.value} ${amount.currency}`; // not an ISO code Intl knows
  }
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** listOf for the first `max` items, the rest counted ("a, b, c and 12 more"): a brief names a few, not thousands. */
export function listOfFirst(items: string[], max: number): string {
  return items.length <= max ? listOf(items) : listOf([...items.slice(0, max), `${items.length - max} more`]);
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
