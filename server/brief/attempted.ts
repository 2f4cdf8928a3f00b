import { supportTurnsOf } from '../domain/bot-answers';
import type { Conversation, Message } from '../domain/conversation';
import type { AttemptedSolution } from '../domain/decision';
import { BRIEF_READS_CHARS, clip, sentencesOf } from './customer-text';
import { listOfFirst } from './fact-phrases';

/** Articles of one answer named in its line; the rest are counted. */
const MAX_ARTICLES_NAMED = 3;

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
  const sent = titles.length === 1 ? `the ${titles[0]} article` : `articles ${listOfFirst(titles, MAX_ARTICLES_NAMED)}`;
  return `sent ${sent}: ${first}`;
}

/**
 * What the bot (or an earlier agent) already tried: every answer, with the article it cited and how
 * it landed. Which turns are answers and whether they failed is the decision's own reading
 * (bot-answers.ts), so a reply the decision counts as a failed answer is `not_helpful` here too.
 */
export function listAttempted(conversation: Conversation): AttemptedSolution[] {
  const messages = conversation.messages;
  return supportTurnsOf(conversation)
    .filter((turn) => turn.answer)
    .map((turn) => {
      const message = messages[turn.index]!;
      const attempt: AttemptedSolution = { by: turn.by, what: describe(message), outcome: turn.outcome };
      const article = message.kb_articles?.[0]?.id;
      if (article) attempt.kb_article = article;
      return attempt;
    });
}
