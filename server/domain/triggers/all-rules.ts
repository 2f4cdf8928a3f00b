import { BOT_RULES } from './bot-phrases';
import { CATEGORY_RULES } from './category-phrases';
import { ACTION_RULES, COMPLEXITY_RULES } from './complexity-phrases';
import { ACCEPT_RULES, HUMAN_REQUEST_RULES, REJECTION_RULES } from './request-phrases';
import type { PhraseRule } from './scan';
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
