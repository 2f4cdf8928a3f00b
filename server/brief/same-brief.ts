import type { Brief } from '../domain/decision';

/**
 * Fields that say who or when a brief was written rather than what it says. `writer` names the
 * writer: the same words from another writer tell the agent nothing new. (The Brief carries no
 * timestamp or version number of its own; those live on the stored version row.)
 */
const BOOKKEEPING_FIELDS = new Set<string>(['writer', 'generated_at', 'version']);

/**
 * A value as it reads once stored as JSON (jsonb): undefined members dropped, Dates as ISO strings,
 * object keys in one order (jsonb keeps its own), so a brief just written and one read back from the
 * database compare by what they say.
 */
function canonical(value: unknown, top = false): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonical((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function' || (top && BOOKKEEPING_FIELDS.has(key))) continue;
    out[key] = canonical(member);
  }
  return out;
}

/** The brief's content as one string, for comparing two versions. */
export function briefContentKey(brief: Brief): string {
  return JSON.stringify(canonical(brief, true));
}

/**
 * True when `next` says nothing `latest` does not already say: same summary, attempts, customer
 * context, sources, next steps, intro, customer message and suggestion. Then no new version is
 * written: a brief version is written only when it adds something.
 */
export function sameBriefContent(latest: Brief | undefined, next: Brief): boolean {
  return latest !== undefined && briefContentKey(latest) === briefContentKey(next);
}
