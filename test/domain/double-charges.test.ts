import { says } from '../helpers/conversation-factory';
import { codes, itFiresAndStaysQuiet, run } from './engine';

/** A charge taken twice, or disputed on what it was for, is a billing dispute, and one problem. */

describe('billing_dispute: double charges and a charge disputed on its basis', () => {
  itFiresAndStaysQuiet(
    'billing_dispute',
    [
      'My bank shows two charges of €75,00 for the same booking',
      'There are three identical payments on my statement',
      'I see the same charge twice on my card',
      'They billed me for damage that was pre-existing',
    ],
    ['There are two charges on my invoice: one for shipping and one for the lamp.', 'You charged my card $450 for the repair, thanks for fixing it.'],
  );
});

describe('multi_issue: one problem about the same money or order is one issue', () => {
  it.each(['My bank shows two charges of €75,00 for the same order, I want one refunded', 'Please refund the duplicate charge on my order'])(
    'stays silent for %j',
    (text) => {
      expect(codes(run(says(text)))).not.toContain('multi_issue');
    },
  );

  it.each([
    'my parcel is two weeks late and also I need to change the email on my account',
    'I was double charged for my subscription, and also my refund for the returned shoes never arrived',
    'two problems: the charger has the wrong plug, and my card was charged twice for order 66190',
  ])('fires for separate problems: %j', (text) => {
    expect(codes(run(says(text)))).toContain('multi_issue');
  });
});
