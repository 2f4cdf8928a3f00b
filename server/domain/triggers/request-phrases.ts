import { englishPhrases, withLanguages } from '../language';
import { anyOf } from './phrase-rules';
import type { PhraseRule } from './scan';

/**
 * Requests for a person (CONTRACT.md §3 customer_request) and the customer's side of the
 * conversation with the bot: accepting its offer of a person, rejecting or accepting its answer.
 * The phrases are per language, in language/*.ts (English in en.ts); these are the rules they feed.
 * Negation uses the narrow `want` scope so "why can't I talk to a person?" still counts.
 */

export const HUMAN_REQUEST_RULES: PhraseRule[] = withLanguages([
  { key: 'human_requested', neg: 'want', re: anyOf(...englishPhrases('human_requested')) },
]);

/** A short yes right after the bot offered a person is a request for one. */
export const ACCEPT_RULES: PhraseRule[] = withLanguages([{ key: 'accept', re: anyOf(...englishPhrases('accept')) }]);

/**
 * The customer's reply saying the bot's last answer did not help. Read only in the reply to an
 * answer (bot-answers.ts), where it makes that answer a failed one for the decision and the brief alike.
 */
export const REJECTION_RULES: PhraseRule[] = withLanguages([{ key: 'rejection', re: anyOf(...englishPhrases('rejection')) }]);

/** The customer's reply saying the answer worked; a rejection in the same reply wins ("thanks for nothing"). */
export const ACCEPTANCE_RULES: PhraseRule[] = withLanguages([
  { key: 'acceptance', re: anyOf(...englishPhrases('acceptance')) },
]);
