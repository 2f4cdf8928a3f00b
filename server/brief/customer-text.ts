import type { Conversation } from '../domain/conversation';

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

/** Sentences of a text, trimmed, without empty ones (Intl.Segmenter knows "e.g." and "$349.99"). */
export function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

const GREETING = /^(?:(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|greetings|dear\s+\w+)(?:\s+(?:there|team|all|guys|folks|support))?|thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?(?:\s+in\s+advance)?|thx|ty|cheers|ok(?:ay)?|yes|yeah|no|sure|please|pls|regards|best|bye|goodbye)(?=$|[\s,.!:;-])[\s,.!:;-]*/i;

/** Drops greetings and thanks at the start of a sentence; "" when nothing else was said. */
export function withoutPleasantries(sentence: string): string {
  let rest = sentence.trim();
  for (let m = GREETING.exec(rest); m && m[0].length > 0; m = GREETING.exec(rest)) rest = rest.slice(m[0].length);
  return rest.trim();
}

/** The customer's sentences with greetings and thanks removed, in order. */
export function customerSentences(conversation: Conversation): CustomerSentence[] {
  const out: CustomerSentence[] = [];
  conversation.messages.forEach((message, index) => {
    if (message.role !== 'customer') return;
    for (const sentence of sentencesOf(message.text)) {
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

/** Cuts text at a word boundary, adding an ellipsis when anything was dropped. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
