import type { Conversation } from '../domain/conversation';
import type { Brief, Decision, Facts, SourceStatus } from '../domain/decision';

/**
 * The small interfaces the server knows about outside systems (STYLE.md, "A shape for the
 * integrations"). Each vendor folder under `integrations/` implements some of them; the server never
 * sees a vendor's own types.
 */

/** What a connector may look at to find context: the conversation, the rules' facts, the ticket. */
export interface ConnectorContext {
  tenantId: string;
  conversation: Conversation;
  facts: Facts;
  ticket?: { provider: string; id: string; url?: string };
  /** The customer's e-mail: from the conversation, else the first one the customer wrote. */
  customerEmail?: string;
  /** The connectors' results so far are not shared: each one works from these inputs alone. */
}

/**
 * One source of customer context (helpdesk profile and history, orders, parcels). `fetch` must be a
 * read: the fan-out may run it twice (one retry) and abandons it when `signal` aborts.
 */
export interface ContextConnector {
  /** The key of its section in `customer_context` and its `sources` entry (`zendesk`, `shopify` …). */
  readonly kind: string;
  /** Resolves to its section, or `undefined` when it has nothing for this conversation. */
  fetch(context: ConnectorContext, signal: AbortSignal): Promise<Record<string, unknown> | undefined>;
}

/** What the fan-out gives the brief writer. */
export interface GatheredContext {
  customerContext: Record<string, unknown>;
  sources: SourceStatus[];
}

/** A brief as a helpdesk writer receives it: enough to write a note, tags and a group. */
export interface BriefForHelpdesk {
  handoffId: string;
  version: number;
  ticketId: string;
  decision: Pick<Decision, 'category' | 'priority' | 'queue' | 'reasons'>;
  brief: Brief;
  /** Where the agent can open the handoff in Baton (optional). */
  handoffUrl?: string;
}

export interface WriteBackResult {
  /** False when this brief version's note was already on the ticket (a retry or a replay). */
  noteWritten: boolean;
  tags: string[];
  groupId?: string;
}

/**
 * Writes a brief back where the agent works. Idempotent per (handoff, version): running it again for
 * the same version adds no second note, whatever happened in between (a crash, a retried job).
 */
export interface HelpdeskWriter {
  readonly provider: string;
  writeBrief(input: BriefForHelpdesk, signal?: AbortSignal): Promise<WriteBackResult>;
  /** Assigns the ticket to the agent with this email (a claim in Slack); false when no agent has it. */
  assignByEmail?(ticketId: string, email: string, signal?: AbortSignal): Promise<boolean>;
}

/** An inbound webhook request as a receiver sees it: the exact bytes and the headers, nothing parsed. */
export interface InboundRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export type HelpdeskEventKind =
  | 'ticket_created'
  | 'ticket_updated'
  | 'comment_added'
  | 'status_changed'
  | 'assignee_changed'
  | 'message_added'
  | 'pass_control'
  | 'satisfaction'
  | 'other';

/** Why an event counts as a handoff from the bot to a person. */
export type HandoffSignal =
  | { reason: 'tag'; tag: string }
  | { reason: 'bot_handover'; actor?: string }
  | { reason: 'pass_control'; conversationId: string; appId?: string };

/** What an event changes about a handoff's follow-through (DESIGN.md "Measuring the handoff"). */
export interface TicketUpdate {
  firstPublicAgentReplyAt?: string;
  assigneeId?: string | null;
  status?: string;
  solvedAt?: string;
  satisfaction?: string;
}

/**
 * A vendor's webhook, normalised into our words. `raw` keeps the vendor payload as received so
 * nothing the normaliser did not understand is lost.
 */
export interface HelpdeskEvent {
  provider: string;
  /** The vendor's id for this delivery: the deduplication key (with the provider). */
  eventId: string;
  kind: HelpdeskEventKind;
  /** The vendor's own event type, e.g. `zen:event-type:ticket.created` or `ticket-created`. */
  vendorType: string;
  ticketId?: string;
  /**
   * The messaging conversation this ticket carries (Zendesk: the Sunshine Conversations id on
   * `messaging_ticket.message_added`), when the event names it: how a ticket is linked to a handoff
   * that came from the conversation before the ticket existed.
   */
  messagingConversationId?: string;
  occurredAt?: string;
  tags?: string[];
  /** Set when this event hands a conversation from the bot to a person. */
  handoff?: HandoffSignal;
  update?: TicketUpdate;
  raw: unknown;
}

/**
 * Verifies and normalises one vendor's webhooks. `receive` throws a typed error (401 bad or stale
 * signature, 400 malformed) and never returns an unverified event.
 */
export interface Receiver<Options> {
  readonly provider: string;
  receive(request: InboundRequest, options: Options): HelpdeskEvent[];
}

/** A conversation as a vendor's API returns it, normalised (e.g. a full messaging transcript). */
export type { Conversation };
