import { bot, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, itFiresAndStaysQuiet, run } from './engine';

/** Changes to account data, back-office actions only staff can take, and jobs that break: firing and not. */

describe('account_change and bug_report in a failed card update', () => {
  it('fires both (and helplessness) for a card that cannot be saved', () => {
    const d = run(
      conversation([
        customer("I give up. Every time I update the card on my account the page says 'card could not be saved'."),
        bot('Make sure the postcode matches the one on your card statement.'),
      ]),
    );
    expect(codes(d)).toEqual(expect.arrayContaining(['account_change', 'bug_report', 'helplessness']));
  });

  itFiresAndStaysQuiet(
    'account_change',
    ['How do I change my billing address?', 'I want to update the payment method on my account', 'I need help updating my card'],
    ['I paid with my card yesterday, where is the order?'],
  );

  it('"could not be delivered" about a parcel is no bug', () => {
    expect(codes(run(says('The parcel was returned because the house number was missing')))).not.toContain('bug_report');
  });
});

describe('manual_review: actions only staff can take', () => {
  itFiresAndStaysQuiet(
    'manual_review',
    ['could you extend my rental by two more days?', 'Release my payouts now', 'My account balance has been frozen for a week'],
    ['how long is the booking?', 'I released the parcel to the courier'],
  );
});

describe('bug_report: failing activations and uploads, blank files, stuck jobs', () => {
  itFiresAndStaysQuiet(
    'bug_report',
    ["Activation fails on 40 seats with 'Licence server unreachable'", 'Bulk upload CSV fails at row 1', 'the button gives me a blank PDF', 'my data export has been stuck for 2 hours'],
    ['the parcel is stuck in customs', 'my upload went fine'],
  );
});
