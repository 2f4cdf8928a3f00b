import type { Conversation } from '../domain/conversation';
import { decide, type DecideContext } from '../domain/decide';
import { defaultIntentModel } from '../domain/intent/weights-file';
import { readIntents } from '../domain/intent/read-intents';
import { viewMessages } from '../domain/triggers/scan';
import type { Observed } from './eval-score';

/** A tenant example that changed a case's decision, and what changed. */
export interface ExampleEffect {
  name: string;
  examples: { index: number; text: string; code?: string; category?: string; message: number; quote: string; similarity: number }[];
  changes: string[];
}

/**
 * `baton eval` with tenant examples: decides the case again without them, and when escalation,
 * triggers or category differ, names the examples that matched the customer's sentences.
 */
export function exampleEffect(name: string, conversation: Conversation, actual: Observed, context: DecideContext): ExampleEffect | undefined {
  const { policy } = context;
  if (policy.intent_examples.length === 0) return undefined;
  const before = decide(conversation, { ...context, policy: { ...policy, intent_examples: [] } });
  const changes: string[] = [];
  if (before.escalate !== actual.escalate) changes.push(`escalate ${before.escalate} → ${actual.escalate}`);
  const was = new Set<string>(before.triggers.map((t) => t.code));
  const now = new Set(actual.triggers.map((t) => t.code));
  for (const c of now) if (!was.has(c)) changes.push(`+${c}`);
  for (const c of was) if (!now.has(c)) changes.push(`-${c}`);
  if (before.category !== actual.category) changes.push(`category ${before.category} → ${actual.category}`);
  if (changes.length === 0) return undefined;

  const reading = readIntents(viewMessages(conversation), defaultIntentModel(), {
    examples: policy.intent_examples,
    similarity: policy.intent_example_similarity,
  });
  const examples: ExampleEffect['examples'] = [];
  for (const hits of [...reading.codes.values(), ...reading.categories.values()]) {
    for (const h of hits) {
      if (h.example === undefined || examples.some((e) => e.index === h.example && e.message === h.message)) continue;
      const e = policy.intent_examples[h.example]!;
      examples.push({ index: h.example, text: e.text, code: e.code, category: e.category, message: h.message, quote: h.quote, similarity: h.score });
    }
  }
  return { name, examples, changes };
}

export function formatExampleEffects(effects: readonly ExampleEffect[]): string {
  if (effects.length === 0) return 'Tenant examples changed no decision.\n';
  const lines = [`Tenant examples changed ${effects.length} decision(s):`];
  for (const e of effects) {
    lines.push(`  ${e.name}: ${e.changes.join(', ')}`);
    for (const x of e.examples) {
      const label = [x.code, x.category].filter(Boolean).join(', ');
      lines.push(`    example ${x.index} "${x.text}" (${label}) matched message ${x.message} "${x.quote}" at similarity ${x.similarity.toFixed(2)}`);
    }
  }
  return lines.join('\n') + '\n';
}
