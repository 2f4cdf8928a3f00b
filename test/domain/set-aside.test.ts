import { refusedAfter } from '../../server/domain/text';
import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * Words of a code said where the customer has no case for it: a question asked in general or for
 * later ("just curious", "what happens if", "por curiosidad"), a matter already settled (a refund
 * received, a fault fixed), a refusal said after the thing refused ("no refund needed"). The same words
 * about the customer's own case, a refund still owed, a fix asked for or a request made do fire.
 */
const PAIRS: Array<[reason: string, code: string, setAside: string, fires: string]> = [
  // The model alone reads "card is stolen" as security here: its hit is set aside like the rules'.
  ['asked in general', 'account_security', 'What happens if my card is stolen while I am abroad?', 'My card was stolen while I am abroad.'],
  ['asked in general', 'refund_request', 'Just curious, how do refunds work for gift cards?', 'How do I get a refund for the gift card?'],
  ['asked in general', 'refund_request', 'Solo por curiosidad, ¿me pueden dar un reembolso si cancelo?', '¿Me pueden dar un reembolso? Cancelé ayer.'],
  ['asked in general', 'account_security', 'In general, how long does it take to get an account back after it has been hacked?', 'How long does it take to get my account back after it has been hacked?'],
  ['settled', 'refund_request', 'The reimbursement for my train ticket went through this morning, thanks.', 'The reimbursement for my train ticket has not gone through yet.'],
  ['settled', 'refund_request', 'Thank you for the quick refund, all sorted.', 'I would like a refund for the broken kettle please.'],
  ['settled', 'refund_request', 'Got my money back for the cancelled concert, thanks.', 'Please put the money back on my card for the cancelled concert.'],
  ['settled', 'refund_request', 'Refund for the hotel was processed, thank you.', 'The refund for the hotel was processed but only half of it arrived.'],
  ['settled', 'bug_report', 'The new version fixed the crash on startup, thanks.', 'The new version crashes on startup.'],
  ['settled', 'bug_report', 'The sync error from yesterday is gone.', 'You said the sync error was fixed but it is back today.'],
  ['settled', 'bug_report', 'The checkout error went away after the update.', 'I need the checkout error resolved today, we are losing orders.'],
  ['refused after', 'refund_request', 'No refund needed, the parcel turned up this morning.', 'A refund is needed, the parcel never turned up.'],
  ['refused after', 'human_requested', 'Talking to a real person is not necessary, I only need the opening hours.', 'I would like to talk to a real person, please.'],
];

describe('a code set aside when the customer has no case for it', () => {
  it.each(PAIRS)('%s, %s: not on "%s", but on "%s"', (_reason, code, setAside, fires) => {
    expect(codes(run(says(fires)))).toContain(code);
    expect(codes(run(says(setAside)))).not.toContain(code);
  });

  it('still hears a request for a person asked in general', () => {
    expect(codes(run(says('Just curious, can I talk to a real person on the phone?')))).toContain('human_requested');
  });

  it('reads "no" before and "needed" after together, and not "no … yet"', () => {
    const at = (text: string, word: string) => ({ index: text.indexOf(word), length: word.length });
    expect(refusedAfter('no full refund needed', at('no full refund needed', 'refund'))).toBe(true);
    expect(refusedAfter('no refund yet, it has been a month', at('no refund yet, it has been a month', 'refund'))).toBe(false);
    expect(refusedAfter('I need a refund, no excuses needed', at('I need a refund, no excuses needed', 'refund'))).toBe(false);
  });
});
