import { z } from 'zod';
import { CATEGORIES, DEFAULT_QUEUES, TRIGGER_CODES, type Category, type TriggerCode } from './codes';
import { QUEUE_NAME } from './queue-name';
import { INTENT_CODES } from './intent/intent-codes';

/**
 * A tenant's own labelled sentence for the intent model: a customer sentence close to it (cosine
 * similarity in the model's vector space) takes its code and/or category at once, no retraining.
 */
export const intentExampleSchema = z
  .object({
    text: z.string().trim().min(1).max(500),
    code: z.enum(INTENT_CODES).optional(),
    category: z.enum(CATEGORIES).optional(),
  })
  .refine((e) => e.code !== undefined || e.category !== undefined, { message: 'an example needs a code or a category' });

export type IntentExample = z.infer<typeof intentExampleSchema>;

const queueName = z
  .string()
  .regex(QUEUE_NAME, 'must be a queue name: 1 to 100 lower-case letters (a-z), digits, _ or -, starting with a letter or digit, as Slack routes name queues');

/**
 * The ISO 4217 codes this Node's ICU knows (Intl.supportedValuesOf: 162 in Node 20), the currencies
 * Intl.NumberFormat can write an amount in. Amounts the customer writes are read in upper case
 * (facts), so a shop currency is compared in upper case too.
 */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
/** Three ASCII letters: "uſd" and "ınr" upper-case to USD and INR, but are not codes anyone types. */
const THREE_LETTERS = /^[A-Za-z]{3}$/;

/** A currency code in any case ("eur"), kept in upper case; a code that is not a currency ("ABC", "ab!", "€€€") is refused. */
const currencyCode = z
  .string()
  .refine((code) => THREE_LETTERS.test(code) && CURRENCIES.has(code.toUpperCase()), 'must be an ISO 4217 currency code such as USD or EUR')
  .transform((code) => code.toUpperCase());

/**
 * A tenant's rules. Every field has the contract's default, so `{}` is a complete policy.
 * Stored per tenant as JSON and read by the CLI from `--config FILE`.
 */
export const tenantPolicySchema = z.object({
  /** refund_request escalates at or above this amount (shop currency). */
  refund_threshold: z.number().nonnegative().default(100),
  /** low_confidence fires when bot.confidence is below this. */
  confidence_threshold: z.number().min(0).max(1).default(0.5),
  /** Turn the new_customer rule off. */
  new_customer_escalates: z.boolean().default(true),
  /** Days after account creation that count as new. */
  new_customer_days: z.number().int().positive().default(7),
  /** repeat_contact: this many contacts (this one included) about one category … */
  repeat_contact_count: z.number().int().min(2).default(3),
  /** … within this many days. */
  repeat_contact_days: z.number().int().positive().default(30),
  /** Codes that must never escalate on their own for this tenant (they are still reported). */
  non_escalating: z.array(z.enum(TRIGGER_CODES as [TriggerCode, ...TriggerCode[]])).default([]),
  /**
   * Category → queue; missing categories use the contract's default map. A name Slack routes could
   * never match (" ", U+200B, "Billing": a route's queue is lower case) is refused, not stored to be
   * silently unalerted; QUEUE_NAME's 100 characters also keep the store's per-queue count keys small
   * (a name of 2.7 kB broke their index).
   */
  queues: z.partialRecord(z.enum(CATEGORIES), queueName).default({}),
  /**
   * Shop currency, used when an amount is written without one, and compared with the customer's
   * amounts (the refund approval threshold): lower case ("eur") once left those never equal.
   */
  currency: currencyCode.default('USD'),
  /** OpenAI writer: most input tokens one brief's request may carry; unset: OPENAI_MAX_INPUT_TOKENS. */
  model_input_token_budget: z.number().min(500).max(1_000_000).int().optional(),
  /** OpenAI writer: tokens (in + out) the tenant may spend per calendar month (UTC); unset: no limit. */
  model_monthly_token_limit: z.number().int().nonnegative().optional(),
  /** The tenant's own labelled sentences for the intent model (docs/RULES.md, "Teaching the intent model"). */
  intent_examples: z.array(intentExampleSchema).max(1000).default([]),
  /** Cosine similarity at or above which an example applies; the model's calibrated value when absent. */
  intent_example_similarity: z.number().min(0.5).max(1).optional(),
});

export type TenantPolicy = z.infer<typeof tenantPolicySchema>;

/**
 * A policy as the store holds it, read with today's defaults for fields added since it was written
 * but not with today's refusals where a field used to take more: one that no longer parsed would make
 * its tenant unreadable (every request of it a 500, its admin pages too). Queue names stored before
 * they had to match QUEUE_NAME are kept as they are, so the tenant's escalations stay in the queues
 * they were in (its Zendesk groups, its per-queue counts); saving the policy again asks for valid ones.
 * The same for the currency.
 */
export const storedPolicySchema = tenantPolicySchema.extend({
  queues: z.partialRecord(z.enum(CATEGORIES), z.string()).default({}),
  /**
   * Any three characters were taken before codes had to be ISO 4217: read in upper case, as the
   * customer's amounts are ("eur" becomes EUR and meets them again); one that is no currency
   * ("ab!") is kept, as the shop's own label, until the policy is saved again.
   */
  currency: z.string().transform((code) => code.toUpperCase()).default('USD'),
});

export const DEFAULT_POLICY: TenantPolicy = tenantPolicySchema.parse({});

/** The policy's own field names: a field outside them is dropped by the schema, its meaning lost. */
export const POLICY_FIELDS: ReadonlySet<string> = new Set(Object.keys(tenantPolicySchema.shape));

/** Fields of a raw policy object the policy does not have (a misspelling, usually), in their order. */
export function unknownPolicyFields(raw: object): string[] {
  return Object.keys(raw).filter((key) => !POLICY_FIELDS.has(key));
}

export function queueFor(policy: TenantPolicy, category: Category): string {
  return policy.queues[category] ?? DEFAULT_QUEUES[category];
}
