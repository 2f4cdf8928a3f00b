import type { TriggerCode } from '../codes';

/**
 * The codes the intent model scores: what a customer's sentence can say by itself. The others come
 * from fields (vip, new_customer), counts (repeat_contact, multi_issue), the bot (confidence family)
 * or sentiment, and stay with the rules.
 */
export const INTENT_CODES = [
  'human_requested',
  'refund_request',
  'billing_dispute',
  'account_security',
  'legal_compliance',
  'complaint',
  'cancellation',
  'custom_pricing',
  'damaged_order',
  'safety',
  'account_change',
  'bug_report',
  'unresolved_previous_contact',
] as const satisfies readonly TriggerCode[];

export type IntentCode = (typeof INTENT_CODES)[number];
