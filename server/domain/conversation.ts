import { z } from 'zod';
import { CHANNELS, ROLES, TIERS } from './codes';
import { ValidationError } from '../errors';
import { checkJsonDocument, parseOrThrow, storableDateTime } from '../validation';

/**
 * The conversation Baton takes in (CONTRACT.md §1). Only `messages` is required; unknown fields are
 * kept (`looseObject`) so a caller's extra data survives the round trip and is never fatal.
 */

/**
 * Length limits (docs/API.md, "Limits"). Ids, names and labels are indexed or shown on one line: 200
 * characters fit any real one and stay far below Postgres's btree key limit (~2.7 kB) even at 4
 * bytes a character. Message text has no limit of its own beyond the 1 MB body.
 */
export const MAX_ID_LENGTH = 200;
export const MAX_TITLE_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;

const tooLong = (max: number) => `must be at most ${max} characters`;
const shortText = () => z.string().max(MAX_ID_LENGTH, tooLong(MAX_ID_LENGTH));
const url = () => z.string().max(MAX_URL_LENGTH, tooLong(MAX_URL_LENGTH));
/** A lookup key: trimmed as GET /v1/briefs trims its query (" 123 " is found as "123"), then not empty. */
const lookupKey = () => z.string().trim().min(1).max(MAX_ID_LENGTH, tooLong(MAX_ID_LENGTH));

/** The same check as vendor times: years 0001 to 9999 (there is no year 0). */
const isoDate = storableDateTime();

const kbArticleRef = z.looseObject({
  id: shortText().min(1),
  title: z.string().max(MAX_TITLE_LENGTH, tooLong(MAX_TITLE_LENGTH)).optional(),
  url: url().optional(),
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
  category: shortText().optional(),
  resolved: z.boolean().optional(),
});

export const customerSchema = z.looseObject({
  id: shortText().optional(),
  name: shortText().optional(),
  email: shortText().optional(),
  phone: shortText().optional(),
  tier: z.enum(TIERS).optional(),
  created_at: isoDate.optional(),
  previous_contacts: z.array(previousContact).optional(),
});

/** The helpdesk ticket; `provider` and `id` are what the sidebars look handoffs up by. */
export const ticketSchema = z.looseObject({
  provider: lookupKey(),
  id: lookupKey(),
  url: url().optional(),
});

/**
 * Messages in one conversation. Far more than a chat or an e-mail thread holds; every one is read
 * (phrases, facts, the brief), so the bound keeps the work for one body bounded too (10,000
 * three-word messages fit in 1 MB).
 */
export const MAX_MESSAGES = 1000;

export const conversationSchema = z.looseObject({
  // The idempotency key, compared byte for byte (not trimmed), but never only spaces: that is a
  // caller's mistake, and every such body would replay the first one sent.
  id: shortText().min(1).regex(/\S/, 'must not be blank').optional(),
  channel: z.enum(CHANNELS).optional(),
  occurred_at: isoDate.optional(),
  customer: customerSchema.optional(),
  messages: z.array(messageSchema).min(1, 'must hold at least one message').max(MAX_MESSAGES, `must hold at most ${MAX_MESSAGES} messages; send the most recent`),
  bot: z
    .looseObject({
      confidence: z.number().min(0).max(1).optional(),
      intent: shortText().optional(),
      handoff_reason: shortText().optional(),
    })
    .optional(),
  ticket: ticketSchema.optional(),
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

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Validates unknown input as a Conversation. Throws ValidationError naming the first bad field
 * (dotted path) and what was wrong with it. Every route and the CLI take conversations through here,
 * so whatever `/v1/assess` accepts `/v1/handoffs` accepts and the store can hold: no NUL, no lone
 * surrogate and no deep nesting anywhere, unknown fields included.
 */
export function parseConversation(input: unknown): Conversation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError(`body must be a JSON object (a conversation), got ${kindOf(input)}`, '(body)');
  }
  checkJsonDocument(input, '(body)');
  return parseOrThrow(conversationSchema, input, '(body)');
}
