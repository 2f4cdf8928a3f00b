import type { ParsedResult, ParsingReference } from 'chrono-node';

/** The languages Baton reads; English is the base every message is read in. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/**
 * The phrase rules a language can add words to, by rule key (see triggers/*-phrases.ts for what each
 * key means). Topic and category rules keep their English phrases in those tables; the phrases of
 * the conversation itself (asking for a person, saying yes to the bot's offer, rejecting or
 * accepting its answer) are given by every language, English included.
 */
export type PhraseKey =
  | 'human_requested'
  | 'accept'
  | 'rejection'
  | 'acceptance'
  | 'refund_request'
  | 'billing_dispute'
  | 'damaged_order'
  | 'account_security'
  | 'legal_compliance'
  | 'cancellation'
  | 'custom_pricing'
  | 'complaint'
  | 'safety'
  | 'account_change'
  | 'bug_report'
  | 'unresolved_previous_contact'
  | 'urgency'
  | 'profanity'
  | 'cat:order_status'
  | 'cat:returns_refunds'
  | 'cat:billing'
  | 'cat:account_access'
  | 'cat:technical'
  | 'cat:sales'
  | 'cat:product_question'
  | 'cat:feedback';

export type DateParser = (text: string, reference: ParsingReference) => ParsedResult[];

/** What Baton knows of one language: every language file exports this same shape. */
export interface LanguagePack {
  code: LanguageCode;
  /** Regex sources (matched case-insensitively, on text with straight quotes) by the rule they feed. */
  phrases: Partial<Record<PhraseKey, readonly string[]>>;
  /** Refusing what follows ("I don't need", "no quiero"), read just before a match: the `want` negation scope. */
  refusals: readonly string[];
  /** Plain negation words ("not", "nicht") a few words before a match: the `any` scope. */
  negations: readonly string[];
  /**
   * Words that say the customer asks in general or for later, not about a case of theirs now ("just
   * curious", "in general", "asking for a friend", "por curiosidad"), anywhere in the message.
   */
  generalAsks: readonly string[];
  /**
   * A refund the sentence says is settled, not asked for: the money arrived ("ya me llegó", "bien
   * reçu") or the question is about the policy ("política de reembolso"). English has its own,
   * finer reading in topic-phrases.ts (REFUND_DONE, REFUND_POLICY), so en.ts leaves this empty.
   */
  refundSettled?: readonly string[];
  /** Words that end a clause, so a negation before them does not reach past ("but", "pero", "aber"). */
  clauseBreaks: readonly string[];
  /** Words just before a date that say it is still to come ("due", "by", "bis", "hasta"). */
  futureCues: readonly string[];
  /** Words that say which week a weekday is in ("next", "last", "nächsten", "pasado"): chrono's reading stands. */
  weekModifiers: readonly string[];
  /**
   * Words that only a date in this language holds (month and weekday names, "yesterday"), not those
   * spelt as in English ("November"): English text naming one must not cost a language detection.
   */
  dateWords: string;
  /**
   * Frequent words of this language that English text rarely holds (articles, pronouns, "und",
   * "que", "bitte"), lower case; an elision keeps its apostrophe ("l'", "j'"). A message holding none
   * of them is not read for this language's phrases, which keeps the cost of the other languages off
   * English conversations, and they tell which language the customer writes in. Empty for English,
   * which is always read.
   */
  commonWords: readonly string[];
  /** chrono's own parser for the language. */
  parseDates: DateParser;
}
