import { says } from '../helpers/conversation-factory';
import { codes, run, triggerOf } from './engine';

/**
 * Tenants teach the model without retraining: their own labelled sentences (policy `intent_examples`)
 * apply at once to customer sentences near them in the model's vector space.
 */
describe('tenant intent examples', () => {
  const SENTENCE = 'The loyalty points from my last order still never showed up on my card.';
  const EXAMPLE = { text: 'the loyalty points from my last order never showed up on my card', code: 'billing_dispute', category: 'billing' };

  it('a sentence the model and rules leave alone takes the example code and category at once', () => {
    const before = run(says(SENTENCE));
    expect(codes(before)).not.toContain('billing_dispute');
    const after = run(says(SENTENCE), { intent_examples: [EXAMPLE] });
    const t = triggerOf(after, 'billing_dispute');
    expect(t.detail).toMatch(/tenant example 0 "the loyalty points.*": similarity 0\.\d\d/);
    expect(t.evidence).toEqual([{ message: 0, quote: SENTENCE }]);
    expect(after.category).toBe('billing');
    expect(after.escalate).toBe(true);
  });

  it('does not apply to an unrelated sentence', () => {
    const d = run(says('Do you ship to Canada and how long does it take?'), { intent_examples: [EXAMPLE] });
    expect(codes(d)).not.toContain('billing_dispute');
  });

  it('a stricter similarity set by the tenant keeps a loose match out', () => {
    const d = run(says(SENTENCE), { intent_examples: [EXAMPLE], intent_example_similarity: 1 });
    expect(codes(d)).not.toContain('billing_dispute');
  });

  it('rejects an example with neither a code nor a category, naming the field', () => {
    expect(() => run(says(SENTENCE), { intent_examples: [{ text: 'hello' }] })).toThrow(/code or a category/);
  });
});
