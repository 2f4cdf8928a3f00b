/**
 * The fixed words of CONTRACT.md §3 and §4. Tenants' rules and reports are keyed on these strings:
 * add new ones, never rename.
 */

export const TRIGGER_FAMILIES = {
  customer_request: ['human_requested'],
  topic: [
    'refund_request',
    'billing_dispute',
    'account_security',
    'legal_compliance',
    'complaint',
    'cancellation',
    'custom_pricing',
    'damaged_order',
    'safety',
  ],
  complexity: ['multi_issue', 'account_change', 'bug_report', 'unresolved_previous_contact'],
  customer: ['vip', 'repeat_contact', 'new_customer'],
  sentiment: ['frustration', 'anger', 'urgency', 'helplessness'],
  confidence: ['no_kb_match', 'low_confidence', 'ambiguous', 'repeated_failure'],
  action: ['manual_review'],
} as const;

export type TriggerFamily = keyof typeof TRIGGER_FAMILIES;
export type TriggerCode = (typeof TRIGGER_FAMILIES)[TriggerFamily][number];

export const TRIGGER_CODES: readonly TriggerCode[] = Object.values(TRIGGER_FAMILIES).flat();

export function familyOf(code: TriggerCode): TriggerFamily {
  for (const [family, codes] of Object.entries(TRIGGER_FAMILIES)) {
    if ((codes as readonly string[]).includes(code)) return family as TriggerFamily;
  }
  throw new Error(`unknown trigger code ${code}`);
}

export const CATEGORIES = [
  'order_status',
  'returns_refunds',
  'billing',
  'account_access',
  'cancellation',
  'technical',
  'product_question',
  'sales',
  'legal',
  'feedback',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEFAULT_QUEUES: Record<Category, string> = {
  order_status: 'shipping',
  returns_refunds: 'returns',
  billing: 'billing',
  account_access: 'trust_safety',
  cancellation: 'retention',
  technical: 'technical',
  product_question: 'general',
  sales: 'sales',
  legal: 'legal',
  feedback: 'general',
  other: 'general',
};

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['chat', 'email', 'messaging', 'voice', 'social'] as const;
export const ROLES = ['customer', 'bot', 'agent', 'system'] as const;
export const TIERS = ['standard', 'vip', 'enterprise'] as const;
