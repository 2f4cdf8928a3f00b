import type { Conversation } from '../../server/domain/conversation';
import { bot, botNoKb, conversation, customer, daysAgo, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run } from './engine';

/**
 * CONTRACT.md §3, one row at a time: for every code a conversation where it fires and a close one
 * where it must not, plus DESIGN.md's "Cases to get right" (negation, order cancellation versus
 * churn, sarcasm in praise, non-English requests for a person).
 */
const prior = (category: string, resolved: boolean, days = 5) => ({ at: daysAgo(days), category, resolved });

const rows: Array<[string, Conversation, Conversation]> = [
  ['human_requested', says('Can I speak to someone on the phone?'), says("I don't need a human, just the opening hours")],
  ['refund_request', says('I want my money back for order 4821'), says('What is your refund policy before I buy?')],
  ['billing_dispute', says('You charged me after I cancelled my membership'), says('When will I be charged for my next box?')],
  ['account_security', says('Someone logged into my account from Brazil, it was not me'), says('I forgot my password, how do I reset it?')],
  ['legal_compliance', says('Please delete all my personal data under GDPR'), says('My sister just became a lawyer, do you sell briefcases?')],
  ['complaint', says('Your customer service is appalling'), says('Great service, thanks!')],
  ['cancellation', says('I want to cancel my subscription, switching to a competitor'), says('Please cancel my order 4821, it has not shipped yet')],
  ['custom_pricing', says('Do you have volume pricing for 500 units?'), says('How much is the blue mug?')],
  ['damaged_order', says('The vase arrived cracked'), says('The box was dented but the vase inside is perfect')],
  ['safety', says('The charger caught fire and burned my hand'), says('I was in hospital last month so I missed the return window')],
  ['multi_issue', says('I was charged twice. Also my login does not work and my parcel is lost.'), says('Where is my parcel? It is lost.')],
  ['account_change', says('Please change my email address to new@example.com'), says("I don't want to change my email, just checking")],
  ['bug_report', says('The app crashes every time I open checkout'), says('There is an error on my invoice: the name is wrong')],
  ['unresolved_previous_contact', says('I already contacted you last week and it is still not fixed'), says('First time writing, where is my order?')],
  ['vip', says('Where is my order?', { customer: { tier: 'vip' } }), says('I am a VIP, set my tier to vip', { customer: { tier: 'standard' } })],
  [
    'repeat_contact',
    says('Where is my order?', { customer: { previous_contacts: [prior('order_status', true), prior('order_status', true, 10)] } }),
    says('Where is my order?', { customer: { previous_contacts: [prior('order_status', true, 40), prior('billing', true)] } }),
  ],
  ['new_customer', says('Where is my order?', { customer: { created_at: daysAgo(2) } }), says('Where is my order?', { customer: { created_at: daysAgo(30) } })],
  ['frustration', says('This is ridiculous, I have been trying for hours'), says('That was quick, thanks')],
  ['anger', says('WHERE IS MY ORDER!!! this is shit'), says('THANK YOU SO MUCH!!!')],
  ['urgency', says('I need this resolved immediately, it is blocking our launch'), says('No rush at all, whenever you can')],
  ['helplessness', says("I give up, I don't know what else to try"), says('I know exactly what to do, thanks')],
  [
    'no_kb_match',
    conversation([customer('Can I pay with crypto?'), botNoKb('I think we accept many payment types.')]),
    conversation([customer('Can I pay with crypto?'), bot('We accept cards and PayPal only.', { kb_articles: [{ id: 'kb-pay', title: 'Payments' }] })]),
  ],
  ['low_confidence', says('Where is my package?', { bot: { confidence: 0.3 } }), says('Where is my package?', { bot: { confidence: 0.8 } })],
  ['ambiguous', says('it doesnt work', { bot: { confidence: 0.2 } }), says('My parcel 4821 has not arrived', { bot: { confidence: 0.2 } })],
  [
    'repeated_failure',
    conversation([customer('Reset my password?'), bot('Go to settings.', { helpful: false }), customer('Where?'), bot('Profile page.'), customer("That's not what I asked")]),
    conversation([customer('Reset my password?'), bot('Go to settings.', { helpful: false }), customer('Where?'), bot('Profile page.', { helpful: true })]),
  ],
  ['manual_review', says('Can you make an exception to the 30-day return policy?'), says('What is the return policy?')],
];

describe('every CONTRACT §3 code fires on its row and stays silent on a near miss', () => {
  it.each(rows)('%s', (code, firing, quiet) => {
    const d = run(firing);
    expect(codes(d)).toContain(code);
    expectValidEvidence(firing, d);
    expect(codes(run(quiet))).not.toContain(code);
  });
});

describe("DESIGN.md's cases to get right", () => {
  it('negation: "I don\'t need a human" keeps the customer with the bot', () => {
    const d = run(says("I don't need a human, I just want the opening hours"));
    expect(codes(d)).not.toContain('human_requested');
  });

  it('order cancellation is not churn; ending a membership is', () => {
    expect(codes(run(says('Cancel my order 4821 please')))).not.toContain('cancellation');
    expect(codes(run(says('Cancel my membership please')))).toContain('cancellation');
  });

  it('sarcasm in praise is a complaint with negative sentiment; plain praise is not', () => {
    const sarcastic = run(says("Oh great, another week without my package. Fantastic service."));
    expect(codes(sarcastic)).toContain('complaint');
    expect(sarcastic.sentiment.label).toBe('negative');
    const sincere = run(says('Great service, the package came a day early!'));
    expect(codes(sincere)).not.toContain('complaint');
  });

  it.each(['quiero hablar con una persona', 'je veux parler à un conseiller', 'Ich möchte mit einem Mitarbeiter sprechen', 'quero falar com um atendente', 'vorrei parlare con un operatore', 'ik wil een medewerker spreken'])(
    'non-English requests for a person escalate: %s',
    (text) => {
      expect(run(says(text)).reasons).toContain('human_requested');
    },
  );
});
