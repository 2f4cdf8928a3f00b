import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * A disputed charge told in the customer's own shape: an amount charged that is not the amount
 * agreed, a charge never agreed to, a fee to be taken off, a charge for something that did not
 * happen; not a question about a price or a fee that is fine.
 */
describe('a charge disputed in the customer\'s own words', () => {
  it.each([
    'The quote said $220 for the repair but the invoice came to $310.',
    'My plan is £30 a month yet this bill is £58, nothing changed on my side.',
    'There is a £12.50 charge on my statement for an add-on we never signed up for.',
    'Please waive the late fee, the payment left my account on time.',
    'You charged my card but the booking never went through.',
    'I cancelled the box in March and you still took the payment in April.',
  ])('"%s"', (text) => {
    expect(codes(run(says(text)))).toContain('billing_dispute');
  });

  it.each([
    'Is the price $220 for the repair, or does the invoice add VAT on top?',
    'What is the late fee if a payment is a day late?',
  ])('but not "%s"', (text) => {
    expect(codes(run(says(text)))).not.toContain('billing_dispute');
  });
});
