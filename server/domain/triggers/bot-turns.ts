import type { Conversation } from '../conversation';
import { readSupportTurns, type SupportTurn } from '../bot-answers';
import type { Hits } from './scan';

/**
 * The bot's turns as the decision reads them: which were answers, which cited KB articles, which
 * failed and whether the bot offered a person. What an answer is and when it failed is defined once,
 * in bot-answers.ts, and shared with the brief's `attempted` list; agents' turns are left out here
 * because only a failed *bot* answer is a reason to escalate.
 */

export type BotTurn = SupportTurn;

export interface BotTurns {
  turns: BotTurn[];
  answers: BotTurn[];
  failed: BotTurn[];
}

export function readBotTurns(conversation: Conversation, hits: Hits): BotTurns {
  const turns = readSupportTurns(conversation, hits).filter((t) => t.by === 'bot');
  return { turns, answers: turns.filter((t) => t.answer), failed: turns.filter((t) => t.failed) };
}
