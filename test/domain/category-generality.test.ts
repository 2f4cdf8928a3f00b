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
    ['other', 'Are you hiring for your warehouse in Leeds?'],
    ['other', "I'm not cancelling, just pausing my line while I'm overseas. How do I do that?"],
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
