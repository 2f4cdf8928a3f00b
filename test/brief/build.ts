import type { Category, TriggerCode } from '../../server/domain/codes';
import { familyOf } from '../../server/domain/codes';
import type { Decision, Facts, Sentiment, Trigger } from '../../server/domain/decision';
import { DEFAULT_QUEUES } from '../../server/domain/codes';

/** A Decision built by hand, so the writer is tested without the rules engine. */
export function trigger(code: TriggerCode, message = 0, quote = '', detail = code): Trigger {
  return { family: familyOf(code), code, detail, evidence: [{ message, quote }] };
}

export function facts(overrides: Partial<Facts> = {}): Facts {
  return { order_ids: [], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [], ...overrides };
}

export function decision(overrides: Partial<Decision> & { category: Category }): Decision {
  const sentiment: Sentiment = { label: 'neutral', score: 0, signals: [] };
  return {
    escalate: true,
    reasons: [],
    triggers: [],
    priority: 'normal',
    queue: DEFAULT_QUEUES[overrides.category],
    sentiment,
    facts: facts(),
    ...overrides,
  };
}
