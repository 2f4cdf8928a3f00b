/**
 * A piece of text already claimed by one extractor. Extractors run from the most specific format to
 * the least, and later ones skip claimed text, so one string is never two facts (an Amazon order id
 * is not also a phone, a tracking number not also an amount).
 *
 * One mark per character, not a list of spans: a 1 MB message can hold a hundred thousand
 * candidates, and checking each against every span claimed before it was quadratic (seconds). With
 * marks, a check costs the candidate's own length.
 */
export class ClaimedSpans {
  /** Made on the first claim: most messages hold no fact, and the marks cost an allocation. */
  private marks: Uint8Array | undefined;

  constructor(private readonly textLength: number) {}

  overlaps(start: number, end: number): boolean {
    const marks = this.marks;
    if (!marks) return false;
    const to = Math.min(end, marks.length);
    for (let i = Math.max(0, start); i < to; i += 1) if (marks[i] === 1) return true;
    return false;
  }

  claim(start: number, end: number): void {
    this.marks ??= new Uint8Array(this.textLength);
    this.marks.fill(1, Math.max(0, start), Math.min(end, this.textLength));
  }
}

/**
 * Facts of one kind kept from one message. No real message names more; past it the text is a paste
 * or an attack, and looking further only costs time (a 1 MB message of "$1 " is 300,000 amounts).
 */
export const MAX_FACTS_PER_KIND = 50;

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
