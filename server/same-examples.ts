import { createHash } from 'node:crypto';
import type { IntentExample, TenantPolicy } from './domain/policy';

/**
 * A tenant's intent examples are embedded once per examples array (read-intents.ts keeps the vectors
 * per array object). A worker thread receives a fresh copy of the policy with every task, so without
 * this each long conversation of a tenant with 1,000 examples would embed them all again (about
 * 60–100 ms). `sameExamples` hands back the array first seen with the same content instead.
 */
export class SameExamples {
  private readonly seen = new Map<string, readonly IntentExample[]>();

  constructor(private readonly capacity = 16) {}

  policy(policy: TenantPolicy): TenantPolicy {
    const examples = policy.intent_examples;
    if (!examples || examples.length === 0) return policy;
    const key = createHash('sha256').update(JSON.stringify(examples)).digest('base64');
    const first = this.seen.get(key);
    if (first) {
      // Most recently used last, so the oldest is the one dropped.
      this.seen.delete(key);
      this.seen.set(key, first);
      return { ...policy, intent_examples: first as IntentExample[] };
    }
    if (this.seen.size >= this.capacity) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, examples);
    return policy;
  }
}
