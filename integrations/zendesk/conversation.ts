import { MAX_ID_LENGTH, type Conversation, type Message } from '../../server/domain/conversation';
import { vendorObjects, vendorText } from '../../server/validation';
import type { ZendeskComment, ZendeskOrganization, ZendeskTicket, ZendeskUser } from './client';
import type { SunshineMessage } from './sunshine-client';

/**
 * How Baton's conversation id (the handoff's idempotency key, at most MAX_ID_LENGTH characters) is
 * made from a Zendesk ticket id and from a Sunshine Conversations conversation id. The receivers
 * refuse a vendor id too long to fit after its prefix, so no event is taken that its job must refuse.
 */
export const ZENDESK_TICKET_KEY = 'zendesk:ticket:';
export const SUNSHINE_CONVERSATION_KEY = 'sunshine:conversation:';
/** The longest Zendesk ticket id and Sunshine conversation id whose conversation id fits MAX_ID_LENGTH. */
export const ZENDESK_TICKET_ID_MAX = MAX_ID_LENGTH - ZENDESK_TICKET_KEY.length;
export const SUNSHINE_ID_MAX = MAX_ID_LENGTH - SUNSHINE_CONVERSATION_KEY.length;

/** Zendesk `via.channel` → the contract's channel. */
function channelOf(via: string | undefined): Conversation['channel'] {
  if (!via) return undefined;
  if (via === 'email' || via === 'web_form' || via === 'mail') return 'email';
  if (via === 'voice' || via === 'phone' || via === 'phone_call_inbound') return 'voice';
  if (via === 'chat' || via === 'chat_transcript') return 'chat';
  if (via === 'twitter' || via === 'facebook' || via === 'facebook_post') return 'social';
  return 'messaging';
}

/** Tags as text; Zendesk's values are unchecked, so a list that is not one, or a tag that is not text, is none. */
function tagsOf(tags: unknown): string[] {
  return Array.isArray(tags) ? tags.map(vendorText).filter((tag): tag is string => tag !== undefined) : [];
}

/** A tier from the customer's or organisation's tags, never from what the customer wrote. */
function tierOf(user: ZendeskUser, org?: ZendeskOrganization): 'vip' | 'enterprise' | undefined {
  const tags = new Set([...tagsOf(user.tags), ...tagsOf(org?.tags)].map((t) => t.toLowerCase()));
  if (tags.has('enterprise')) return 'enterprise';
  if (tags.has('vip')) return 'vip';
  return undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

export interface TicketConversationInput {
  ticket: ZendeskTicket;
  comments: ZendeskComment[];
  requester?: ZendeskUser;
  organization?: ZendeskOrganization;
  recentTickets?: ZendeskTicket[];
  ticketUrl: string;
  /** Users whose comments are the bot's (e.g. the AI agent's user); everyone else but the requester is an agent. */
  botUserIds?: readonly string[];
  occurredAt?: string;
}

/** A comment's text; a value that is not text (a number is read as its digits) is none. */
function commentText(c: ZendeskComment): string {
  return (vendorText(c.plain_body) ?? vendorText(c.body) ?? '').trim();
}

/**
 * A Zendesk ticket as Baton's Conversation. Private comments (internal notes, Baton's own briefs
 * among them) are left out: the rules read what passed between the customer and the business.
 */
export function ticketConversation(input: TicketConversationInput): Conversation {
  const bots = new Set(input.botUserIds ?? []);
  const messages: Message[] = vendorObjects(input.comments)
    .filter((c) => c.public && commentText(c) !== '')
    .map((c) => {
      const role: Message['role'] =
        String(c.author_id) === String(input.ticket.requester_id) ? 'customer' : bots.has(String(c.author_id)) ? 'bot' : 'agent';
      return compact({ role, text: commentText(c), at: c.created_at });
    });
  if (messages.length === 0) {
    const text = (vendorText(input.ticket.description) ?? vendorText(input.ticket.subject) ?? '').trim();
    messages.push({ role: 'customer', text: text || '(no message text on the ticket)' });
  }
  const user = input.requester;
  const previous = vendorObjects(input.recentTickets)
    .filter((t) => t.id !== input.ticket.id && t.created_at)
    .map((t) => ({ at: t.created_at!, resolved: ['solved', 'closed'].includes(t.status ?? '') }));
  return compact({
    id: `${ZENDESK_TICKET_KEY}${input.ticket.id}`,
    channel: channelOf(input.ticket.via?.channel),
    occurred_at: input.occurredAt,
    customer: user
      ? compact({
          id: String(user.id),
          name: user.name,
          email: user.email ?? undefined,
          phone: user.phone ?? undefined,
          tier: tierOf(user, input.organization),
          created_at: user.created_at,
          previous_contacts: previous.length ? previous : undefined,
        })
      : undefined,
    messages,
    ticket: { provider: 'zendesk', id: String(input.ticket.id), url: input.ticketUrl },
  }) as Conversation;
}

/** A message's text; Sunshine's values are unchecked, so a message without content, or content that is not text, has none. */
function messageText(m: SunshineMessage): string {
  return (vendorText(m.content?.text) ?? vendorText(m.content?.altText) ?? '').trim();
}

/**
 * Baton's conversation id (the handoff's idempotency key) for a Sunshine Conversations conversation:
 * the passControl that hands it over and the ticket events that later name it share it.
 */
export function sunshineConversationKey(conversationId: string): string {
  return `${SUNSHINE_CONVERSATION_KEY}${conversationId}`;
}

/**
 * A Sunshine Conversations transcript as a Conversation: the user's messages are the customer's;
 * business messages from the Agent Workspace are agents', any other business author (the bot's
 * integration) is the bot.
 */
export function sunshineConversation(input: { conversationId: string; messages: SunshineMessage[]; ticketId?: string; ticketUrl?: string; occurredAt?: string }): Conversation {
  const messages: Message[] = vendorObjects(input.messages)
    .filter((m) => messageText(m) !== '')
    .map((m) => {
      const role: Message['role'] =
        m.author?.type === 'user' ? 'customer' : m.source?.type === 'zd:agentWorkspace' ? 'agent' : 'bot';
      return compact({ role, text: messageText(m), at: m.received });
    });
  if (messages.length === 0) messages.push({ role: 'system', text: '(the conversation had no text messages)' });
  return compact({
    id: sunshineConversationKey(input.conversationId),
    channel: 'messaging',
    occurred_at: input.occurredAt,
    messages,
    ticket: input.ticketId ? compact({ provider: 'zendesk', id: input.ticketId, url: input.ticketUrl }) : undefined,
  }) as Conversation;
}
