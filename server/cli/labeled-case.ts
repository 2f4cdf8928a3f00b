import { z } from 'zod';
import { CATEGORIES, PRIORITIES, TRIGGER_CODES, type TriggerCode } from '../domain/codes';
import { parseConversation, type Conversation } from '../domain/conversation';
import { ValidationError } from '../errors';
import { parseOrThrow } from '../validation';
import type { Expectation } from './eval-score';

const code = z.enum(TRIGGER_CODES as [TriggerCode, ...TriggerCode[]]);

const expectSchema = z
  .strictObject({
    escalate: z.boolean(),
    triggers: z.array(code).default([]),
    not_triggers: z.array(code).default([]),
    category: z.enum(CATEGORIES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
    facts: z
      .strictObject({
        order_ids: z.array(z.string()).optional(),
        emails: z.array(z.string()).optional(),
        phones: z.array(z.string()).optional(),
        tracking_numbers: z.array(z.string()).optional(),
        amounts: z.array(z.strictObject({ value: z.number(), currency: z.string().length(3) })).optional(),
        dates: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .refine((e) => !e.triggers.some((c) => e.not_triggers.includes(c)), {
    message: 'a code cannot be both expected and not expected',
    path: ['not_triggers'],
  });

const caseSchema = z.strictObject({
  name: z.string().min(1),
  /** Why the labels are what they are, for the next person who reads a failure. */
  note: z.string().optional(),
  conversation: z.unknown(),
  expect: expectSchema,
});

export interface LabeledCase {
  name: string;
  conversation: Conversation;
  expect: Expectation;
}

/** Validates one labeled case (docs/EVALUATION.md); throws ValidationError naming the bad field. */
export function parseLabeledCase(input: unknown): LabeledCase {
  const labeled = parseOrThrow(caseSchema, input, '(case)');
  let conversation: Conversation;
  try {
    conversation = parseConversation(labeled.conversation);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const field = `conversation.${err.field ?? ''}`;
    throw new ValidationError(`conversation.${err.message}`, field);
  }
  return { name: labeled.name, conversation, expect: labeled.expect };
}
