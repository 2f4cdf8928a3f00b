import { conversationTime, type Conversation } from './domain/conversation';
import type { Assessment } from './domain/decision';
import { decide } from './domain/decide';
import type { TenantPolicy } from './domain/policy';
import type { BriefWriter } from './brief/writer';
import type { KnowledgeSearch } from './kb/types';

export interface AssessOptions {
  policy: TenantPolicy;
  writer: BriefWriter;
  kb?: KnowledgeSearch;
  /** When Baton received the conversation (default: the clock); its own `occurred_at` wins. */
  receivedAt?: Date;
  customerContext?: Record<string, unknown>;
}

/** The whole pipeline with no side effects: rules decide, the writer writes. Used by /v1/assess, handoffs and the CLI. */
export async function assess(conversation: Conversation, options: AssessOptions): Promise<Assessment> {
  const now = conversationTime(conversation, options.receivedAt ?? new Date());
  const decision = decide(conversation, { policy: options.policy, kb: options.kb, now });
  const brief = await options.writer.write(conversation, decision, {
    policy: options.policy,
    kb: options.kb,
    now,
    customerContext: options.customerContext,
  });
  return { ...decision, brief };
}

/** What a request needs assessed; the KB and the writer belong to whoever runs it. */
export type AssessRequest = Pick<AssessOptions, 'policy' | 'receivedAt' | 'customerContext'>;

/**
 * Runs assess() for the HTTP layer. The pool (assess-pool.ts) runs big conversations in a worker
 * thread, so one long body cannot hold up every other request.
 */
export interface Assessor {
  assess(conversation: Conversation, request: AssessRequest): Promise<Assessment>;
}

/** assess() on the calling thread, with the given writer and KB (tests, the CLI, apps without a pool). */
export function inThreadAssessor(writer: BriefWriter, kb?: KnowledgeSearch): Assessor {
  return { assess: (conversation, request) => assess(conversation, { ...request, writer, kb }) };
}
