import { bot, botNoKb, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run, triggerOf } from './engine';

describe('topic triggers fire', () => {
  it.each([
    ['refund_request', 'I want a refund for order 4821'],
    ['billing_dispute', 'You charged me twice for the same order'],
    ['billing_dispute', 'I was charged after I cancelled my plan'],
    ['billing_dispute', "There's a charge I don't recognise on my statement"],
    ['billing_dispute', 'I will file a chargeback with my bank'],
    ['account_security', 'I think my account was hacked'],
    ['account_security', 'My card was stolen and there are orders I did not place'],
    ['account_security', 'I got an email about a login I didn\'t recognise'],
    ['legal_compliance', 'My lawyer will be in touch'],
    ['legal_compliance', 'Under GDPR I request a copy of all my data'],
    ['legal_compliance', 'I am reporting you to consumer protection'],
    ['complaint', 'Your customer service is terrible'],
    ['complaint', 'I want to make a complaint about the courier'],
    ['cancellation', 'Please cancel my subscription'],
    ['cancellation', 'I want to close my account'],
    ['cancellation', "I'm switching to a competitor"],
    ['cancellation', 'Quiero cancelar mi suscripción'],
    ['custom_pricing', 'Do you have volume pricing for 200 seats?'],
    ['custom_pricing', 'We need an enterprise quote'],
    ['damaged_order', 'The vase arrived broken'],
    ['damaged_order', 'You sent me the wrong size'],
    ['damaged_order', 'The charger is defective'],
    ['safety', 'The charger caught fire last night'],
    ['safety', 'I want to kill myself'],
    ['safety', 'If I do not get my money back I will come to your warehouse and hurt someone'],
    ['billing_dispute', 'I cancelled my membership in September but you charged me $19.99 again'],
    ['account_security', 'I got an alert about a sign-in from another country. That was not me.'],
    ['damaged_order', 'I ordered the blue backpack and you sent me a pink lunch box instead.'],
  ])('%s: %s', (code, text) => {
    const conv = says(text);
    const d = run(conv);
    expect(codes(d)).toContain(code);
    expectValidEvidence(conv, d);
  });
});

describe('topic triggers stay quiet', () => {
  it.each([
    ['refund_request', 'I got my refund, thanks!'],
    ['refund_request', "I don't want a refund, I want a replacement"],
    ['refund_request', 'What is your refund policy if I buy two?'],
    ['refund_request', 'Do you offer refunds on sale items?'],
    ['cancellation', 'I want to cancel my order before it ships'],
    ['cancellation', 'No need to cancel, I found it'],
    ['cancellation', "I don't want to cancel my subscription, just pause it"],
    ['account_security', 'My account was not hacked, I just forgot my password'],
    ['billing_dispute', 'Where is my order?'],
    ['legal_compliance', 'Hi, this is Sue from accounting'],
    ['complaint', "I'm not complaining, just asking about sizes"],
    ['damaged_order', 'Everything arrived in perfect condition'],
    ['damaged_order', 'I ordered the wrong colour by mistake, can I cancel order 90412?'],
    ['cancellation', 'I cancelled my membership in September but you charged me again'],
    ['safety', 'This sale is killing me, so many choices'],
    ['custom_pricing', 'How much is shipping?'],
  ])('%s not for: %s', (code, text) => {
    expect(codes(run(says(text)))).not.toContain(code);
  });

  it('still counts a refund the customer is waiting for', () => {
    expect(codes(run(says("I still haven't received my refund")))).toContain('refund_request');
  });
});

describe('refund_request escalation', () => {
  it('escalates when the amount is at or above the threshold', () => {
    const d = run(says('I want a refund of $100 for order 4821'));
    expect(d.reasons).toContain('refund_request');
    expect(triggerOf(d, 'refund_request').detail).toMatch(/100/);
  });

  it('does not escalate below the threshold when the bot handled it', () => {
    const d = run(conversation([customer('Please refund the $20 shipping fee'), bot('Refunds for shipping take 5 days.', { helpful: true })]));
    expect(codes(d)).toContain('refund_request');
    expect(d.reasons).not.toContain('refund_request');
  });

  it('follows the tenant threshold', () => {
    const conv = says('I want a refund of $60');
    expect(run(conv).reasons).not.toContain('refund_request');
    expect(run(conv, { refund_threshold: 50 }).reasons).toContain('refund_request');
  });

  it('escalates with no amount when the bot could not resolve it', () => {
    const conv = conversation([customer('I want my money back'), bot('Here is our returns page.', { helpful: false })]);
    expect(run(conv).reasons).toContain('refund_request');
  });

  it('stays with the bot with no amount while the bot has not failed', () => {
    const conv = conversation([customer('I want my money back'), bot('Here is how refunds work.')]);
    expect(run(conv).reasons).not.toContain('refund_request');
  });

  it('escalates a small refund from a frustrated customer (sentiment lowers the bar)', () => {
    const conv = conversation([customer('This is ridiculous, refund my $20 now'), bot('Refunds take 5 days.', { helpful: true })]);
    const d = run(conv);
    expect(d.reasons).toEqual(expect.arrayContaining(['refund_request', 'frustration']));
  });
});

describe('topics that always escalate', () => {
  it.each(['billing_dispute', 'account_security', 'legal_compliance', 'complaint', 'cancellation', 'custom_pricing', 'damaged_order', 'safety'])(
    '%s is a reason',
    (code) => {
      const texts: Record<string, string> = {
        billing_dispute: 'I was double charged',
        account_security: 'Someone logged into my account',
        legal_compliance: 'I will take you to court',
        complaint: 'Worst customer service ever',
        cancellation: 'End my membership',
        custom_pricing: 'Can we get custom pricing?',
        damaged_order: 'The screen arrived cracked',
        safety: 'The heater exploded',
      };
      const d = run(conversation([customer(texts[code]!), botNoKb('I can help with that.', { helpful: true })]));
      expect(d.reasons).toContain(code);
      expect(d.escalate).toBe(true);
    },
  );
});
