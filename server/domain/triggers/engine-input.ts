import type { Conversation } from '../conversation';
import type { Evidence, Facts, Trigger } from '../decision';
import type { TenantPolicy } from '../policy';
import type { KnowledgeSearch } from '../../kb/types';
import type { SentimentAnalysis } from '../sentiment';
import { familyOf, type TriggerCode } from '../codes';
import type { BotTurns } from './bot-turns';
import type { Hit, Hits, MessageView } from './scan';

/** Everything a trigger family may read; prepared once per decision. */
export interface EngineInput {
  conversation: Conversation;
  views: readonly MessageView[];
  /** All phrase rules, scanned once over all messages. */
  hits: Hits;
  policy: TenantPolicy;
  now: Date;
  kb?: KnowledgeSearch;
  sentiment: SentimentAnalysis;
  facts: Facts;
  bot: BotTurns;
}

/** Evidence lists stay short: the agent needs the clearest quotes, not every repetition. */
export const MAX_EVIDENCE = 3;

export function quoteEvidence(hits: readonly Hit[]): Evidence[] {
  return hits.slice(0, MAX_EVIDENCE).map((h) => ({ message: h.message, quote: h.quote }));
}

export function makeTrigger(code: TriggerCode, detail: string, evidence: Evidence[]): Trigger {
  return { family: familyOf(code), code, detail, evidence };
}
