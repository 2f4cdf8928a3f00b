import { z } from 'zod';
import { CHANNELS, ROLES, TIERS } from './codes';
import { parseOrThrow } from '../validation';

/**
 * The conversation Baton takes in (CONTRACT.md §1). Only `messages` is required; unknown fields are
 * kept (`looseObject`) so a caller's extra data survives the round trip and is never fatal.
 */

const isoDate = z.iso.datetime({ offset: true });

const kbArticleRef = z.looseObject({
  id: z.string().min(1),
  title: z.string().optional(),
  url: z.string().optional(),
});

export const messageSchema = z.looseObject({
  role: z.enum(ROLES),
  text: z.string().trim().min(1, 'must not be empty'),
  at: isoDate.optional(),
  kb_articles: z.array(kbArticleRef).optional(),
  /** For bot turns: whether the customer found the answer helpful (false = rejected). */
  helpful: z.boolean().optional(),
});

const previousContact = z.looseObject({
  at: isoDate,
  category: z.string().optional(),
  resolved: z.boolean().optional(),
});

export const customerSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  tier: z.enum(TIERS).optional(),
  created_at: isoDate.optional(),
  previous_contacts: z.array(previousContact).optional(),
});

export const conversationSchema = z.looseObject({
  id: z.string().min(1).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  occurred_at: isoDate.optional(),
  customer: customerSchema.optional(),
  messages: z.array(messageSchema).min(1, 'must hold at least one message'),
  bot: z
    .looseObject({
      confidence: z.number().min(0).max(1).optional(),
      intent: z.string().optional(),
      handoff_reason: z.string().optional(),
    })
    .optional(),
  ticket: z
    .looseObject({
      provider: z.string().min(1),
      id: z.string().min(1),
      url: z.string().optional(),
    })
    .optional(),
});

export type Conversation = z.infer<typeof conversationSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type KbArticleRef = z.infer<typeof kbArticleRef>;

/**
 * The conversation's "now", which the domain never reads from a clock: when it happened
 * (`occurred_at`), else when Baton received it.
 */
export function conversationTime(conversation: Pick<Conversation, 'occurred_at'>, receivedAt: Date): Date {
  return conversation.occurred_at ? new Date(conversation.occurred_at) : receivedAt;
}

/**
 * Validates unknown input as a Conversation. Throws ValidationError naming the first bad field
 * (dotted path) and what was wrong with it.
 */
export function parseConversation(input: unknown): Conversation {
  return parseOrThrow(conversationSchema, input, '(body)');
}
