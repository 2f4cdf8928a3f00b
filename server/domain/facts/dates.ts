import type { ParsedResult, ParsingReference } from 'chrono-node';
import { DATE_WORD_RE, dateReaders, detectLanguages, type DateReader, type LanguageCode } from '../language';
import { clauseBefore } from '../text';
import { FUTURE_CUE_RE, nearestMonthDay, nearestWeekday, type DayParts } from './nearest-day';
import { MAX_FACTS_PER_KIND, type ClaimedSpans, type Found } from './spans';

/** "now", "right now", "in 2 hours": times of today, not dates the agent needs. */
const NOT_A_DATE = /^(?:(?:right\s+)?now|(?:in\s+)?(?:an?|\d+|a few)\s+(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)(?:\s+ago)?)$/i;

/**
 * A length of time ("in 6 days", "for 3 weeks", "the past two weeks", "two days later"): how long
 * something took or will take, not a day the customer named. chrono turns "has not moved in 6 days"
 * into now + 6 days, which would put a made-up future date in the brief. A count of time back from
 * now ("3 days ago", "a week ago") does name a day and stays.
 */
const DURATION =
  /\b(?:\d+(?:\.\d+)?|an?|(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half(?:\s+an?)?)\s+(?:(?:business|working|calendar)\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)\b(?!\s+(?:ago|before|earlier))/i;

const WRITTEN_YEAR = /\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

/**
 * Words and shapes every date chrono can place on a day contains: a month or weekday name, a
 * numeric date, a relative day ("yesterday", "tonight", "3 days ago", "next week", "gestern"), in
 * any of our languages (language/*.ts `dateWords`). Text without one is not handed to chrono at
 * all: it is the costliest step of fact extraction, and most messages name no date. Read piece by
 * piece, so a long message's dateless pieces are skipped too.
 */
const NUMERIC_DATE_RE = /\d{1,4}[/.-]\d{1,2}/;

const DURATIONS = new RegExp(DURATION.source, 'gi');

/**
 * Whether chrono may find a day in the text. A date word inside a length of time ("has not moved
 * in 6 days", "within 3 business days") does not count: whatever chrono reads there is a length
 * of time, set aside below.
 */
function mayHoldDate(text: string): boolean {
  if (NUMERIC_DATE_RE.test(text)) return true;
  if (!DATE_WORD_RE.test(text)) return false;
  DURATIONS.lastIndex = 0;
  return !DURATIONS.test(text) || DATE_WORD_RE.test(text.replace(DURATIONS, ' '));
}

/**
 * Every parser's results in one list, in text order; where two overlap the longer reading wins, so
 * German's "am 3. November" beats English's "November" (which chrono places on the 1st).
 */
function readDates(text: string, readers: readonly DateReader[], reference: ParsingReference): ParsedResult[] {
  if (readers.length === 1) return readers[0]!.parse(text, reference);
  const all = readers
    .flatMap((r) => r.parse(text, reference))
    .sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: ParsedResult[] = [];
  let end = 0;
  for (const result of all) {
    if (result.index < end) continue;
    kept.push(result);
    end = result.index + result.text.length;
  }
  return kept;
}

type Components = ParsedResult['start'];

function partsOf(c: Components): DayParts {
  return { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
}

/** How far back the words before a date are read for future wording ("it will arrive on"). */
const CUE_WINDOW = 40;

/** Picks the year of a bare month/day, or the week of a bare weekday (see nearest-day.ts). */
function placeDay(text: string, start: number, phrase: string, c: Components, now: Date): DayParts {
  const parsed = partsOf(c);
  if (c.isCertain('year')) return parsed;
  const future = FUTURE_CUE_RE.test(`${clauseBefore(text, start, CUE_WINDOW)} ${phrase}`);
  if (c.isCertain('month') && c.isCertain('day')) return nearestMonthDay(parsed.month, parsed.day, now, future);
  if (c.isCertain('weekday') && !c.isCertain('day')) return nearestWeekday(parsed, now, future, phrase);
  return parsed;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * chrono reads a long text in pieces of about this many characters, cut at a sentence end (or a space),
 * and reads at most PARSE_BUDGET characters of a message: it is the costliest step of fact
 * extraction (a 240 kB message of "May 2 " took seconds), dates sit in sentences, and no message
 * names more than a few. Messages up to one piece long are read whole, exactly as before.
 */
const PIECE_CHARS = 2000;
const PARSE_BUDGET = 16_000;
const PIECE_END = /[.!?\n][^.!?\n]*$/;
const SPACE_END = /\s\S*$/;

export interface Piece {
  start: number;
  text: string;
}

/** The text in pieces of at most PIECE_CHARS, each ending at the last sentence end (else space) it holds. */
export function* piecesOf(text: string, size = PIECE_CHARS): Generator<Piece> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      // Only the back half is searched for a cut, so every piece moves at least half a piece on.
      const back = text.slice(start + size / 2, end);
      const cut = PIECE_END.exec(back) ?? SPACE_END.exec(back);
      if (cut) end = start + size / 2 + cut.index + 1;
    }
    yield { start, text: text.slice(start, end) };
    start = end;
  }
}

/**
 * Dates relative to the conversation's `now` (absolute dates only when there is none), as ISO YYYY-MM-DD in UTC. Only results that name a
 * day (a date, a weekday, or a relative day like "yesterday", "3 days ago") count; a clock time alone
 * ("at 5pm") or a bare number is noise.
 */
export function findDates(text: string, claimed: ClaimedSpans, now: Date | undefined): Found<string>[] {
  const found: Found<string>[] = [];
  let parsed = 0;
  // The message's languages, detected once and only if a piece holds another language's date words.
  let languages: { value: ReadonlySet<LanguageCode> | undefined } | undefined;
  const detect = () => (languages ??= { value: detectLanguages(text) }).value;
  for (const piece of piecesOf(text)) {
    if (parsed >= PARSE_BUDGET) break;
    if (!mayHoldDate(piece.text)) continue;
    parsed += piece.text.length;
    const readers = dateReaders(piece.text, detect);
    for (const result of readDates(piece.text, readers, { instant: now ?? new Date(0), timezone: 0 })) {
      const phrase = result.text.trim();
      const start = piece.start + result.index;
      const end = start + result.text.length;
      if (claimed.overlaps(start, end) || NOT_A_DATE.test(phrase) || DURATION.test(phrase) || /^\d+$/.test(phrase)) continue;
      const c = result.start;
      if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) continue;
      // Without a reference instant, "yesterday" or "May 2" cannot be placed: keep only full dates.
      // chrono calls "yesterday" certain too, so ask the words themselves for a written year.
      if (!now && !WRITTEN_YEAR.test(phrase)) continue;
      claimed.claim(start, end);
      const day = now ? placeDay(text, start, phrase, result.start, now) : partsOf(result.start);
      found.push({ at: start, value: `${day.year}-${pad(day.month)}-${pad(day.day)}` });
      if (found.length >= MAX_FACTS_PER_KIND) return found;
    }
  }
  return found;
}
