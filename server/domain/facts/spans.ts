/**
 * A piece of text already claimed by one extractor. Extractors run from the most specific format to
 * the least, and later ones skip claimed text, so one string is never two facts (an Amazon order id
 * is not also a phone, a tracking number not also an amount).
 */
export interface Span {
  start: number;
  end: number;
}

export class ClaimedSpans {
  private readonly spans: Span[] = [];

  overlaps(start: number, end: number): boolean {
    return this.spans.some((s) => start < s.end && s.start < end);
  }

  claim(start: number, end: number): void {
    this.spans.push({ start, end });
  }
}

/** A fact found at a position, so a message's facts can be listed in the order they were written. */
export interface Found<T> {
  at: number;
  value: T;
}

/** Runs a global regex over text, yielding each match; the regex must carry the `g` flag. */
export function* matchesOf(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    yield m;
  }
}
