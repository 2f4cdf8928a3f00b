import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * A customer who says they ask in general or for later ("just curious", "what happens if", "por
 * curiosidad") has no case of their own for a topic to fire on; the same words about their own case do.
 * Asking for a person is read whatever the framing.
 */
describe('a question asked in general holds no case', () => {
  it.each([
    // The model alone reads "card is stolen" as security here: its hit is set aside like the rules'.
    ['account_security', 'What happens if my card is stolen while I am abroad?', 'My card was stolen while I am abroad.'],
    ['refund_request', 'Just curious, how do refunds work for gift cards?', 'How do I get a refund for the gift card?'],
    ['refund_request', 'Solo por curiosidad, ¿me pueden dar un reembolso si cancelo?', '¿Me pueden dar un reembolso? Cancelé ayer.'],
  ])('%s: not on "%s", but on "%s"', (code, general, own) => {
    expect(codes(run(says(own)))).toContain(code);
    expect(codes(run(says(general)))).not.toContain(code);
  });

  it('still hears a request for a person', () => {
    expect(codes(run(says('Just curious, can I talk to a real person on the phone?')))).toContain('human_requested');
  });

  it('reads "in general" anywhere in the message', () => {
    const d = run(says('In general, how long does it take to get an account back after it has been hacked?'));
    expect(codes(d)).not.toContain('account_security');
    expect(codes(run(says('How long does it take to get my account back after it has been hacked?')))).toContain('account_security');
  });
});
