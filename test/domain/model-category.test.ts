import { decide } from '../../server/domain/decide';
import { readIntents } from '../../server/domain/intent/read-intents';
import { defaultIntentModel } from '../../server/domain/intent/weights-file';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { viewMessages } from '../../server/domain/triggers/scan';
import { NOW, says } from '../helpers/conversation-factory';

/**
 * The model's category decides only where the rules found none (`other`), and never where the model
 * cannot be trusted: over a topic the rules found, on a sentence the rules set aside, or on a negated
 * sentence for a category a topic pins (the model reads words, not their order).
 */
const categoryOf = (text: string, intent?: null) => decide(says(text), { policy: DEFAULT_POLICY, now: NOW, intent }).category;
const modelCategories = (text: string) => [...readIntents(viewMessages(says(text)), defaultIntentModel()).categories.keys()];

describe("the model's category where the rules found none", () => {
  it('places a message the rules leave under other', () => {
    const text = 'Is it possible to change my payment date to the 15th?';
    // Rules alone place nothing here; a lone question nothing places is a product question by base rate.
    expect(categoryOf(text, null)).toBe('product_question');
    expect(modelCategories(text)).toEqual(['billing']);
    expect(categoryOf(text)).toBe('billing');
  });

  it('leaves a topic the rules found where the rules put it', () => {
    // Danger to a person is a topic with no category of its own; the model reads a faulty product in it.
    const text = 'The hair dryer sparked and burned my hand.';
    expect(modelCategories(text)).toContain('returns_refunds');
    const d = decide(says(text), { policy: DEFAULT_POLICY, now: NOW });
    expect(d.triggers.map((t) => t.code)).toContain('safety');
    expect(d.category).toBe('other');
  });

  it.each([
    // The rules read "hacked" and set it aside as negated.
    ['My account was not hacked, I just want to know how logins work.', 'account_access'],
    // The rules read "cancelling my membership" and set it aside as negated.
    ["I'm not cancelling my membership, just moving house.", 'cancellation'],
    // No rule matches this sentence, but it is negated and cancellation is a topic's category.
    ["I'm not closing anything, just pausing my membership for the summer.", 'cancellation'],
  ])('does not take the model\'s word on a negated sentence: "%s"', (text, modelSays) => {
    expect(modelCategories(text)).toContain(modelSays);
    expect(categoryOf(text)).not.toBe(modelSays);
    expect(categoryOf(text)).toBe(categoryOf(text, null));
  });
});
