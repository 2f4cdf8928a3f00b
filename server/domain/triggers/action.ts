import type { Trigger } from '../decision';
import { makeTrigger, quoteEvidence, type EngineInput } from './engine-input';

/**
 * manual_review: the customer asks for something that needs an approval or a back-office hand
 * (exceptions, price matching, warranty claims, changing a shipped order), or the bot said it
 * cannot do what was asked.
 */
export function actionTriggers(input: EngineInput): Trigger[] {
  const evidence = [...quoteEvidence(input.hits.get('manual_review')), ...quoteEvidence(input.hits.get('bot:cannot'))];
  if (evidence.length === 0) return [];
  return [makeTrigger('manual_review', 'needs an approval or back-office action the bot cannot take', evidence)];
}
