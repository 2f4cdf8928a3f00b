import { anyOf, test } from './phrase-rules';
import { withLanguages } from '../language';
import type { PhraseRule } from './scan';

/**
 * Weak category signals: words that say what the conversation is about without being a trigger
 * by themselves. Keys are `cat:<category>`. Strong signals (topic triggers) live in the triggers.
 */
export const CATEGORY_RULES: PhraseRule[] = withLanguages([
  {
    key: 'cat:order_status',
    re: anyOf(
      '\\bwhere(?:\'s| is| are) (?:my|our|the) (?:order|package|parcel|delivery|shipment|stuff|item|items)\\b',
      '\\b(?:track(?:ing)?|shipped|shipping(?! address)|shipment|delivery|delivered|dispatch(?:ed)?|courier|carrier|in transit|out for delivery)\\b',
      "\\b(?:hasn't|has not|haven't|have not|never|didn't|did not|still not|not yet) (?:arrived|been delivered|come|received|shipped)\\b",
      '\\b(?:late|lost|missing|delayed|stolen) (?:order|package|parcel|delivery|shipment)\\b',
      '\\bcancel (?:my |the |this |an? )?order\\b',
      '\\bwrong address\\b',
      '\\b(?:my|our|the|this|that) (?:\\w+ )?order\\b(?! (?:history|page|confirmation email))',
      '\\b(?:my|the|our|a) (?:package|parcel|shipment)\\b',
      '\\border (?:#|number |no\\.? ?)?\\d+',
    ),
  },
  {
    key: 'cat:returns_refunds',
    re: anyOf(
      // Not the verb of software ("the webhook returns 401", "returns an error").
      '\\breturn(?:ing|ed|s)?\\b(?! polic)(?!\\s+(?:an? |the )?(?:[45]\\d\\d|error|exception|null|empty|blank|nothing|results?|data|values?|response|status|code)\\b)',
      '\\bexchang(?:e|ed|ing)\\b|\\bswap\\b',
      // A refund mentioned but not requested ("I got my refund") still says what this is about.
      '\\brefund(?:s|ed)?\\b(?! polic)',
      '\\bsend (?:it|them|this|these) back\\b',
    ),
    neg: 'want',
  },
  {
    key: 'cat:billing',
    re: anyOf(
      // Not "pay"/"paid": "I paid for express shipping, where is it?" is about the order.
      '(?<![/.])\\b(?:charge[sd]?|charging|invoices?|receipts?|billing|billed|bill|VAT|card (?:was )?declined|payment (?:failed|declined|didn\'t go through|error)|subscription fee|renewal fee|proration)\\b',
      '\\b(?:late|overdraft|annual|monthly|service|maintenance|account|atm|foreign transaction|roaming|subscription|renewal|membership) fees?\\b',
      '\\b(?:card on file|payment (?:details|method|info(?:rmation)?)|billing address|credit limit|direct debit|debited|statement|overdraft|renew(?:s|al|ed)?|tax(?:es)?)\\b',
      '\\b(?:card|payment|transaction)s?\\b(?: \\w+){0,3} (?:declined|rejected|refused|bounced)\\b|\\b(?:withdrawals?|payouts?)\\b',
      '\\b(?:waive|refund|reverse|remove|dispute)\\b[^.!?]{0,30}\\bfees?\\b',
    ),
  },
  {
    key: 'cat:account_access',
    re: anyOf(
      "\\b(?:log ?in|login|log-in|sign ?in|sign-in|pass?wo?rd|acc?ount (?:got |is |was |has been )?locked|2fa|two[- ]factor|verification code|one-time code|otp|locked out|reset link|can't access my account|cannot access my account|account (?:is )?locked|authenticator)\\b",
      '\\b(?:account|wallet|profile) (?:has been |is |was |got )?(?:frozen|suspended|restricted|blocked|disabled|deactivated|under review)\\b',
    ),
  },
  {
    key: 'cat:technical',
    re: anyOf(
      '\\b(?:app|website|site|integration|api|webhook|sync|plugin|extension|dashboard|browser|software|firmware|install(?:ation)?|configure|configuration|bluetooth|wifi|wi-fi|pairing|internet|router|modem|broadband|outage|network|webhooks?|sso|workspace|signal|reception|dial tone|landline|mobile data|hotspot|upload|download|export|import|csv|pdf|button|activation|licen[cs]e (?:key|server)|server|version|firmware|ubuntu|windows|macos|android|ios)\\b',
    ),
  },
  {
    key: 'cat:sales',
    re: anyOf(
      // Not promo or coupon codes: using the shop's offer is a product question (see categorize.ts).
      '\\b(?:pricing|quote|demo|enterprise|plans?|upgrade|discount(?! code)|trial|how much (?:does|is|are|for))\\b',
    ),
  },
  {
    key: 'cat:product_question',
    re: anyOf(
      '\\b(?:promo(?:tion(?:al)?)?|discount|coupon|voucher|referral) codes?\\b|\\bcoupons?\\b',
      '\\b(?:does (?:it|this|the \\w+)|will (?:it|this)|can (?:it|this|i use))\\b[^.!?]{0,40}\\?',
      '\\b(?:compatible|compatibility|size|sizes|sizing|fit|dimensions|material|made of|in stock|available in|colou?rs?|ingredients|specs?|specifications|warranty|how do i use)\\b',
      '\\b(?:return|refund) polic(?:y|ies)\\b',
      '\\bbefore (?:i|we) (?:buy|order|purchase)\\b',
      '\\b(?:comes? with|come in|battery life|waterproof|water-resistant|washable|gift[- ]wrap(?:ping)?|dishwasher[- ]safe|machine[- ]washable|in (?:a )?(?:bigger|smaller|larger) size)\\b',
      '\\bdo you (?:offer|sell|stock|carry|ship to|have (?:it|this|these|them|any|a|an))\\b',
      '\\b(?:does|do|will) (?:it|this|they|these|the (?:[\\w.-]+ ){1,3}?|version [\\d.]+) ?(?:have|include|work with|support|fit|come with|run on)\\b',
      '\\bhow (?:do|can|would|should) (?:i|we) (?:export|import|invite|add|set ?up|use|enable|turn on|activate|connect|share|download|install|sync|print|integrate|book)\\b',
      '\\bdo (?:i|we) need to (?:turn (?:\\w+ )?on|activate|enable|buy|book|bring|register|sign up|pay|apply)\\b|\\bdo you (?:allow|accept|permit|provide|support|cover|include|take)\\b',
      '\\b(?:is|are) (?:the |your |it |they |this )?(?:[\\w\'-]+ ){0,3}(?:available|included|allowed|permitted|supported|out) (?:on|in|with|for)\\b[^.!?]{0,40}\\?',
      '\\b(?:interest|mortgage|savings|exchange|fixed|variable|loan|deposit) rates?\\b|\\b(?:size|weight|baggage|luggage|carry-on|data) (?:limit|allowance)s?\\b',
    ),
  },
  {
    key: 'cat:feedback',
    re: anyOf(
      '\\b(?:feedback|suggestion|love (?:your|the|this)|great (?:service|job|product|experience|work)|love it|pass (?:it|this|that|my (?:thanks|compliments)) (?:on|along)|(?:is|are|was|were) (?:so |really |absolutely )?(?:amazing|awesome|fantastic|brilliant|wonderful|the best)|keep up|compliment|kudos|well done|review)\\b',
    ),
  },
]);

/**
 * Read only when the category is in question (a refund was asked for, login words were used), not
 * scanned over every message like the rules above: most conversations never need them.
 */
/** A refund of tax or a fee: money the bill took, for billing, not returns. */
export const REFUND_OF_FEE_RE = test(
  '\\b(?:refund|reimburse|credit back|return)\\b[^.!?]{0,40}\\b(?:(?:sales |import )?tax(?:es)?|vat|fees?|surcharges?|dut(?:y|ies)|interest|commission)\\b',
  '\\b(?:(?:sales |import )?tax(?:es)?|vat|fees?|surcharges?|dut(?:y|ies))\\b[^.!?]{0,20}\\b(?:refund(?:ed)?|reimbursed|back)\\b',
);
/** Single sign-on failing: the identity setup is broken, not the customer's access … */
export const SSO_FAULT_RE = test(
  '\\b(?:sso|saml|okta|oauth|openid|azure ad|entra id|identity provider|idp|scim)\\b|\\b(?:login|redirect|sign-?in) loop\\b|\\bloops? back to (?:the )?(?:log ?in|sign ?in)\\b',
);
/** … unless the customer is shut out of their own account. */
export const LOCKOUT_RE = test(
  "\\b(?:locked out|account (?:is |was |got )?locked|pass?word|2fa|two[- ]factor|verification code|reset link|hack(?:ed)?|compromised|forgot)\\b",
);
