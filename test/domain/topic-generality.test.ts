import { says } from '../helpers/conversation-factory';
import { codes, itFiresAndStaysQuiet, run } from './engine';

/** Topic phrasings from banking, telecom, rental and marketplace conversations, each firing and not. */
const cases: Array<[string, string, string[], string[]]> = [
  ['billing_dispute', 'a charge called wrong', ['you charged me €62,40 for roaming but my plan includes it, that charge is wrong'], ['is that charge right for a 2-year plan?']],
  ['billing_dispute', 'collected twice', ['You took the direct debit twice this month, £87.40 on 1 November', 'Die Rechnung wurde zweimal von meinem Konto abgebucht', 'mi avete addebitato due volte', 'het bedrag is dubbel afgeschreven'], ['I paid twice as much last year for the same plan? no, it was the same']],
  ['billing_dispute', 'charged for what was never ordered', ['you charged me for a bag I never ordered'], ['you charged me for the bag I ordered, thanks']],
  ['account_security', 'an unrecognised transaction with a decimal amount', ['There is a transaction on my credit card for $1,250.00 at ELECTROMART on 8 November that I did not make.'], ['There is a transaction for $1,250.00 that I made yesterday, can I get a receipt?']],
  ['account_security', 'money sent to an unknown account', ["There's a transfer of €1,200 from my wallet to an account I don't know"], ['I made a transfer of €1,200 to my landlord']],
  ['account_security', 'someone changed the credentials', ['someone changed my password and email on my wallet'], ['I changed my password and email yesterday']],
  ['damaged_order', 'received something else instead', ["I ordered 'The Lincoln Lawyer' and received a study guide for it instead.", "got someone else's order AGAIN"], ['I ordered the blue one instead of the red one, it arrived fine']],
  ['damaged_order', 'torn or snapped on arrival', ['the seam on the left arm is torn and one of the legs is snapped clean off'], ['I was torn between two sofas']],
  ['refund_request', 'an amount back', ['can i get the £6.80 back for those', 'I want my 40 euros back'], ['I got the £6.80 back already, thanks']],
  ['safety', 'despair', ["honestly I can't do this anymore. I don't want to be here anymore."], ["I don't want to be here all day, how long is the queue?"]],
  ['safety', 'a threat at the door', ["he said he knows where I live and he'll come back. I'm scared to open the door."], ['The driver knows where the side door is.']],
  ['safety', 'stranded on a highway', ["the rental car just died on the highway, I'm on the shoulder with my two kids"], ['the car died in my driveway, can someone tow it?']],
  ['complaint', 'the company called names', ['Your company is shit and I am switching'], ['your company is great']],
  ['complaint', "staff's conduct", ['your driver threw my bags on the doorstep', 'The driver screamed at me at the door'], ['the driver was lovely and careful']],
  ['cancellation', 'a pass or a line', ['Cancel my delivery pass please.', 'please cancel my line'], ['can I pass on this offer?']],
  ['custom_pricing', 'seats in a buying context only', ['we need a quote for 40 seats'], ["Activation fails on 40 seats with 'Licence server unreachable'"]],
];

describe.each(cases)('%s: %s', (code, _what, firing, quiet) => {
  itFiresAndStaysQuiet(code, firing, quiet);
});

describe('refund_request: preferring something else is not asking for money back', () => {
  it.each([
    "I'd rather you just sent the blazer I ordered than refund me.",
    'I want a replacement, not a refund.',
    'Please send a new one instead of a refund',
  ])('does not fire: %s', (text) => {
    expect(codes(run(says(text)))).not.toContain('refund_request');
  });
  it('still fires for a plain request in the same shape', () => {
    expect(codes(run(says("I'd rather have a refund than a replacement.")))).toContain('refund_request');
  });
});
