import type { Assessment } from '../domain/decision';
import type { UsageEntry } from '../store/brief-usage';
import type { HandoffRecord, StoredHandoffView } from '../store/types';

/** Where the customer stands, to fill the brief's `{wait_minutes}` and `{queue_position}`. */
export interface QueueStanding {
  customerMessage: string;
}

export function handoffLink(id: string): string {
  return `/v1/handoffs/${id}`;
}

function decisionFields(a: Assessment) {
  return {
    escalate: a.escalate,
    reasons: a.reasons,
    triggers: a.triggers,
    priority: a.priority,
    category: a.category,
    queue: a.queue,
    sentiment: a.sentiment,
    facts: a.facts,
  };
}

/** What `POST /v1/handoffs` answers: the decision and what to tell the customer, at once. */
export function acceptedView(handoff: HandoffRecord, standing: QueueStanding) {
  return {
    id: handoff.id,
    status: handoff.status,
    conversation_id: handoff.conversation_id,
    ...decisionFields(handoff.assessment),
    customer_message: standing.customerMessage,
    links: { self: handoffLink(handoff.id) },
  };
}

/**
 * What `GET /v1/handoffs/:id` and `GET /v1/briefs` answer: the handoff with its latest brief, as JSON
 * text. The conversation is written in as the database holds it (`StoredHandoffView`), so the largest
 * part of a read is never parsed and encoded again; `extra` adds fields after the links.
 */
export function handoffViewJson(handoff: StoredHandoffView, standing: QueueStanding, extra: Record<string, unknown> = {}): string {
  const head = JSON.stringify({
    id: handoff.id,
    status: handoff.status,
    conversation_id: handoff.conversation_id,
    ticket: handoff.ticket ?? null,
    created_at: handoff.created_at,
    updated_at: handoff.updated_at,
    ...decisionFields(handoff.assessment),
    brief_version: handoff.brief_version,
    brief: { ...handoff.assessment.brief, customer_message: standing.customerMessage },
  });
  const tail = JSON.stringify({ links: { self: handoffLink(handoff.id) }, ...extra });
  return `${head.slice(0, -1)},"conversation":${handoff.conversationJson},${tail.slice(1)}`;
}

/**
 * Extension of `GET /v1/handoffs/:id` when a model wrote (or tried to write) the brief: the tokens
 * each call used and which brief version it became (null: the offline brief stayed).
 */
export function modelUsageView(calls: UsageEntry[]) {
  return {
    prompt_tokens: calls.reduce((sum, c) => sum + c.prompt_tokens, 0),
    completion_tokens: calls.reduce((sum, c) => sum + c.completion_tokens, 0),
    calls,
  };
}
