import { categorize, categorySignals, categoryFromIntent, PRECEDENCE } from '../../server/domain/categorize';
import { CATEGORIES } from '../../server/domain/codes';
import { says } from '../helpers/conversation-factory';
import { run } from './engine';

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
