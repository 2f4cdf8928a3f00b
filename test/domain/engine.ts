import type { Conversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import type { Decision, Trigger } from '../../server/domain/decision';
import { tenantPolicySchema } from '../../server/domain/policy';
import type { KnowledgeSearch } from '../../server/kb/types';
import { NOW, says } from '../helpers/conversation-factory';

/** Test helpers over the real engine (no mocks): run decide with a policy built from overrides. */
export function run(conv: Conversation, policy: Record<string, unknown> = {}, kb?: KnowledgeSearch): Decision {
  return decide(conv, { policy: tenantPolicySchema.parse(policy), now: NOW, kb });
}

export function codes(decision: Decision): string[] {
  return decision.triggers.map((t) => t.code);
}

export function triggerOf(decision: Decision, code: string): Trigger {
  const t = decision.triggers.find((x) => x.code === code);
  if (!t) throw new Error(`expected trigger ${code}; got ${codes(decision).join(', ') || 'none'}`);
  return t;
}

/** Every evidence item points at a real message and quotes it exactly, or names a field. */
export function expectValidEvidence(conv: Conversation, decision: Decision): void {
  for (const t of decision.triggers) {
    expect(t.evidence.length).toBeGreaterThan(0);
    expect(t.detail.length).toBeGreaterThan(0);
    for (const e of t.evidence) {
      if ('message' in e) {
        const message = conv.messages[e.message];
        expect(message).toBeDefined();
        expect(e.quote.length).toBeGreaterThan(0);
        expect(message!.text).toContain(e.quote);
      } else {
        expect(e.field).toMatch(/^[a-z_]+(\.[a-z0-9_]+)*$/);
      }
    }
  }
}

/**
 * One customer message per text: each of `firing` detects `code` with valid evidence, each of `quiet`
 * (its look-alikes) does not. Call inside a describe block.
 */
export function itFiresAndStaysQuiet(code: string, firing: readonly string[], quiet: readonly string[]): void {
  it.each(firing)('fires: %s', (text) => {
    const conv = says(text);
    const d = run(conv);
    expect(codes(d)).toContain(code);
    expectValidEvidence(conv, d);
  });
  it.each(quiet)('does not fire: %s', (text) => {
    expect(codes(run(says(text)))).not.toContain(code);
  });
}

/**
 * The candidates for which a premise about the learned model holds. A test of what the engine does
 * with the model's reading (a keyword vetoed, a negation kept by the rules) needs sentences the model
 * reads a given way, and which sentences do changes with every retraining: the behaviour is checked
 * on each candidate whose premise holds, and at least `atLeast` must hold, so the test still fails
 * when the model stops reading that way at all.
 */
export function wherePremiseHolds<T>(candidates: readonly T[], premise: (candidate: T) => boolean, atLeast = 1): T[] {
  const held = candidates.filter(premise);
  if (held.length < atLeast) {
    throw new Error(`the premise holds for ${held.length} of ${candidates.length} candidates, fewer than ${atLeast}: ${JSON.stringify(candidates)}`);
  }
  return held;
}
