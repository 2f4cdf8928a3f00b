import type { Category, TriggerCode } from '../domain/codes';
import type { Decision, Facts } from '../domain/decision';
import type { TenantPolicy } from '../domain/policy';
import { formatAmount, mainAmount, orderRef, trackingRef } from './fact-phrases';

/**
 * What an agent should do next, per category (CONTRACT.md §4) and per trigger. Steps read the facts
 * so they never tell the agent to ask for something the customer already gave; the one step that
 * does ask (for an order number) only appears when there is none.
 */

export interface PlaybookContext {
  decision: Decision;
  facts: Facts;
  policy: TenantPolicy;
  has(code: TriggerCode): boolean;
}

export interface PlayStep {
  action: string;
  why: string;
  /**
   * Where the step's policy comes from: 'conversation' is the article that best matches the
   * customer's own words; other strings are search words for a specific article.
   */
  policy?: string;
}

export type Play = (ctx: PlaybookContext) => PlayStep | undefined;

/** Words that describe a category, added to the customer's text when searching for its policy. */
export const CATEGORY_SEARCH_WORDS: Record<Category, string> = {
  order_status: 'order shipping delivery tracking package',
  returns_refunds: 'return refund exchange',
  billing: 'billing charge payment invoice',
  account_access: 'account login password access',
  cancellation: 'cancel subscription membership',
  technical: 'error website app problem',
  product_question: 'product size compatibility',
  sales: 'pricing quote volume',
  legal: 'privacy data legal request',
  feedback: 'complaint feedback service',
  other: 'help',
};

function findOrder(facts: Facts, purpose: string): string {
  const order = orderRef(facts);
  if (order) return `Open ${order}${purpose}`;
  if (facts.emails[0]) return `Find the order from the email the customer gave (${facts.emails[0]})${purpose}`;
  return `Ask for the order number (or the checkout email) and open the order${purpose}`;
}

export const CATEGORY_PLAYBOOKS: Record<Category, Play[]> = {
  order_status: [
    ({ facts }) => {
      const tracking = trackingRef(facts);
      return {
        action: `${findOrder(facts, '')} and check the latest carrier scan${tracking ? ` for ${tracking}` : ''}`,
        why: 'The tracking status decides between waiting, a carrier trace and a replacement.',
        policy: 'conversation',
      };
    },
    () => ({
      action:
        'If it shows delivered but never arrived, or has not moved in days, open a carrier trace and offer a replacement or refund without waiting for the claim',
      why: 'The customer should not carry the carrier’s delay.',
      policy: 'lost late missing parcel delivered not received',
    }),
  ],
  returns_refunds: [
    ({ facts }) => ({
      action: findOrder(facts, ': check the delivery date, the return window and whether the item is returnable'),
      why: 'Eligibility decides between a return label, an exchange, a refund or store credit.',
      policy: 'conversation',
    }),
    () => ({
      action: 'Issue the label, exchange or refund the policy allows and tell the customer when the money will appear',
      why: 'Customers chase refunds when they do not know the timeline.',
      policy: 'refund timeline money back',
    }),
  ],
  billing: [
    ({ facts }) => {
      const amount = mainAmount(facts);
      return {
        action: `Find the charge${amount ? ` of ${formatAmount(amount)}` : ''} in the payment console and check whether it was captured or is a pending authorisation`,
        why: 'Pending authorisations drop off by themselves; only captured charges need a refund.',
        policy: 'conversation',
      };
    },
  ],
  account_access: [
    ({ facts }) => ({
      action: `Verify identity through the account's email on file${facts.emails[0] ? ` (the customer wrote from ${facts.emails[0]})` : ''} before changing anything`,
      why: 'Access requests are the usual route for account takeover.',
      policy: 'conversation',
    }),
    () => ({
      action: 'Restore access: send a reset link; remove two-factor only after verification',
      why: 'Gets the customer in without weakening the account.',
      policy: 'password reset two-factor locked out',
    }),
  ],
  cancellation: [
    () => ({
      action: 'Ask what made them want to leave and offer the retention option the policy allows (pause or discount), once',
      why: 'Some cancellations have a fixable cause; pushing harder loses the customer’s goodwill.',
      policy: 'conversation',
    }),
    () => ({
      action: 'If they still want to go, cancel now and confirm the end date and any refund in writing',
      why: 'A cancellation that is hard to complete turns into a dispute.',
      policy: 'cancel subscription renewal refund',
    }),
  ],
  technical: [
    () => ({
      action: 'Reproduce the problem: note the device, browser or app version, the page and the exact error',
      why: 'The web team can only fix what it can reproduce.',
      policy: 'conversation',
    }),
    () => ({
      action: 'Unblock the customer (for example place the order for them) and file the bug with the details',
      why: 'The customer’s goal matters more than the bug.',
      policy: 'bug error report checkout',
    }),
  ],
  product_question: [
    () => ({
      action: 'Answer from the product page and specifications; check with the product team rather than guess',
      why: 'A wrong pre-sale answer becomes a return.',
      policy: 'conversation',
    }),
  ],
  sales: [
    () => ({
      action: 'Note the items, quantities and delivery date and pass the request to sales for a quote',
      why: 'Custom and volume prices are set by sales, not quoted by support.',
      policy: 'conversation',
    }),
  ],
  legal: [
    () => ({
      action: 'Acknowledge receipt without arguing or promising an outcome, and forward it to the legal or privacy team today',
      why: 'Data requests and legal matters run on legal deadlines.',
      policy: 'conversation',
    }),
  ],
  feedback: [
    () => ({
      action: 'Acknowledge the specific complaint, apologise where we fell short, and log it for the team responsible',
      why: 'Customers who feel heard stay; a generic reply confirms the complaint.',
      policy: 'conversation',
    }),
  ],
  other: [
    () => ({
      action: 'Restate what the customer said in one sentence and confirm it is what they need before acting',
      why: 'The request did not fit a known category.',
      policy: 'conversation',
    }),
  ],
};

/** Steps that come before the category's: the customer's safety and the account's. */
export const FIRST_PLAYS: Partial<Record<TriggerCode, Play>> = {
  safety: () => ({
    action: 'Check that the person is safe first: give emergency contacts if anyone is in danger and alert a team lead now',
    why: 'A person’s safety comes before the original request.',
  }),
  account_security: () => ({
    action: 'Secure the account first: lock it, sign out every session and cancel unshipped orders the customer did not place',
    why: 'Stops further damage before anything else is changed.',
    policy: 'hacked account unauthorized compromised security',
  }),
  legal_compliance: () => ({
    action: 'Forward to the legal team today and record the date the request arrived',
    why: 'Legal and data requests have deadlines that start on arrival.',
    policy: 'privacy data request gdpr ccpa legal',
  }),
};

/** Steps after the category's, in order of weight. */
export const LATER_PLAYS: Partial<Record<TriggerCode, Play>> = {
  vip: () => ({
    action: 'Handle with priority: reply first, own it to the end and give a time for the next update',
    why: 'VIP and enterprise customers get priority handling.',
  }),
  refund_request: ({ facts, policy }) => {
    const amount = mainAmount(facts);
    const threshold = formatAmount({ value: policy.refund_threshold, currency: policy.currency });
    if (!amount) {
      return {
        action: `Check the amount on the order; refunds of ${threshold} or more need approval before you promise one`,
        why: 'The customer did not say how much.',
        policy: 'refund approval threshold',
      };
    }
    const over = amount.currency === policy.currency && amount.value >= policy.refund_threshold;
    return over
      ? {
          action: `Get approval before refunding ${formatAmount(amount)}: it is at or over the ${threshold} threshold`,
          why: 'Refunds over the threshold need a second person’s sign-off.',
          policy: 'refund approval threshold',
        }
      : {
          action: `Refund ${formatAmount(amount)} if eligible${amount.currency === policy.currency ? `: it is under the ${threshold} approval threshold` : ''}`,
          why: 'Small refunds are quicker to grant than to argue.',
          policy: 'refund approval threshold',
        };
  },
  billing_dispute: () => ({
    action: 'Check for a duplicate capture and whether a chargeback is already open before refunding',
    why: 'Refunding a charge under chargeback pays the customer twice.',
    policy: 'double charge duplicate dispute chargeback',
  }),
  damaged_order: ({ facts }) => ({
    action: `Replace or refund${orderRef(facts) ? ` ${orderRef(facts)}` : ''} right away; ask for a photo only if none was sent`,
    why: 'The customer already received a broken or wrong item once.',
    policy: 'damaged defective wrong item broken',
  }),
  custom_pricing: () => ({
    action: 'Pass the request to sales with the items and quantities; do not quote volume prices yourself',
    why: 'Custom pricing is a sales decision.',
    policy: 'volume custom pricing quote business',
  }),
  cancellation: ({ decision }) =>
    decision.category === 'cancellation'
      ? undefined
      : {
          action: 'They mentioned leaving: acknowledge it and fix the cause before anything else',
          why: 'A churn threat inside another issue is easy to miss.',
          policy: 'cancel subscription membership',
        },
  account_change: () => ({
    action: 'Verify identity before changing the account details they asked about',
    why: 'Changing an email or address is how accounts are taken over.',
    policy: 'change email account details address',
  }),
  bug_report: ({ decision }) =>
    decision.category === 'technical'
      ? undefined
      : {
          action: 'File the error they described with the web team, with what they saw and when',
          why: 'Other customers are likely hitting it too.',
          policy: 'bug error report',
        },
  multi_issue: () => ({
    action: 'List every issue back to the customer and work through them, the most urgent first',
    why: 'They raised several problems; solving one and closing leaves the rest.',
  }),
  unresolved_previous_contact: () => ({
    action: 'Read the earlier unresolved contact first and own its outcome instead of starting over',
    why: 'The customer was already let down once on this.',
  }),
  repeat_contact: () => ({
    action: 'Resolve it in this contact and consider a goodwill gesture',
    why: 'They have contacted us about this several times recently.',
  }),
  complaint: ({ decision }) =>
    decision.category === 'feedback'
      ? undefined
      : {
          action: 'Acknowledge the complaint specifically before solving the request',
          why: 'Skipping it makes the fix feel scripted.',
        },
  new_customer: () => ({
    action: 'Explain each next step plainly; they are new to us',
    why: 'A first problem handled well keeps a new customer.',
  }),
  ambiguous: () => ({
    action: 'Confirm what they need in one question that restates their words',
    why: 'The request can be read more than one way.',
  }),
};
