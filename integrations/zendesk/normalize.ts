import { z } from 'zod';
import { BadRequestError } from '../../server/errors';
import type { HandoffSignal, HelpdeskEvent, HelpdeskEventKind, TicketUpdate } from '../../server/connectors/types';
import { ticketSchema } from '../../server/domain/conversation';
import { firstIssue, storableDateTime } from '../../server/validation';
import { SUNSHINE_ID_MAX, ZENDESK_TICKET_ID_MAX as TICKET_ID_MAX } from './conversation';

/** What decides that an event hands a ticket from the bot to a person. */
export interface ZendeskDetectionOptions {
  /** A tag that marks the handover (default `ai_handover`). */
  handoffTag?: string;
  /**
   * A ticket created on a messaging channel is one the bot transferred to agents (with a bot in
   * front, Zendesk messaging creates the ticket at the transfer). Default true.
   */
  messagingTicketIsHandoff?: boolean;
}

export const DEFAULT_HANDOFF_TAG = 'ai_handover';

/** `via.channel` values of Zendesk messaging (web widget, mobile SDKs, social messaging). */
const MESSAGING_CHANNELS = new Set([
  'native_messaging',
  'messaging',
  'sunshine_conversations_api',
  'sunshine_conversations_facebook_messenger',
  'sunshine_conversations_twitter_dm',
  'whatsapp',
  'line',
  'wechat',
  'instagram_dm',
  'telegram',
  'apple_business_chat',
  'google_rcs',
  'kakaotalk',
  'viber',
]);

const EVENT_KINDS: Record<string, HelpdeskEventKind> = {
  'zen:event-type:ticket.created': 'ticket_created',
  'zen:event-type:ticket.comment_added': 'comment_added',
  'zen:event-type:ticket.status_changed': 'status_changed',
  'zen:event-type:ticket.agent_assignment_changed': 'assignee_changed',
  'zen:event-type:ticket.tags_changed': 'ticket_updated',
  'zen:event-type:messaging_ticket.message_added': 'message_added',
};

/**
 * A ticket id as the rest of the API takes one (ticket.id: trimmed, 1 to 200 characters): it keys the
 * follow-up record and the handoff's ticket, so one the store or the contract would refuse is refused
 * here, before the event is stored, not by every attempt of its job.
 */
const ticketIdSchema = ticketSchema.shape.id.max(TICKET_ID_MAX, `must be at most ${TICKET_ID_MAX} characters`);
const id = z.union([ticketIdSchema, z.number().int().nonnegative()]).transform(String);
const SUBJECT_TICKET = 'zen:ticket:';

/** `zen:ticket:<id>` names the ticket (and wins over detail.id); the id must be one ticketIdSchema takes. */
const subject = z.string().superRefine((value, ctx) => {
  if (!value.startsWith(SUBJECT_TICKET)) return;
  if (!ticketIdSchema.safeParse(value.slice(SUBJECT_TICKET.length)).success) {
    ctx.addIssue({ code: 'custom', message: `must be ${SUBJECT_TICKET}<ticket id>, the id 1 to ${TICKET_ID_MAX} characters (not only spaces)` });
  }
});

const ticketDetail = z.looseObject({
  id,
  tags: z.array(z.string()).nullish(),
  status: z.string().nullish(),
  via: z.looseObject({ channel: z.string().nullish() }).nullish(),
});

/** Event-type webhooks: shared top-level properties (Zendesk "Webhook event types"). */
const eventPayload = z.looseObject({
  type: z.string().startsWith('zen:event-type:'),
  id: z.string().min(1).max(200),
  // Becomes the solved or first-reply time of the ticket's follow-up record (timestamptz).
  time: storableDateTime().optional(),
  subject: subject.optional(),
  detail: z.looseObject({ id }),
  event: z.looseObject({}).optional().default({}),
});

/** Trigger webhooks: the JSON body documented in docs/ZENDESK.md (Zendesk placeholders render as strings). */
const triggerPayload = z.looseObject({
  ticket: z.looseObject({
    id,
    tags: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.string().optional(),
    via: z.string().optional(),
    // The solved time when the status is solved (timestamptz), as for event-type webhooks' `time`.
    updated_at: storableDateTime().optional(),
  }),
  satisfaction: z.string().optional(),
});

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const { field, message } = firstIssue(result.error, '(body)');
    throw new BadRequestError(`${field}: ${message}`, field);
  }
  return result.data;
}

function tagSignal(tags: readonly string[] | undefined, options: ZendeskDetectionOptions): HandoffSignal | undefined {
  const tag = (options.handoffTag ?? DEFAULT_HANDOFF_TAG).toLowerCase();
  return tags?.some((t) => t.toLowerCase() === tag) ? { reason: 'tag', tag } : undefined;
}

function isSolved(status: string | undefined | null): boolean {
  return ['solved', 'closed'].includes((status ?? '').toLowerCase());
}

function normalizeEvent(payload: z.output<typeof eventPayload>, options: ZendeskDetectionOptions): HelpdeskEvent {
  const kind = EVENT_KINDS[payload.type] ?? 'other';
  const ticketId = payload.subject?.startsWith(SUBJECT_TICKET) ? ticketIdSchema.parse(payload.subject.slice(SUBJECT_TICKET.length)) : payload.detail.id;
  const event = payload.event as Record<string, unknown>;
  const base: HelpdeskEvent = { provider: 'zendesk', eventId: payload.id, kind, vendorType: payload.type, ticketId, occurredAt: payload.time, raw: payload };
  const update: TicketUpdate = {};

  if (kind === 'ticket_created' || kind === 'ticket_updated') {
    const detail = ticketDetail.safeParse(payload.detail);
    const tags = detail.success ? (detail.data.tags ?? undefined) : undefined;
    base.tags = tags;
    if (kind === 'ticket_created') {
      base.handoff = tagSignal(tags, options);
      const channel = detail.success ? detail.data.via?.channel : undefined;
      if (!base.handoff && (options.messagingTicketIsHandoff ?? true) && channel && MESSAGING_CHANNELS.has(channel)) {
        base.handoff = { reason: 'bot_handover', actor: channel };
      }
    } else {
      // tags_changed: only a tag added now hands over; one that was already there did so before.
      const added = z.array(z.string()).safeParse(event.tags_added);
      base.handoff = tagSignal(added.success ? added.data : undefined, options);
    }
  } else if (kind === 'comment_added') {
    const comment = z
      .looseObject({ is_public: z.boolean().optional(), author: z.looseObject({ is_staff: z.boolean().optional() }).optional() })
      .safeParse(event.comment);
    if (comment.success && comment.data.is_public && comment.data.author?.is_staff) update.firstPublicAgentReplyAt = payload.time;
  } else if (kind === 'status_changed') {
    const current = typeof event.current === 'string' ? event.current.toLowerCase() : undefined;
    if (current) update.status = current;
    if (isSolved(current)) update.solvedAt = payload.time;
  } else if (kind === 'assignee_changed') {
    const current = event.current;
    update.assigneeId = current === null || current === undefined || current === '' ? null : String(current);
  } else if (kind === 'message_added') {
    const actor = z.looseObject({ type: z.string() }).safeParse(event.actor);
    if (actor.success && actor.data.type === 'agent') update.firstPublicAgentReplyAt = payload.time;
    // The Sunshine Conversations id of the ticket's conversation (Zendesk "Messaging events").
    const conversation = z.string().min(1).max(SUNSHINE_ID_MAX).safeParse(event.conversation_id);
    if (conversation.success) base.messagingConversationId = conversation.data;
  }
  if (Object.keys(update).length > 0) base.update = update;
  return base;
}

function normalizeTrigger(payload: z.output<typeof triggerPayload>, options: ZendeskDetectionOptions & { fallbackId: string }): HelpdeskEvent {
  const rawTags = payload.ticket.tags;
  const tags = Array.isArray(rawTags) ? rawTags : (rawTags ?? '').split(/\s+/).filter(Boolean);
  const update: TicketUpdate = {};
  if (payload.ticket.status) update.status = payload.ticket.status.toLowerCase();
  if (isSolved(payload.ticket.status)) update.solvedAt = payload.ticket.updated_at;
  if (payload.satisfaction && !['unoffered', 'offered'].includes(payload.satisfaction.toLowerCase())) {
    update.satisfaction = payload.satisfaction.toLowerCase();
  }
  return {
    provider: 'zendesk',
    eventId: options.fallbackId,
    kind: 'ticket_updated',
    vendorType: 'trigger',
    ticketId: payload.ticket.id,
    occurredAt: payload.ticket.updated_at,
    tags,
    handoff: tagSignal(tags, options),
    ...(Object.keys(update).length ? { update } : {}),
    raw: payload,
  };
}

/** A verified Zendesk webhook body as our HelpdeskEvent; 400 naming the field when it is neither shape. */
export function normalizeZendeskPayload(payload: unknown, options: ZendeskDetectionOptions & { fallbackId: string }): HelpdeskEvent {
  const type = (payload as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && type.startsWith('zen:event-type:')) return normalizeEvent(parse(eventPayload, payload), options);
  return normalizeTrigger(parse(triggerPayload, payload), options);
}
