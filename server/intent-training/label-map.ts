import type { Category, TriggerCode } from '../domain/codes';

/**
 * THE reviewed table: how the public datasets' labels become Baton's trigger codes and categories
 * (CONTRACT.md §3–§4). Training reads nothing else to decide what a row means.
 *
 * A row maps to `codes` (what must fire; empty = neutral for the codes) and a `category` (null = the
 * row teaches the category head nothing, because the dataset's label does not say which queue the
 * message belongs to). Neutral rows (no codes) are what false alarms are measured on: small talk,
 * greetings, out-of-scope requests and plain how-do-I questions.
 *
 * Principles, applied label by label below:
 * - A code only where the contract's "fires when" column plainly holds for every message the label
 *   covers. Doubtful labels stay neutral: a missed code costs recall, a wrong one teaches false alarms.
 * - Cancelling ONE thing (a transfer, a reservation, an order) is not `cancellation` (churn): §3.
 * - A lost or stolen card or phone, a compromised card, a transaction the customer does not recognise
 *   are `account_security` ("stolen card or phone, unrecognised login or transaction").
 * - An unrecognised or wrong charge is also `billing_dispute`; a question about what a fee is, is not.
 * - Personal data changes (address, details) are `account_change`; PIN/passcode resets are access, not data.
 * - One meaning, one answer across the sets: a neutral label whose row says in its own words that
 *   something does not work or was stolen, where another set's label teaches those words as a code,
 *   is left out (`neutralButSaysCode`); taught as neutral it contradicts the other set.
 */

export interface Target {
  codes: TriggerCode[];
  category: Category | null;
  /**
   * The label does not say whether a code holds: some of its rows are the code, others plainly not
   * (NLU++'s "it doesn't work" covers a broken app and a declined loan). Such rows are left out of
   * training and of the figures: taught as neutral they taught the model that "isn't working" is no
   * bug report; taught as the code, the declined loans would.
   */
  doubtful?: true;
}

const t = (category: Category | null, ...codes: TriggerCode[]): Target => ({ codes, category });
const NEUTRAL = t('other');
const FAQ = (category: Category) => t(category);

/** Banking77 (single label, all banking questions from app users). */
export const BANKING77: Record<string, Target> = {
  Refund_not_showing_up: t('returns_refunds', 'refund_request'), // money back that has not arrived: still a refund case
  activate_my_card: FAQ('product_question'),
  age_limit: FAQ('product_question'),
  apple_pay_or_google_pay: FAQ('product_question'),
  atm_support: FAQ('product_question'),
  automatic_top_up: FAQ('product_question'),
  balance_not_updated_after_bank_transfer: FAQ('billing'), // money not showing: a payment question, no dispute
  balance_not_updated_after_cheque_or_cash_deposit: FAQ('billing'),
  beneficiary_not_allowed: FAQ('billing'),
  cancel_transfer: FAQ('billing'), // cancelling one transfer is not churn
  card_about_to_expire: FAQ('product_question'),
  card_acceptance: FAQ('product_question'),
  card_arrival: FAQ('order_status'), // a card in the post is a delivery
  card_delivery_estimate: FAQ('order_status'),
  card_linking: FAQ('product_question'),
  card_not_working: t('technical', 'bug_report'), // "my card doesn't work": a broken feature
  card_payment_fee_charged: FAQ('billing'), // asks what a fee is: no dispute stated
  card_payment_not_recognised: t('account_access', 'account_security', 'billing_dispute'), // unrecognised transaction
  card_payment_wrong_exchange_rate: t('billing', 'billing_dispute'), // says the amount taken is wrong
  card_swallowed: NEUTRAL, // an ATM kept the card: none of our codes, no queue of ours
  cash_withdrawal_charge: FAQ('billing'),
  cash_withdrawal_not_recognised: t('account_access', 'account_security', 'billing_dispute'),
  change_pin: FAQ('account_access'),
  compromised_card: t('account_access', 'account_security'),
  contactless_not_working: t('technical', 'bug_report'),
  country_support: FAQ('product_question'),
  declined_card_payment: FAQ('billing'), // payment failed (§4 billing), nobody disputes it
  declined_cash_withdrawal: FAQ('billing'),
  declined_transfer: FAQ('billing'),
  // An unrecognised debit is a disputed charge, and a payment not recognised (§3), as for cards and cash.
  direct_debit_payment_not_recognised: t('billing', 'account_security', 'billing_dispute'),
  disposable_card_limits: FAQ('product_question'),
  edit_personal_details: t(null, 'account_change'), // category depends on what else is said
  exchange_charge: FAQ('billing'),
  exchange_rate: FAQ('product_question'),
  exchange_via_app: FAQ('product_question'),
  extra_charge_on_statement: t('billing', 'billing_dispute'), // an extra charge the customer questions
  failed_transfer: FAQ('billing'),
  fiat_currency_support: FAQ('product_question'),
  get_disposable_virtual_card: FAQ('product_question'),
  get_physical_card: FAQ('product_question'),
  getting_spare_card: FAQ('product_question'),
  getting_virtual_card: FAQ('product_question'),
  lost_or_stolen_card: t('account_access', 'account_security'),
  lost_or_stolen_phone: t('account_access', 'account_security'),
  order_physical_card: FAQ('product_question'),
  passcode_forgotten: FAQ('account_access'),
  pending_card_payment: FAQ('billing'),
  pending_cash_withdrawal: FAQ('billing'),
  pending_top_up: FAQ('billing'),
  pending_transfer: FAQ('billing'),
  pin_blocked: FAQ('account_access'),
  receiving_money: FAQ('product_question'),
  request_refund: t('returns_refunds', 'refund_request'),
  'reverted_card_payment?': FAQ('billing'),
  supported_cards_and_currencies: FAQ('product_question'),
  terminate_account: t('cancellation', 'cancellation'), // closing the account: churn
  top_up_by_bank_transfer_charge: FAQ('billing'),
  top_up_by_card_charge: FAQ('billing'),
  top_up_by_cash_or_cheque: FAQ('product_question'),
  top_up_failed: FAQ('billing'),
  top_up_limits: FAQ('product_question'),
  top_up_reverted: FAQ('billing'),
  topping_up_by_card: FAQ('product_question'),
  transaction_charged_twice: t('billing', 'billing_dispute'), // double charge
  transfer_fee_charged: FAQ('billing'),
  transfer_into_account: FAQ('product_question'),
  transfer_not_received_by_recipient: FAQ('billing'),
  transfer_timing: FAQ('product_question'),
  unable_to_verify_identity: FAQ('account_access'),
  verify_my_identity: FAQ('account_access'),
  verify_source_of_funds: FAQ('account_access'),
  verify_top_up: FAQ('product_question'),
  virtual_card_not_working: t('technical', 'bug_report'),
  visa_or_mastercard: FAQ('product_question'),
  why_verify_identity: FAQ('account_access'),
  wrong_amount_of_cash_received: t('billing', 'billing_dispute'), // says the ATM gave the wrong amount
  wrong_exchange_rate_for_cash_withdrawal: t('billing', 'billing_dispute'),
};

/**
 * CLINC150: a virtual assistant's 150 intents, most of them nothing a support desk escalates (timers,
 * recipes, trivia), plus `oos` (out of scope). Every label not listed here is NEUTRAL with category
 * `other`: these are the false-alarm rows.
 */
export const CLINC150: Record<string, Target> = {
  account_blocked: FAQ('account_access'), // blocked, not hacked: access category, no security code
  bill_balance: FAQ('billing'),
  bill_due: FAQ('billing'),
  pay_bill: FAQ('billing'),
  min_payment: FAQ('billing'),
  card_declined: FAQ('billing'),
  freeze_account: t('account_access', 'account_security'), // freezing an account is done on suspected misuse
  report_fraud: t('account_access', 'account_security'),
  report_lost_card: t('account_access', 'account_security'),
  pin_change: FAQ('account_access'),
  order_status: FAQ('order_status'),
  replacement_card_duration: FAQ('order_status'),
  new_card: FAQ('product_question'),
  // `cancel` is "cancel that" said to the assistant and `cancel_reservation` ends one booking: neither is churn.
  cancel: NEUTRAL,
  cancel_reservation: NEUTRAL,
  // `change_user_name`, `user_name`: what the assistant calls the user, not account data.
  change_user_name: NEUTRAL,
  // `are_you_a_bot` asks what the assistant is; it is not yet a request for a person (§3 needs a request).
  are_you_a_bot: NEUTRAL,
};

/** MultiDoGo: customer turns of real agent chats in six domains. Unlisted labels are NEUTRAL. */
export const MULTIDOGO: Record<string, Target> = {
  disputecharge: t('billing', 'billing_dispute'),
  reportlostcard: t('account_access', 'account_security'),
  closeaccount: t('cancellation', 'cancellation'),
  cancelserviceintent: t('cancellation', 'cancellation'), // ends a media subscription
  reportbrokensoftware: t('technical', 'bug_report'),
  softwareupdate: FAQ('technical'),
  checkserverstatus: FAQ('technical'),
  updateaddress: t(null, 'account_change'),
  updateaccountinfo: t(null, 'account_change'),
  viewbillsintent: FAQ('billing'),
  // An insurance claim for a phone the customer broke is not an order that arrived damaged.
  reportbrokenphone: t(null),
  // Turn-level labels of ordinary chat moves: the neutral class of real conversations.
  contentonly: NEUTRAL,
  confirmation: NEUTRAL,
  rejection: NEUTRAL,
  openinggreeting: NEUTRAL,
  closinggreeting: NEUTRAL,
  thankyou: NEUTRAL,
  outofdomain: NEUTRAL,
};

/**
 * NLU++ is multi-label and compositional ("lost_stolen" + "card"), so it is mapped by a function.
 * Rows with none of the labels below are neutral for the codes and teach no category (its generic
 * labels such as `request_info` or `booking` do not name a queue), except pure chat moves (`other`).
 */
const CHAT_MOVES = new Set(['greet', 'thank', 'affirm', 'deny', 'acknowledge', 'end_call', 'dont_know', 'repeat']);
/** Things the customer can close that end the relationship (not a card, a booking or a standing order). */
const RELATIONSHIP = new Set(['account', 'savings', 'current', 'credit', 'mortgage', 'loan', 'overdraft']);
const ONE_THING = new Set(['card', 'booking', 'standing_order', 'direct_debit', 'transfer_payment_deposit', 'appointment', 'cheque']);
/** Labels saying what did not arrive or show: "not showing" with one of them is a payment question. */
const MONEY = new Set(['transfer_payment_deposit', 'balance', 'refund', 'cheque', 'withdrawal', 'direct_debit', 'standing_order', 'fees_interests', 'overdraft', 'limits']);
/**
 * `cancel_close_leave_freeze` joins four verbs; the sentence's own verb says which. Freezing or blocking
 * an account for a while is not leaving it (and CLINC150 counts a freeze as security): not churn.
 */
const FREEZE_RE = /\b(?:freez\w*|froze\w*|block\w*|suspend\w*|lock\w*)\b/i;

const PERSONAL_DATA_RE = /\b(?:address|details|surname|postcode|e-?mail|phone number|not living there)\b/i;

/**
 * A row the map would make neutral but whose sentence says something does not work ("my top up doesn't
 * work", "I keep getting an error message", "my card is not working at stores"): Banking77 files such
 * rows under declined payments, failed transfers and top-ups, CLINC150 under damaged cards. §3's
 * `bug_report` is "an error, a crash or a feature that does not work", and our suite and Banking77's
 * `card_not_working` teach exactly these words as bug reports: taught as neutral they contradict them.
 * Whether each is a bug report the label does not say, so they are left out (as NLU++'s).
 */
const SAYS_BROKEN_RE =
  /\b(?:(?:is ?n'?t|is not|does ?n'?t|does not|did ?n'?t|did not|wo ?n'?t|will not|not|stopped|keeps? not|never) (?:work|working|works)|errors?|glitch\w*|bugs?|bugg\w*|crash\w*|system is down)\b/i;
/** Likewise a neutral row that reports fraud, a scam or a theft: §3's account_security, unless the label says otherwise. */
const SAYS_SECURITY_RE = /\b(?:fraud\w*|scam\w*|hack\w*|stolen|stole)\b/i;

/** True when a row mapped neutral says in its own words what one of our codes is about: left out. */
export function neutralButSaysCode(text: string): boolean {
  return SAYS_BROKEN_RE.test(text) || SAYS_SECURITY_RE.test(text);
}

export function mapNluPlusPlus(labels: readonly string[], domain: string, text = ''): Target {
  const has = (l: string) => labels.includes(l);
  const codes: TriggerCode[] = [];
  let category: Category | null = null;
  if (has('handoff')) codes.push('human_requested'); // "can I speak to someone": §3's request for a person
  if (has('lost_stolen') && domain === 'hotels') {
    // A hotel's lost property (a scarf, a teddy bear, a dog) is no account security, and a lost card or
    // phone there may or may not be. Nor is "I lost my wallet" neutral beside a bank's "I lost my card":
    // the labels do not say, so these rows are left out.
    return { codes: [], category: null, doubtful: true };
  } else if (has('lost_stolen')) {
    codes.push('account_security'); // a lost or stolen card or phone
    category = 'account_access';
  } else if (
    has('cancel_close_leave_freeze') &&
    domain === 'banking' &&
    labels.some((l) => RELATIONSHIP.has(l)) &&
    !labels.some((l) => ONE_THING.has(l))
  ) {
    if (FREEZE_RE.test(text)) return { codes: [], category: null, doubtful: true }; // a freeze: neither churn nor surely misuse
    codes.push('cancellation'); // closing an account: churn
    category = 'cancellation';
  }
  // `change` names no object; the sentence does. Personal data (an address, a surname, contact
  // details) is §3's account_change, as Banking77's edit_personal_details and MultiDoGo's updateaddress.
  if (has('change') && domain === 'banking' && PERSONAL_DATA_RE.test(text) && !has('deny')) {
    codes.push('account_change');
  }
  if (has('refund')) {
    codes.push('refund_request');
    category ??= 'returns_refunds';
  }
  // "My card isn't working", "the app keeps failing": a broken feature. "Not showing" alone is a
  // payment question (a transfer not yet arrived), so only cards, contactless and PINs count.
  // Hotel wifi that does not connect is a service that does not work, as in our own suite.
  if (
    has('wrong_notworking_notshowing') &&
    (has('card') || has('contactless') || has('pin') || (domain === 'hotels' && has('wifi'))) &&
    !has('lost_stolen')
  ) {
    codes.push('bug_report');
    category ??= 'technical';
  } else if (has('wrong_notworking_notshowing') && codes.length === 0 && !labels.some((l) => MONEY.has(l))) {
    // "It just doesn't work", "my app isn't working properly", "it was declined", "the TV is dead":
    // some are bug reports, some are not, and the labels do not say which.
    return { codes: [], category: null, doubtful: true };
  }
  if (codes.length === 0 && labels.length > 0 && labels.every((l) => CHAT_MOVES.has(l))) category = 'other';
  return { codes, category };
}

export function mapSingle(table: Record<string, Target>, label: string): Target {
  return table[label] ?? NEUTRAL;
}
