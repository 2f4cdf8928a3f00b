import * as chrono from 'chrono-node';
import type { ClaimedSpans, Found } from './spans';

/** "now", "right now", "in 2 hours": times of today, not dates the agent needs. */
const NOT_A_DATE = /^(?:(?:right\s+)?now|(?:in\s+)?(?:an?|\d+|a few)\s+(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)(?:\s+ago)?)$/i;

const WRITTEN_YEAR = /\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Dates relative to the conversation's `now` (absolute dates only when there is none), as ISO YYYY-MM-DD in UTC. Only results that name a
 * day (a date, a weekday, or a relative day like "yesterday", "in 2 days") count; a clock time alone
 * ("at 5pm") or a bare number is noise.
 */
export function findDates(text: string, claimed: ClaimedSpans, now: Date | undefined): Found<string>[] {
  const found: Found<string>[] = [];
  for (const result of chrono.parse(text, { instant: now ?? new Date(0), timezone: 0 })) {
    const phrase = result.text.trim();
    const start = result.index;
    const end = start + result.text.length;
    if (claimed.overlaps(start, end) || NOT_A_DATE.test(phrase) || /^\d+$/.test(phrase)) continue;
    const c = result.start;
    if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) continue;
    // Without a reference instant, "yesterday" or "May 2" cannot be placed: keep only full dates.
    // chrono calls "yesterday" certain too, so ask the words themselves for a written year.
    if (!now && !WRITTEN_YEAR.test(phrase)) continue;
    claimed.claim(start, end);
    found.push({ at: start, value: `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` });
  }
  return found;
}
