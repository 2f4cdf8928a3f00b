import type { Conversation } from '../conversation';
import type { Evidence } from '../decision';
import { CLARIFYING_QUESTION_RE } from './bot-phrases';
import type { Hits } from './scan';

/**
 * The bot's turns, read once: which were answers, which cited KB articles, which failed (marked
 * `helpful: false`, or the customer's next message rejected them) and whether the bot offered a
 * person. Several triggers and the escalation rule for sentiment depend on these.
 */

export interface BotTurn {
  index: number;
  /** An attempt to answer (not a greeting, clarifying question or "connecting you" notice). */
  answer: boolean;
  cited: boolean;
  failed: boolean;
  /** Why it counts as failed: the customer's rejection, else the `helpful` field. */
  failure?: Evidence;
  offeredPerson: boolean;
}

export interface BotTurns {
  turns: BotTurn[];
  answers: BotTurn[];
  failed: BotTurn[];
}

export function readBotTurns(conversation: Conversation, hits: Hits): BotTurns {
  const at = (key: string) => new Map(hits.get(key).map((h) => [h.message, h]));
  const rejections = at('rejection');
  const offers = at('bot:offer');
  const notAnswers = [hits.get('bot:greeting'), hits.get('bot:handoff'), hits.get('bot:not_understood')].flat();
  const notAnswer = new Set(notAnswers.map((h) => h.message));
  const messages = conversation.messages;

  const turns: BotTurn[] = [];
  let customerSpoke = false;
  messages.forEach((message, index) => {
    if (message.role === 'customer') customerSpoke = true;
    if (message.role !== 'bot') return;
    const cited = (message.kb_articles?.length ?? 0) > 0;
    // The customer's reply to this turn is their next message before the bot speaks again.
    let reply: number | undefined;
    for (let j = index + 1; j < messages.length && messages[j]!.role !== 'bot'; j += 1) {
      if (messages[j]!.role === 'customer') {
        reply = j;
        break;
      }
    }
    const rejection = reply === undefined ? undefined : rejections.get(reply);
    const answer =
      cited ||
      message.helpful === false ||
      (customerSpoke && !notAnswer.has(index) && !offers.has(index) && !CLARIFYING_QUESTION_RE.test(message.text));
    const failure: Evidence | undefined = rejection
      ? { message: rejection.message, quote: rejection.quote }
      : message.helpful === false
        ? { field: `messages.${index}.helpful`, value: false }
        : undefined;
    turns.push({ index, answer, cited, failed: answer && failure !== undefined, failure, offeredPerson: offers.has(index) });
  });
  return { turns, answers: turns.filter((t) => t.answer), failed: turns.filter((t) => t.failed) };
}
