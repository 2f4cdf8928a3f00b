import { WEEK_MODIFIER_RE } from '../language';

/**
 * Which year (or which week) a date written without one means. chrono reads a bare "May 2" as the
 * next May 2, so "it shipped May 2" written on 2 November came out as next May. Customers mostly
 * write about what already happened, and about the near future only when the words say so ("due",
 * "by", "will arrive", "next"), so:
 * - a bare month and day is its latest occurrence up to today when that is within PAST_DAYS;
 *   otherwise (a day not long ahead, "Dec 20" in November) the next one;
 * - with future wording it is the next occurrence from today when that is within FUTURE_DAYS
 *   ("due Jan 5" in November), else the latest past one ("it was due Oct 30");
 * - a bare weekday ("on Friday") is the latest one up to today, or the next one with future wording.
 * Modified weekdays ("next Friday", "last Tuesday", "this Friday") keep chrono's reading.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const PAST_DAYS = 305; // ~10 months
const FUTURE_DAYS = 183; // ~6 months

/** Future wording and week words, in every language: each language's file under language/ holds its own. */
export { FUTURE_CUE_RE } from '../language';

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

function utcDay(year: number, month: number, day: number): number | undefined {
  const t = Date.UTC(year, month - 1, day);
  // 29 February in a year without one rolls over to March: not that day.
  return new Date(t).getUTCMonth() === month - 1 ? t : undefined;
}

function toParts(t: number): DayParts {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function startOfDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** A month and day without a year: the occurrence nearest to `now` in the direction the words point. */
export function nearestMonthDay(month: number, day: number, now: Date, future: boolean): DayParts {
  const today = startOfDay(now);
  const year = now.getUTCFullYear();
  const candidates = [year - 1, year, year + 1, year - 2, year + 2]
    .map((y) => utcDay(y, month, day))
    .filter((t): t is number => t !== undefined);
  const past = Math.max(...candidates.filter((t) => t <= today));
  const next = Math.min(...candidates.filter((t) => t >= today));
  const pick = future
    ? next - today <= FUTURE_DAYS * DAY_MS ? next : past
    : today - past <= PAST_DAYS * DAY_MS ? past : next;
  return toParts(pick);
}

/** A weekday alone: the latest one up to today, or the next one from today with future wording. */
export function nearestWeekday(parsed: DayParts, now: Date, future: boolean, phrase: string): DayParts {
  if (WEEK_MODIFIER_RE.test(phrase)) return parsed;
  const today = startOfDay(now);
  let t = Date.UTC(parsed.year, parsed.month - 1, parsed.day);
  while (future && t < today) t += 7 * DAY_MS;
  while (!future && t > today) t -= 7 * DAY_MS;
  return toParts(t);
}
