import type { Conversation, Message } from '../domain/conversation';
import type { AttemptedSolution } from '../domain/decision';
import { BRIEF_READS_CHARS, clip, sentencesOf } from './customer-text';

/** The customer's next message saying the answer did not help. */
const REJECTION =
  /\b(?:(?:that|this|it)\s+(?:did\s*n[o']?t|does\s*n[o']?t|do(?:es)?\s+not|did\s+not|is\s*n[o']?t|is\s+not|was\s*n[o']?t|was\s+not)\s+(?:help|answer|work|fix|solve|what)|not\s+(?:what\s+i\s+(?:asked|meant|need(?:ed)?|wanted)|helpful|useful|relevant)|(?:did|does)\s*n[o']?t\s+(?:help|answer|work)|(?:useless|pointless|irrelevant)|already\s+(?:tried|read|did|done|checked|seen)\s+(?:that|this|it)|(?:still|it\s+still)\s+(?:does\s*n[o']?t|do\s+not|is\s*n[o']?t|not|can'?t|cannot)\b|thanks\s+for\s+nothing|you(?:'re|\s+are)\s+not\s+(?:helping|listening)|that'?s\s+not\s+(?:it|the\s+(?:problem|issue|question)|what)|wrong\s+(?:answer|article))/i;

/** The customer's next message saying it worked; checked after REJECTION, so "thanks for nothing" is not praise. */
const ACCEPTANCE = /\b(?:that|this|it)\s+(?:worked|helped|fixed\s+it|solved\s+it|did\s+the\s+trick)\b|\b(?:problem|issue|all)\s+(?:solved|sorted|fixed)\b/i;

/** Bot turns that are not attempts to answer: a greeting, a "connecting you to a person" notice. */
const NOT_AN_ANSWER =
  /^(?:hi|hello|hey|welcome)\b[^.!?]*[.!?]?\s*(?:how\s+can\s+i\s+help|what\s+can\s+i\s+do)|\b(?:connect(?:ing)?\s+you|transfer(?:ring)?\s+you|hand(?:ing)?\s+(?:you\s+)?over|an?\s+(?:agent|person|human|team\s+member|specialist)\s+will)\b/i;

/** A lone short question is the bot asking, not answering. */
const CLARIFYING_QUESTION = /^[^.!?]{0,140}\?\s*$/u;

function replyTo(messages: Message[], index: number): Message | undefined {
  for (let j = index + 1; j < messages.length; j += 1) {
    const m = messages[j]!;
    if (m.role === 'customer') return m;
    if (m.role === 'bot' || m.role === 'agent') return undefined;
  }
  return undefined;
}

function outcomeOf(message: Message, reply: Message | undefined): AttemptedSolution['outcome'] {
  if (message.helpful === false) return 'not_helpful';
  if (message.helpful === true) return 'helpful';
  if (reply && REJECTION.test(reply.text)) return 'not_helpful';
  if (reply && ACCEPTANCE.test(reply.text)) return 'helpful';
  return 'unknown';
}

/** Courtesy that opens a bot answer and says nothing about what it tried. */
const COURTESY =
  /^(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:so\s+|very\s+|really\s+)?sorry\b|sorry\b|i\s+(?:completely\s+|totally\s+)?understand\b|i\s+apologi[sz]e\b|(?:thanks|thank\s+you)\b|(?:great|good|no\s+problem|of\s+course|sure|certainly|absolutely|got\s+it|oh\s+no)\b)[^.!?]{0,60}[.!?]?$/i;

/** A short paraphrase: which article was sent, and the answer's first sentence of substance. */
function describe(message: Message): string {
  const sentences = sentencesOf(message.text.slice(0, BRIEF_READS_CHARS));
  const substance = sentences.find((sentence) => !COURTESY.test(sentence.trim())) ?? sentences[0];
  const first = clip(substance ?? message.text, 140);
  const titles = (message.kb_articles ?? []).map((a) => (a.title ? `"${a.title}"` : a.id));
  if (titles.length === 0) return first;
  const sent = titles.length === 1 ? `the ${titles[0]} article` : `articles ${titles.join(', ')}`;
  return `sent ${sent}: ${first}`;
}

/**
 * What the bot (or an earlier agent) already tried: every answer, with the article it cited and how
 * it landed (the `helpful` mark, else the customer's next message rejecting or accepting it).
 */
export function listAttempted(conversation: Conversation): AttemptedSolution[] {
  const messages = conversation.messages;
  const attempted: AttemptedSolution[] = [];
  let customerSpoke = false;
  messages.forEach((message, index) => {
    if (message.role === 'customer') customerSpoke = true;
    if (message.role !== 'bot' && message.role !== 'agent') return;
    const cited = (message.kb_articles?.length ?? 0) > 0;
    const marked = message.helpful !== undefined;
    // Before the customer has said anything, in questions and in handoff notices, nothing was attempted.
    const notAnswer = !customerSpoke || NOT_AN_ANSWER.test(message.text) || CLARIFYING_QUESTION.test(message.text);
    if (!cited && !marked && notAnswer) return;
    const attempt: AttemptedSolution = {
      by: message.role,
      what: describe(message),
      outcome: outcomeOf(message, replyTo(messages, index)),
    };
    const article = message.kb_articles?.[0]?.id;
    if (article) attempt.kb_article = article;
    attempted.push(attempt);
  });
  return attempted;
}
