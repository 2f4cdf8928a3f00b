import { categorize, categorySignals, categoryFromIntent, PRECEDENCE, unplacedCategory } from '../../server/domain/categorize';
import { CATEGORIES } from '../../server/domain/codes';
import { conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

describe('categorize', () => {
  it.each([
    ['Where is my package? Tracking has not moved', 'order_status'],
    ['I want to return these shoes for an exchange', 'returns_refunds'],
    ['I want a refund', 'returns_refunds'],
    ['The lamp arrived cracked', 'returns_refunds'],
    ['I was double charged on my invoice', 'billing'],
    ["I can't log in, the 2FA code never comes", 'account_access'],
    ['Cancel my membership please', 'cancellation'],
    ['The app shows an error when I sync', 'technical'],
    ['Can we get enterprise pricing for our team?', 'sales'],
    ['Is this jacket available in size M?', 'product_question'],
    ['What is your return policy before I buy?', 'product_question'],
    ['Under GDPR please delete my personal data', 'legal'],
    ['Just wanted to say I love your products, great service', 'feedback'],
    ['Good morning', 'other'],
    ['quiero hablar con una persona sobre mi pedido 55120', 'order_status'],
    ['Ich möchte mit einem Mitarbeiter sprechen, mein Passwort geht nicht', 'account_access'],
    ['I got my refund, thanks', 'returns_refunds'],
  ])('%s → %s', (text, category) => {
    expect(run(says(text)).category).toBe(category);
  });

  it('follows the precedence when several categories are present', () => {
    expect(run(says('My account was hacked and someone ordered a TV, where is my refund?')).category).toBe('account_access');
    expect(run(says('Where is my package? Also the app keeps crashing')).category).toBe('order_status');
    expect(run(says('I was charged twice and now I want to cancel my subscription')).category).toBe('billing');
  });

  it('uses the bot intent when the text has no signal', () => {
    expect(run(says('Hi there', { bot: { confidence: 0.9, intent: 'track_order' } })).category).toBe('order_status');
    expect(categoryFromIntent('cancel_order')).toBe('order_status');
    expect(categoryFromIntent('cancel_subscription')).toBe('cancellation');
    expect(categoryFromIntent('billing')).toBe('billing');
    expect(categoryFromIntent('smalltalk')).toBeUndefined();
  });

  it('has a precedence covering every category once', () => {
    expect([...PRECEDENCE].sort()).toEqual([...CATEGORIES].sort());
  });

  it('is other with no signals', () => {
    expect(categorize({ strong: new Map(), weak: new Map() })).toBe('other');
    expect(categorySignals([], { get: () => [], has: () => false } as never).strong.size).toBe(0);
  });
});

describe('a single message nothing places takes the base rate of such messages', () => {
  it.each([
    [['Is the shop in Leeds open on bank holidays?'], true, false, 'product_question'],
    [['Talked to someone at the counter yesterday, she was super helpful, all sorted now'], false, true, 'feedback'],
    [['I will be travelling next month'], false, false, 'other'],
    // Too few words to say what it is about: a greeting, a thanks, punctuation.
    [['Good morning'], false, true, 'other'],
    [['Thank you!'], false, true, 'other'],
    [['!?'.repeat(1000)], true, false, 'other'],
  ] as const)('%j (asked %s, pleased %s) → %s', (texts, asked, positive, category) => {
    expect(unplacedCategory(texts, asked, positive)).toBe(category);
  });

  it('in decide(): places a lone question and lone praise; a vague request is still ambiguous', () => {
    expect(run(says('Is the shop in Leeds open on bank holidays?')).category).toBe('product_question');
    expect(run(says('Talked to someone at the counter yesterday, she was super helpful, all sorted now')).category).toBe('feedback');
    // A base rate is no keyword: the customer's words still place nothing.
    expect(codes(run(says('it doesnt work at all, please?')))).toContain('ambiguous');
  });

  it('keeps `other` for a longer conversation, which the base rates were not measured on', () => {
    const conv = conversation([customer('Is the shop in Leeds open on bank holidays?'), customer('ok')]);
    expect(run(conv).category).toBe('other');
  });

  it('never overrides a code: a refund asked as a question stays with returns', () => {
    expect(run(says('Can I get a refund for the lamp?')).category).toBe('returns_refunds');
  });
});
