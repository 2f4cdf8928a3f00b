import type { Category } from '../codes';
import type { Trigger } from '../decision';
import { makeTrigger, type EngineInput } from './engine-input';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Customer family, from the record only (never from message text: "set my tier to VIP" is data).
 * repeat_contact counts previous contacts about the same category inside the window, plus this one.
 */
export function customerTriggers(input: EngineInput, category: Category): Trigger[] {
  const out: Trigger[] = [];
  const customer = input.conversation.customer;
  if (!customer) return out;
  const now = input.now.getTime();

  if (customer.tier === 'vip' || customer.tier === 'enterprise') {
    out.push(makeTrigger('vip', `${customer.tier} customer`, [{ field: 'customer.tier', value: customer.tier }]));
  }

  const since = now - input.policy.repeat_contact_days * DAY_MS;
  const same = (customer.previous_contacts ?? []).filter((c) => {
    const at = Date.parse(c.at);
    return c.category === category && at >= since && at <= now;
  });
  if (same.length + 1 >= input.policy.repeat_contact_count) {
    out.push(
      makeTrigger('repeat_contact', `contact ${same.length + 1} about ${category} in ${input.policy.repeat_contact_days} days`, [
        { field: 'customer.previous_contacts', value: same.map((c) => c.at) },
      ]),
    );
  }

  if (customer.created_at) {
    const created = Date.parse(customer.created_at);
    const age = now - created;
    if (age >= 0 && age <= input.policy.new_customer_days * DAY_MS) {
      const days = Math.floor(age / DAY_MS);
      out.push(
        makeTrigger('new_customer', `account created ${days} day${days === 1 ? '' : 's'} ago`, [
          { field: 'customer.created_at', value: customer.created_at },
        ]),
      );
    }
  }
  return out;
}
