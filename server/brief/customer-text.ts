import type { Conversation } from '../domain/conversation';
import { leadingText } from '../domain/text';

/**
 * Reading the customer's side of a conversation for the brief. Customer text is data: these helpers
 * only select and quote it, never act on what it says.
 */

export interface CustomerSentence {
  /** Index of the message in `conversation.messages`. */
  message: number;
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * How much of each customer message the brief reads. A summary quotes one to three sentences and
 * the agent has the whole message in the ticket; a longer message is a paste or an attack, and
 * reading all of it would only make the brief slower, not better.
 */
export const BRIEF_READS_CHARS = 16_000;

/**
 * Intl.Segmenter is quadratic in practice over a long text (160 kB takes seconds), so it is fed
 * slices of at most this many characters, cut where a sentence surely ends.
 */
const SLICE_CHARS = 2_000;

/** Punctuation that ends a sentence, with the space after it. */
const SENTENCE_GAP_RE = /[.!?。！？]\s+/g;

/** Where to end a slice of `text` that starts at `from` and may not pass `to`: a line break, else a sentence end, else a space. */
function sliceEnd(text: string, from: number, to: number): number {
  if (to >= text.length) return text.length;
  const floor = from + SLICE_CHARS / 2;
  const tail = text.slice(floor, to);
  const line = tail.lastIndexOf('\n');
  if (line >= 0) return floor + line + 1;
  SENTENCE_GAP_RE.lastIndex = 0;
  let cut = -1;
  for (let m = SENTENCE_GAP_RE.exec(tail); m; m = SENTENCE_GAP_RE.exec(tail)) cut = m.index + m[0].length;
  if (cut >= 0) return floor + cut;
  const space = tail.lastIndexOf(' ');
  if (space >= 0) return floor + space + 1;
  // One long token: cut anywhere but between the two halves of a surrogate pair.
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

/** Characters that never end a sentence (letters, digits, spaces, inner punctuation). */
const NEVER_ENDS_RE = /^[\p{L}\p{M}\p{N} ,;:'"()&%$#@+/-]*$/u;
const TRAILING_ENDS = new Set(['.', '!', '?', ' ', '\t', '\n', '\r']);

/**
 * True when the segmenter would return the text whole: nothing that can end a sentence before its
 * final punctuation. Most chat turns are one sentence, and each call to the segmenter costs tens
 * of microseconds, which adds up over thousands of short messages.
 */
function isOneSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && TRAILING_ENDS.has(text[end - 1]!)) end -= 1;
  return NEVER_ENDS_RE.test(text.slice(0, end));
}

/**
 * Sentences of a text, trimmed, without empty ones (Intl.Segmenter knows "e.g." and "$349.99").
 * Linear in the text: it is segmented in bounded slices.
 */
export function sentencesOf(text: string): string[] {
  if (text.length <= SLICE_CHARS && isOneSentence(text)) {
    const sentence = text.trim();
    return sentence ? [sentence] : [];
  }
  const out: string[] = [];
  // Whether the last segment read ended at an ordinal; tested on the segment, not on the sentence it
  // joined, so a text of many ordinals stays linear.
  let afterOrdinal = false;
  for (let from = 0; from < text.length; ) {
    const to = sliceEnd(text, from, from + SLICE_CHARS);
    for (const { segment } of segmenter.segment(text.slice(from, to))) {
      const sentence = segment.trim();
      if (!sentence) continue;
      if (afterOrdinal && STARTS_WITH_LETTER_RE.test(sentence)) out[out.length - 1] += ` ${sentence}`;
      else out.push(sentence);
      afterOrdinal = ORDINAL_END_RE.test(sentence);
    }
    from = to;
  }
  return out;
}

/**
 * A sentence the segmenter ended after a day or ordinal number ("am 3.", "den 14.", "zum 2."): in
 * German, the Nordic languages, Polish, Czech or Turkish a number with a dot is an ordinal, and the
 * segmenter's rules (ICU's, the same in every locale) take it for a sentence end, so a summary
 * quoted "November bestellt, …" without its start. Joining it with what follows costs an English
 * text that truly ends in a small number a longer quote, never a fragment.
 */
const ORDINAL_END_RE = /(?:^|[\s(])\d{1,2}\.$/;
const STARTS_WITH_LETTER_RE = /^\p{L}/u;

const GREETING =
  /(?:(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|greetings|dear\s+\w+)(?:\s+(?:there|team|all|guys|folks|support))?|thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?(?:\s+in\s+advance)?|thx|ty|cheers|ok(?:ay)?|yes|yeah|no|sure|please|pls|regards|best|bye|goodbye)(?=$|[\s,.!:;-])[\s,.!:;-]*/iy;

/** Drops greetings and thanks at the start of a sentence; "" when nothing else was said. */
export function withoutPleasantries(sentence: string): string {
  const text = sentence.trim();
  // A sticky match walks forward from the last one: no re-slicing, so "thanks thanks …" stays linear.
  let at = 0;
  GREETING.lastIndex = 0;
  for (let m = GREETING.exec(text); m && m[0].length > 0; m = GREETING.exec(text)) at = GREETING.lastIndex;
  return text.slice(at).trim();
}

/** The customer's sentences with greetings and thanks removed, in order (the first BRIEF_READS_CHARS of each message). */
export function customerSentences(conversation: Conversation): CustomerSentence[] {
  const out: CustomerSentence[] = [];
  conversation.messages.forEach((message, index) => {
    if (message.role !== 'customer') return;
    const read = message.text.slice(0, BRIEF_READS_CHARS);
    const sentences = sentencesOf(read);
    // Cut at the budget, the last sentence is a fragment; quoting it would misquote the customer.
    if (read.length < message.text.length && sentences.length > 1) sentences.pop();
    for (const sentence of sentences) {
      const text = withoutPleasantries(sentence);
      if (/[\p{L}\p{N}]/u.test(text)) out.push({ message: index, text });
    }
  });
  return out;
}

/** The customer's first name when the profile has a plausible one (letters, apostrophes, hyphens). */
export function firstName(conversation: Conversation): string | undefined {
  const first = conversation.customer?.name?.trim().split(/\s+/)[0];
  return first && /^[\p{L}][\p{L}'’-]{0,40}$/u.test(first) ? first : undefined;
}

/** Cuts text at a word boundary (inside a word longer than `max`, never inside a surrogate pair), adding an ellipsis when anything was dropped. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = leadingText(flat, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
