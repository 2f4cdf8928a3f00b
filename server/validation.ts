import { z } from 'zod';
import { ValidationError } from './errors';

/** Longest record key an error names as its field (longer ones are described instead). */
const MAX_NAMED_KEY = 100;

/**
 * The first problem zod found, as the field to name and what is wrong. The field is the dotted path
 * (`messages.2.text`) under `prefix`; when the value as a whole is wrong (empty path, no prefix) it is
 * `whole`.
 */
export function firstIssue(error: z.ZodError, whole: string, prefix?: string): { field: string; message: string } {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  // A strict object's extra field: name the field itself, not the object holding it.
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) return { field: [...(prefix ? [prefix] : []), ...path, issue.keys[0]!].join('.'), message: 'is not a known field' };
  // A record's key its key schema refused: zod says only "Invalid key in record", the key schema
  // says what a key must be. The key names the field, unless it is too long or unprintable to be
  // read back (it is the caller's text): then the record holding it does.
  if (issue.code === 'invalid_key' && path.length > 0) {
    const key = path.at(-1)!;
    const rule = issue.issues[0]?.message ?? issue.message;
    const control = /[\u0000-\u001f\u007f-\u009f]/.test(key);
    if (key !== '' && key.length <= MAX_NAMED_KEY && !control) return { field: (prefix ? [prefix, ...path] : path).join('.'), message: `key ${rule}` };
    const record = (prefix ? [prefix, ...path.slice(0, -1)] : path.slice(0, -1)).join('.') || whole;
    const described = key === '' ? 'an empty key' : `a key of ${key.length} characters${control ? ' with control characters' : ''}`;
    return { field: record, message: `${described} ${rule}` };
  }
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

/**
 * An ISO 8601 date-time with its offset (2026-11-02T10:15:00Z) that Postgres's timestamptz can hold,
 * for vendor times that end up in timestamp columns. The contract's check (z.iso.datetime, as in
 * domain/conversation.ts) already refuses "1", a day the month lacks (2026-02-30) and years of more
 * than four digits (+275760-…, which Date.parse takes); year 0000 is the one it takes that Postgres
 * refuses ("date/time field value out of range": there is no year 0).
 */
export function storableDateTime() {
  const message = 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-02T10:15:00Z, in the years 0001 to 9999';
  return z.iso.datetime({ offset: true, error: message }).refine((value) => !value.startsWith('0000'), message);
}

/** How deeply objects and arrays may nest in a request body, the body itself being level 1. */
export const MAX_JSON_DEPTH = 32;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why Postgres (and any UTF-8 store) cannot hold `text`, or undefined when it can. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * `value` with every NUL and unpaired surrogate in its strings and field names replaced by U+FFFD:
 * text from a vendor's API is not ours to refuse (the webhook that named it was valid), but Postgres
 * can store neither. Strings that need nothing are kept as they are.
 */
export function withStorableText<T>(value: T): T {
  if (typeof value === 'string') return (unstorableText(value) ? value.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(withStorableText) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [withStorableText(key), withStorableText(v)])) as T;
  }
  return value;
}

/**
 * A vendor's value as text: a string as it is, a number as its digits, anything else (null, an
 * object) as none. Vendor APIs are typed from their docs, not checked, and reading a value of
 * another type as a string (`.trim()` on a number) would throw on every attempt of the job.
 */
export function vendorText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** The entries of a vendor's list that are objects, for the same reason: anything else in it (or a list that is not one) is none. */
export function vendorObjects<T extends object>(list: readonly T[] | null | undefined): T[] {
  return Array.isArray(list) ? list.filter((entry): entry is T => typeof entry === 'object' && entry !== null) : [];
}

/**
 * JSON may name a field `__proto__`, and JSON.parse keeps it as a field; but any copy made by
 * assignment (a schema keeping unknown fields, an object spread) sets the copy's prototype instead,
 * so the field would vanish between the request and the store. Refused, since it cannot be kept.
 */
const FIELD_NAME_PROTO = 'is __proto__, which cannot be kept as a field (choose another name)';

/** Largest value of a Postgres `integer` column (a version, a count): a larger number is refused, not stored. */
export const MAX_INTEGER_COLUMN = 2_147_483_647;

/**
 * What a schema cannot see, in every part of a parsed JSON document, unknown fields included (they
 * are kept and stored): every string and field name is storable text, and nothing nests deeper than
 * MAX_JSON_DEPTH. Returns the first offending place in document order (the field holding a bad
 * name, or the container one level too deep) and what is wrong there, or undefined when the
 * document can be stored.
 */
export function jsonDocumentProblem(document: unknown, whole: string): { field: string; message: string } | undefined {
  const path: Array<string | number> = [];
  const budget = { values: MAX_JSON_VALUES };
  const message = problemIn(document, 1, path, budget);
  if (message === TOO_MANY_VALUES) return { field: whole, message };
  return message === undefined ? undefined : { field: path.join('.') || whole, message };
}

/**
 * Values (objects, arrays, strings, numbers, …) one document may hold. A 1,000-message conversation
 * with articles cited in every answer holds about 20,000; 1 MB of tiny ones (60,000 unknown keys,
 * 100,000 empty arrays) is work for every later step (the schema, the store, the answer) that
 * serves no caller.
 */
export const MAX_JSON_VALUES = 50_000;
const TOO_MANY_VALUES = `holds more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values (objects, arrays, strings, numbers)`;

/**
 * Depth first; on a problem, `path` holds its place. It recurses at most MAX_JSON_DEPTH + 1 deep (a
 * deeper container is itself the problem), so a 10,000-deep body cannot overflow the stack, and it
 * allocates nothing per value: 1 MB of small arrays or 60,000 keys are checked in a few milliseconds
 * (an explicit stack of visit records took over 100).
 */
function problemIn(value: unknown, depth: number, path: Array<string | number>, budget: { values: number }): string | undefined {
  if (--budget.values < 0) return TOO_MANY_VALUES;
  if (typeof value === 'string') return unstorableText(value);
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      path.push(i);
      const problem = problemIn(value[i], depth + 1, path, budget);
      if (problem !== undefined) return problem;
      path.pop();
    }
    return undefined;
  }
  const keys = Object.keys(value);
  for (const key of keys) {
    const problem = key === '__proto__' ? FIELD_NAME_PROTO : unstorableText(key);
    if (problem) return `a field name ${problem}`;
  }
  for (const key of keys) {
    path.push(key);
    const problem = problemIn((value as Record<string, unknown>)[key], depth + 1, path, budget);
    if (problem !== undefined) return problem;
    path.pop();
  }
  return undefined;
}

/**
 * Documents (objects and arrays) already found storable. A request body is checked where it is
 * parsed (jsonBody) and again by whatever reads it as a conversation (parseConversation, which the
 * CLI calls too): the second check of the same, unmodified object costs nothing.
 */
const storable = new WeakSet<object>();

/**
 * jsonDocumentProblem as an error naming the place: ValidationError (422) by default, or the error a
 * caller answers with (a webhook's 400, BadRequestError).
 */
export function checkJsonDocument(
  document: unknown,
  whole: string,
  Failure: new (message: string, field?: string) => Error = ValidationError,
): void {
  const isDocument = typeof document === 'object' && document !== null;
  if (isDocument && storable.has(document)) return;
  const problem = jsonDocumentProblem(document, whole);
  if (problem) throw new Failure(`${problem.field}: ${problem.message}`, problem.field);
  if (isDocument) storable.add(document);
}
