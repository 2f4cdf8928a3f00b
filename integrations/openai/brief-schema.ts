import { z } from 'zod';
import { CATEGORIES } from '../../server/domain/codes';

/**
 * What the model may write: prose and a suggested category, nothing of the decision. The same zod
 * schema validates the answer and, through `z.toJSONSchema`, is the JSON schema sent as structured
 * output, so the two can never drift apart.
 *
 * Every field is required (OpenAI's strict mode demands it); "no value" is `null`.
 */
export const modelBriefSchema = z.object({
  summary: z.string().trim().min(1).max(1200),
  warm_intro: z.string().trim().min(1).max(800),
  next_steps: z
    .array(
      z.object({
        action: z.string().trim().min(1).max(300),
        why: z.string().trim().min(1).max(400),
        /** One of the `policies` ids offered in the request, or null; anything else is dropped. */
        policy_id: z.string().nullable(),
      }),
    )
    .max(5),
  suggested_category: z.enum(CATEGORIES).nullable(),
});

export type ModelBrief = z.infer<typeof modelBriefSchema>;

export const MODEL_BRIEF_SCHEMA_NAME = 'handoff_brief';

/** Keywords OpenAI's strict structured output does not accept; zod still enforces them on the answer. */
const UNSUPPORTED_KEYWORDS = ['$schema', 'minLength', 'maxLength'];

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !UNSUPPORTED_KEYWORDS.includes(key))
      .map(([key, value]) => [key, strip(value)]),
  );
}

/** The JSON schema for `response_format.json_schema.schema`, generated from `modelBriefSchema`. */
export function modelBriefJsonSchema(): Record<string, unknown> {
  return strip(z.toJSONSchema(modelBriefSchema)) as Record<string, unknown>;
}
