import type { Conversation, Message } from './conversation';
import type { AttemptedSolution, Evidence } from './decision';
import { BOT_RULES, CLARIFYING_QUESTION_RE } from './triggers/bot-phrases';
import { ACCEPTANCE_RULES, REJECTION_RULES } from './triggers/request-phrases';
import { scan, viewMessages, type Hits, type PhraseRule } from './triggers/scan';

/**
 * The one definition of a bot (or agent) answer and of how it landed, shared by the decision
 * (`repeated_failure`, sentiment escalating with "any failed bot answer", a cited article that
 * answered) and the brief's `attempted` list, so the two can never disagree about a turn.
 *
 * - An answer is a turn that cites a KB article or carries a `helpful` mark, or any turn after the
 *   customer has spoken that is not a greeting, a "connecting you" notice, an "I didn't understand",
 *   an offer of a person or a lone clarifying question.
 * - It failed (`not_helpful`) when it is marked `helpful: false` or the customer's reply rejects it
 *   ("that is wrong", "still doesn't work"); a failure signal from either side counts, because a
 *   customer must never be kept from a person by a thumbs-up their next words take back.
 * - It helped when marked `helpful: true` or the reply accepts it ("that worked"); else `unknown`.
 * - The customer's reply is their next message before the bot or an agent speaks again.
 *
 * The hits come from scanning the conversation with the rules keyed `rejection`, `acceptance`,
 * `bot:greeting`, `bot:handoff`, `bot:not_understood` and `bot:offer` (the decision's single scan
 * holds them; the brief scans for them alone).
 */

export type AnswerOutcome = AttemptedSolution['outcome'];

export interface SupportTurn {
  index: number;
  by: 'bot' | 'agent';
  /** An attempt to answer (not a greeting, clarifying question or "connecting you" notice). */
  answer: boolean;
  cited: boolean;
  outcome: AnswerOutcome;
  /** An answer that did not help: `outcome` is `not_helpful`. */
  failed: boolean;
  /** Why it counts as failed: the customer's rejection, else the `helpful` field. */
  failure?: Evidence;
  offeredPerson: boolean;
}

/** The customer's reply to the turn at `index`: their next message before the bot or an agent speaks again. */
export function replyIndex(messages: readonly Message[], index: number): number | undefined {
  for (let j = index + 1; j < messages.length; j += 1) {
    const role = messages[j]!.role;
    if (role === 'customer') return j;
    if (role === 'bot' || role === 'agent') return undefined;
  }
  return undefined;
}

/** Every bot and agent turn, read once, with whether it answered and how that landed. */
export function readSupportTurns(conversation: Conversation, hits: Hits): SupportTurn[] {
  const at = (key: string) => new Map(hits.get(key).map((h) => [h.message, h]));
  const rejections = at('rejection');
  const acceptances = at('acceptance');
  const offers = at('bot:offer');
  const notAnswer = new Set(
    [hits.get('bot:greeting'), hits.get('bot:handoff'), hits.get('bot:not_understood')].flat().map((h) => h.message),
  );
  const messages = conversation.messages;

  const turns: SupportTurn[] = [];
  let customerSpoke = false;
  messages.forEach((message, index) => {
    if (message.role === 'customer') customerSpoke = true;
    if (message.role !== 'bot' && message.role !== 'agent') return;
    const cited = (message.kb_articles?.length ?? 0) > 0;
    const answer =
      cited ||
      message.helpful !== undefined ||
      (customerSpoke && !notAnswer.has(index) && !offers.has(index) && !CLARIFYING_QUESTION_RE.test(message.text));
    const reply = replyIndex(messages, index);
    const rejection = reply === undefined ? undefined : rejections.get(reply);
    const failure: Evidence | undefined = rejection
      ? { message: rejection.message, quote: rejection.quote }
      : message.helpful === false
        ? { field: `messages.${index}.helpful`, value: false }
        : undefined;
    const accepted = message.helpful === true || (reply !== undefined && acceptances.has(reply));
    const outcome: AnswerOutcome = failure ? 'not_helpful' : accepted ? 'helpful' : 'unknown';
    turns.push({
      index,
      by: message.role,
      answer,
      cited,
      outcome,
      failed: answer && failure !== undefined,
      failure,
      offeredPerson: offers.has(index),
    });
  });
  return turns;
}

/** The rules readSupportTurns needs, for a caller that has not scanned the conversation already. */
const ANSWER_RULES: readonly PhraseRule[] = [...BOT_RULES, ...REJECTION_RULES, ...ACCEPTANCE_RULES];

/**
 * Every bot and agent turn with its outcome, scanning for what that takes. An agent's turn is read
 * with the bot's rules ("let me transfer you" is no answer whoever writes it).
 */
export function supportTurnsOf(conversation: Conversation): SupportTurn[] {
  const views = viewMessages(conversation).map((v) => (v.role === 'agent' ? { ...v, role: 'bot' } : v));
  return readSupportTurns(conversation, scan(views, ANSWER_RULES));
}
