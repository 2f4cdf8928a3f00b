import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * A refund already received or a fault already fixed is no request and no bug report; the same words
 * about a refund still owed, a fix asked for or a fault that came back are.
 */
describe('a matter already settled', () => {
  it.each([
    ['refund_request', 'The reimbursement for my train ticket went through this morning, thanks.', 'The reimbursement for my train ticket has not gone through yet.'],
    ['refund_request', 'Thank you for the quick refund, all sorted.', 'I would like a refund for the broken kettle please.'],
    ['refund_request', 'Got my money back for the cancelled concert, thanks.', 'Please put the money back on my card for the cancelled concert.'],
    ['refund_request', 'Refund for the hotel was processed, thank you.', 'The refund for the hotel was processed but only half of it arrived.'],
    ['bug_report', 'The new version fixed the crash on startup, thanks.', 'The new version crashes on startup.'],
    ['bug_report', 'The sync error from yesterday is gone.', 'You said the sync error was fixed but it is back today.'],
    ['bug_report', 'The checkout error went away after the update.', 'I need the checkout error resolved today, we are losing orders.'],
  ])('%s: not on "%s", but on "%s"', (code, settled, open) => {
    expect(codes(run(says(open)))).toContain(code);
    expect(codes(run(says(settled)))).not.toContain(code);
  });
});
