import type { z } from 'zod';
import { ValidationError } from './errors';

/**
 * The first problem zod found, as the field to name and what is wrong. The field is the dotted path
 * (`messages.2.text`) under `prefix`; when the value as a whole is wrong (empty path, no prefix) it is
 * `whole`.
 */
export function firstIssue(error: z.ZodError, whole: string, prefix?: string): { field: string; message: string } {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const field = (prefix ? [prefix, ...path] : path).join('.') || whole;
  return { field, message: issue.message };
}

/** Parses `input` with `schema`, or throws ValidationError (422) naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, whole: string, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error, whole, prefix);
  throw new ValidationError(`${field}: ${message}`, field);
}
