import type { Conversation, Message } from '../../server/domain/conversation';
import { vendorObjects, vendorText } from '../../server/validation';
import type { GorgiasCustomer, GorgiasMessage, GorgiasTicket } from './client';

export const DEFAULT_GORGIAS_HANDOFF_TAG = 'ai_handover';

/**
 * Tags as Gorgias gives them (objects with `name`) or as a template renders them (a string). From the
 * API they are unchecked: a tag without a name as text is no tag.
 */
export function tagNames(tags: string | readonly (string | { name: string })[]): string[] {
  if (typeof tags === 'string') return tags.split(/[\s,]+/).filter(Boolean);
  if (!Array.isArray(tags)) return [];
  return tags.map((t) => vendorText(typeof t === 'object' && t !== null ? t.name : t)).filter((name): name is string => name !== undefined);
}

export function handoffTagIn(tags: readonly string[], handoffTag: string): string | undefined {
  const wanted = handoffTag.toLowerCase();
  return tags.some((t) => t.toLowerCase() === wanted) ? wanted : undefined;
}

function channelOf(channel: string | undefined): Conversation['channel'] {
  if (!channel) return undefined;
  if (channel === 'email') return 'email';
  if (channel === 'phone' || channel === 'aircall') return 'voice';
  if (channel === 'chat') return 'chat';
  if (['facebook', 'facebook-messenger', 'instagram-direct-message', 'instagram-comment', 'facebook-mention', 'twitter'].includes(channel)) return 'social';
  if (['sms', 'whatsapp'].includes(channel)) return 'messaging';
  return undefined;
}

/** A message's text; Gorgias's values are unchecked, so one that is not text (a number is read as its digits) is none. */
function textOf(m: GorgiasMessage): string {
  return (vendorText(m.stripped_text) ?? vendorText(m.body_text) ?? '').trim();
}

/**
 * A Gorgias ticket as a Conversation. Internal notes are left out. Until the handover the agent side
 * of a ticket tagged for handover was the AI agent, so its messages before the first human reply
 * are the bot's; `botSenderEmails` names other automated senders.
 */
export function gorgiasConversation(input: { ticket: GorgiasTicket; messages: GorgiasMessage[]; customer?: GorgiasCustomer; ticketUrl: string; botSenderEmails?: readonly string[] }): Conversation {
  const bots = new Set((input.botSenderEmails ?? []).map((e) => e.toLowerCase()));
  const messages: Message[] = vendorObjects(input.messages)
    .filter((m) => m.channel !== 'internal-note' && m.public !== false && textOf(m) !== '')
    .sort((a, b) => (vendorText(a.created_datetime) ?? '').localeCompare(vendorText(b.created_datetime) ?? ''))
    .map((m) => {
      const sender = (vendorText(m.sender?.email) ?? '').toLowerCase();
      const role: Message['role'] = !m.from_agent ? 'customer' : bots.has(sender) || m.via === 'ai-agent' || m.via === 'rule' ? 'bot' : 'agent';
      return { role, text: textOf(m), ...(m.created_datetime ? { at: m.created_datetime } : {}) };
    });
  if (messages.length === 0) messages.push({ role: 'customer', text: (vendorText(input.ticket.subject) ?? '').trim() || '(no message text on the ticket)' });
  const customer = input.customer ?? input.ticket.customer;
  const conversation: Conversation = {
    id: `gorgias:ticket:${input.ticket.id}`,
    messages,
    ticket: { provider: 'gorgias', id: String(input.ticket.id), url: input.ticketUrl },
  };
  const channel = channelOf(input.ticket.channel);
  if (channel) conversation.channel = channel;
  if (customer) {
    conversation.customer = Object.fromEntries(
      Object.entries({ id: String(customer.id), name: customer.name ?? undefined, email: customer.email ?? undefined, created_at: customer.created_datetime ?? undefined }).filter(([, v]) => v !== undefined),
    );
  }
  return conversation;
}
