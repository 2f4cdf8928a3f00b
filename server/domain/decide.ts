import type { Conversation } from './conversation';
import type { Decision } from './decision';
import type { TenantPolicy } from './policy';
import type { KnowledgeSearch } from '../kb/types';

export interface DecideContext {
  policy: TenantPolicy;
  kb?: KnowledgeSearch;
  /** The conversation's "now" (no clock in the domain). */
  now: Date;
}

/** Pure: the rules' decision for a conversation. Implemented in the trigger-engine work. */
export declare function decide(conversation: Conversation, context: DecideContext): Decision;
