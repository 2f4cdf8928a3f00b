import { BOT_RULES } from './bot-phrases';
import { CATEGORY_RULES } from './category-phrases';
import { ACTION_RULES, COMPLEXITY_RULES } from './complexity-phrases';
import { ACCEPT_RULES, ACCEPTANCE_RULES, HUMAN_REQUEST_RULES, REJECTION_RULES } from './request-phrases';
import { regexesOfRules, type PhraseRule } from './scan';
import { SENTIMENT_RULES } from './sentiment-phrases';
import { REFUND_RULES, TOPIC_RULES } from './topic-phrases';

/**
 * Every phrase rule the decision scans for, in one table so the messages are read once. Not the
 * customer accepting an answer (ACCEPTANCE_RULES): the decision only asks whether answers failed,
 * and the brief, which lists what helped, scans for it itself (bot-answers.ts).
 */
export const ALL_RULES: readonly PhraseRule[] = [
  ...HUMAN_REQUEST_RULES,
  ...ACCEPT_RULES,
  ...REJECTION_RULES,
  ...REFUND_RULES,
  ...TOPIC_RULES,
  ...COMPLEXITY_RULES,
  ...ACTION_RULES,
  ...BOT_RULES,
  ...CATEGORY_RULES,
];

/**
 * Every regex the phrase rules read messages with: the tables scan() is given (the decision's, the
 * bot-answer reading's, sentiment's), with their other languages' readings unless `english` only.
 * What anchors.json covers (write-anchors.ts) and what the warm-up compiles (warm-up.ts).
 */
export function phraseRegexes(which: 'all' | 'english' = 'all'): RegExp[] {
  const tables: ReadonlyArray<readonly PhraseRule[]> = [ALL_RULES, SENTIMENT_RULES, [...BOT_RULES, ...REJECTION_RULES, ...ACCEPTANCE_RULES]];
  return regexesOfRules(tables.flat(), which);
}
