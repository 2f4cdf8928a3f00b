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

/** Tokens one model call used, as the server reported them. */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What an enricher gives back: a better brief, or none (keep the draft), and what it cost. */
export interface BriefEnrichment {
  /** Null: the model timed out, failed, refused or answered badly; the draft stays the brief. */
  brief: Brief | null;
  /** enriched | timeout | rate_limited | server_error | refused | invalid_output | over_budget | error */
  outcome: string;
  model: string;
  usage: TokenUsage;
}

/**
 * A writer that improves a brief already written and stored (the OpenAI writer over the offline
 * brief): the progressive brief's second step. It never throws for an outside failure; it says so
 * in `outcome`.
 */
export interface BriefEnricher {
  readonly name: string;
  enrich(conversation: Conversation, decision: Decision, draft: Brief, context: BriefContext): Promise<BriefEnrichment>;
}

/**
 * One interface, two writers (offline, OpenAI). Rules own the decision; a writer only writes prose
 * and may suggest, never override.
 */
export interface BriefWriter {
  readonly name: string;
  write(conversation: Conversation, decision: Decision, context: BriefContext): Promise<Brief>;
}
