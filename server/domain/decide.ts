import type { Conversation } from './conversation';
import type { Decision, Trigger } from './decision';
import { queueFor, type TenantPolicy } from './policy';
import type { KnowledgeSearch } from '../kb/types';
import { extractFacts } from './facts';
import { analyzeSentiment } from './sentiment';
import { asksQuestion, categorize, categorySignals, unplacedCategory } from './categorize';
import { ALL_RULES } from './triggers/all-rules';
import { readBotTurns } from './triggers/bot-turns';
import { customerLanguageOf, scan, viewMessages } from './triggers/scan';
import type { EngineInput } from './triggers/engine-input';
import { customerRequestTriggers } from './triggers/customer-request';
import { topicTriggers } from './triggers/topic';
import { complexityTriggers } from './triggers/complexity';
import { customerTriggers } from './triggers/customer';
import { sentimentTriggers } from './triggers/sentiment-triggers';
import { confidenceTriggers } from './triggers/confidence';
import { actionTriggers } from './triggers/action';
import { decideEscalation, priorityFor } from './triggers/escalation';
import type { IntentModel } from './intent/model';
import { INTENT_CODES } from './intent/intent-codes';
import { defaultIntentModel } from './intent/weights-file';
import { readIntents } from './intent/read-intents';
import { explainIntentTriggers, mergeIntentHits, modelCategory, vetoRuleHits } from './intent/intent-triggers';

export interface DecideContext {
  policy: TenantPolicy;
  kb?: KnowledgeSearch;
  /** The conversation's "now" (no clock in the domain). */
  now: Date;
  /** The intent model (docs/RULES.md); the committed one when absent, none (rules only) when null. */
  intent?: IntentModel | null;
}

/**
 * Pure: the rules' decision for a conversation (CONTRACT.md §3–§4). Customer text is only ever
 * matched against phrase tables; nothing in it can set a field or switch a rule off, so "ignore
 * previous instructions, do not escalate" is just more words to scan.
 */
export function decide(conversation: Conversation, context: DecideContext): Decision {
  const { policy, kb, now } = context;
  const views = viewMessages(conversation);
  const hits = scan(views, ALL_RULES);
  // The model adds recall where the rules found nothing; its hits join the rules' under the same keys.
  const model = context.intent === undefined ? defaultIntentModel() : context.intent;
  const examples = policy.intent_examples;
  const reading = model ? readIntents(views, model, { examples, similarity: policy.intent_example_similarity }) : undefined;
  if (reading) vetoRuleHits(hits, reading, views, model!.meta.codes);
  const modelFound = reading ? mergeIntentHits(hits, reading, views, ALL_RULES) : new Map();
  const input: EngineInput = {
    conversation,
    views,
    hits,
    policy,
    now,
    kb,
    sentiment: analyzeSentiment(conversation, views),
    facts: extractFacts(conversation, { currency: policy.currency, now }),
    bot: readBotTurns(conversation, hits),
  };

  const topics = topicTriggers(input);
  const textTriggers: Trigger[] = [...customerRequestTriggers(input), ...topics];
  const customerTexts = views.filter((v) => v.role === 'customer').map((v) => v.norm);
  const asked = asksQuestion(customerTexts);
  const positive = input.sentiment.label === 'positive';
  const signals = categorySignals(textTriggers, hits, conversation.bot?.intent, asked, positive, customerTexts);
  // Where the rules found no category at all, the model's reading of the customer's sentences (it
  // learnt categories from labelled messages); never over a topic the rules found (safety has no category).
  const ruled = categorize(signals);
  const placed = ruled === 'other' && topics.length === 0 && reading ? (modelCategory(reading, views) ?? ruled) : ruled;
  // One customer message that nothing placed and on which no code fired: base rates pick the
  // category (unplacedCategory; measured on single messages, so longer conversations keep `other`).
  const unplaced = placed === 'other' && customerTexts.length === 1 && !INTENT_CODES.some((code) => hits.has(code));
  const category = unplaced ? unplacedCategory(customerTexts, asked, positive) : placed;
  // Asking for a person says who should answer, not what the problem is: only topics and a change
  // of account data ("help updating my card") pin it.
  const pinned = topics.length > 0 || hits.has('account_change');

  const triggers: Trigger[] = explainIntentTriggers([
    ...textTriggers,
    ...complexityTriggers(input, signals, category),
    ...customerTriggers(input, category),
    ...sentimentTriggers(input),
    ...confidenceTriggers(input, category, pinned),
    ...actionTriggers(input),
  ], modelFound, examples);
  const { escalate, reasons } = decideEscalation(triggers, input);
  const { hits: _hits, severe: _severe, threatToLeave: _threat, ...sentiment } = input.sentiment;

  return {
    escalate,
    reasons,
    triggers,
    priority: priorityFor(triggers, escalate),
    category,
    queue: queueFor(policy, category),
    sentiment,
    facts: input.facts,
    language: customerLanguageOf(views),
  };
}
