import { conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/** Categories for pre-sale questions and technical words outside retail, each with a near miss. */
describe('category beyond retail', () => {
  it.each([
    ['product_question', 'do you allow small dogs in the cabin on domestic flights?'],
    ['product_question', 'going to spain next week do i need to turn anything on'],
    ['product_question', 'just tell me what the current 30 year fixed rate is'],
    ['product_question', 'how do i export my projects to csv?'],
    ['product_question', 'How do I invite my team?'],
    ['product_question', 'Does version 8 support Ubuntu 24.04?'],
    ['product_question', 'will the X200 dock work with a 2019 macbook pro?'],
    ['technical', 'my landline still has no dial tone'],
    ['technical', "the 'Download certificate' button gives me a blank PDF every time"],
    ['technical', 'Our integration gets HTTP 500 errors from POST /v2/invoices'],
    ['billing', 'card keeps gettin declined at the gas pump whats going on'],
    ['billing', 'My withdrawal to my bank has been stuck on pending for 4 days'],
    ['billing', 'Could you kindly waive the one-way drop-off fee on booking 44810?'],
    ['billing', "I'm not going to cancel, I love it! Just wondering if the annual plan renews automatically."],
    ['account_access', "My wallet has been frozen since Monday with 'account under review'."],
    ['feedback', 'Oh great, the showers are cold for the third week running. Really top-notch service.'],
    ['feedback', 'Coach Mia is amazing, down 8 kg since September, just pass it on'],
    // A negated cancellation is no cancellation; what is left is a how-to question.
    ['product_question', "I'm not cancelling, just pausing my line while I'm overseas. How do I do that?"],
  ])('%s: %s', (category, text) => {
    expect(run(says(text)).category).toBe(category);
  });

  it('thanks after a booking is not feedback', () => {
    const conv = conversation([
      customer("Hi, I'd like to book a dental cleaning at the Elm Street clinic next Tuesday morning"),
      customer('Perfect, thank you so much!'),
    ]);
    expect(run(conv).category).toBe('other');
  });

  it('technical nouns without a fault do not make a second problem', () => {
    const d = run(says('Can I download a PDF invoice for order 81234 for my expenses?'));
    expect(codes(d)).not.toContain('multi_issue');
    expect(d.category).toBe('billing');
  });

  it('a broken feature stays technical even when asked as a question', () => {
    expect(run(says('Why does the export keep failing with an error?')).category).toBe('technical');
  });
});

describe('category: refunds of fees, single sign-on, plan features, promo codes', () => {
  const category = (text: string) => run(says(text)).category;

  it.each([
    'Please apply our tax-exemption certificate and refund the sales tax charged on our last three invoices.',
    'Can you refund the late fee? I paid on time.',
    'I want the import duties refunded',
  ])('a refund of tax or a fee is billing: %j', (text) => {
    expect(category(text)).toBe('billing');
  });

  it('a refund of an item stays returns', () => {
    expect(category('I returned the boots, please refund me')).toBe('returns_refunds');
  });

  it.each([
    'SSO is broken since your update. Okta login loops back to the sign in page, the team cannot get in.',
    'Our SAML login fails with an error since this morning',
  ])('single sign-on failing is technical: %j', (text) => {
    expect(category(text)).toBe('technical');
  });

  it.each(['Okta says my password expired and I am locked out', 'I think my account was hacked, SSO shows logins I did not make'])(
    'sso with a lockout or hack stays account access: %j',
    (text) => {
      expect(category(text)).toBe('account_access');
    },
  );

  it('a question whether a feature is on a plan is a product question; its price is sales', () => {
    expect(category('Does the Basic plan include the reporting API, or is it only on Business?')).toBe('product_question');
    expect(category('How much is the enterprise plan?')).toBe('sales');
  });

  it.each(['how do I use promo code FREESHIP?', 'my discount code SAVE10 does not apply', 'where do I enter a coupon?'])(
    'a promo or discount code is a product question, not technical: %j',
    (text) => {
      expect(category(text)).toBe('product_question');
    },
  );

  it('a help request naming an account change is not ambiguous; a bare "help" is', () => {
    expect(codes(run(says('I need help updating my card')))).not.toContain('ambiguous');
    expect(codes(run(says('help')))).toContain('ambiguous');
  });
});
