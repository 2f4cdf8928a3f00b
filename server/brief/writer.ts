import type { Conversation } from '../domain/conversation';
import type { Brief, Decision } from '../domain/decision';
import type { TenantPolicy } from '../domain/policy';
import type { KnowledgeSearch } from '../kb/types';

/** What a writer may use besides the conversation and the rules' decision. */
export interface BriefContext {
  policy: TenantPolicy;
  kb?: KnowledgeSearch;
  now: Date;
  /** Connector results keyed by kind (profile, orders, tracking, history); empty offline. */
  customerContext?: Record<string, unknown>;
  sources?: Brief['sources'];
}

/**
 * One interface, two writers (offline, OpenAI). Rules own the decision; a writer only writes prose
 * and may suggest, never override.
 */
export interface BriefWriter {
  readonly name: string;
  write(conversation: Conversation, decision: Decision, context: BriefContext): Promise<Brief>;
}
