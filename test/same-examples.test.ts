import { DEFAULT_POLICY, type TenantPolicy } from '../server/domain/policy';
import { SameExamples } from '../server/same-examples';

/** Each task's policy reaches a worker as a fresh copy; equal examples must come back as one array. */
const withExamples = (...texts: string[]): TenantPolicy =>
  structuredClone({ ...DEFAULT_POLICY, intent_examples: texts.map((text) => ({ text, code: 'refund_request' as const })) });

describe('SameExamples', () => {
  it('hands back the array first seen for examples of the same content, keeping the rest of the policy', () => {
    const same = new SameExamples();
    const first = same.policy(withExamples('money back for the jumper', 'refund my ticket'));
    const copy = withExamples('money back for the jumper', 'refund my ticket');
    copy.refund_threshold = 5;
    const second = same.policy(copy);
    expect(second.intent_examples).toBe(first.intent_examples);
    expect(second.refund_threshold).toBe(5);
  });

  it('keeps examples of other content apart, and a policy without examples as it is', () => {
    const same = new SameExamples();
    const a = same.policy(withExamples('money back for the jumper'));
    const b = same.policy(withExamples('money back for the coat'));
    expect(b.intent_examples).not.toBe(a.intent_examples);
    expect(b.intent_examples[0]!.text).toBe('money back for the coat');
    const none = { ...DEFAULT_POLICY, intent_examples: [] };
    expect(same.policy(none)).toBe(none);
  });

  it('forgets the least recently used beyond its capacity', () => {
    const same = new SameExamples(2);
    const a = same.policy(withExamples('a one'));
    same.policy(withExamples('b two'));
    expect(same.policy(withExamples('a one')).intent_examples).toBe(a.intent_examples); // a is now the newest
    same.policy(withExamples('c three')); // drops b
    expect(same.policy(withExamples('a one')).intent_examples).toBe(a.intent_examples);
    const b = withExamples('b two');
    expect(same.policy(b).intent_examples).toBe(b.intent_examples);
  });
});
