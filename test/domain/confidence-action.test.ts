import { KnowledgeBase } from '../../server/kb/knowledge-base';
import { bot, botNoKb, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run, triggerOf } from './engine';

const kb = KnowledgeBase.fromArticles([
  { id: 'kb-ship', title: 'Shipping and delivery times', body: 'Orders ship within two business days. Tracking numbers arrive by email.' },
  { id: 'kb-returns', title: 'Returns and exchanges', body: 'Return unworn items within 30 days for an exchange or refund.' },
]);

describe('confidence family', () => {
  it('low_confidence below the tenant threshold, from the field', () => {
    const conv = says('Where is my package?', { bot: { confidence: 0.3, intent: 'order_status' } });
    const d = run(conv);
    expect(triggerOf(d, 'low_confidence').evidence).toEqual([{ field: 'bot.confidence', value: 0.3 }]);
    expect(d.reasons).toContain('low_confidence');
    expect(codes(run(conv, { confidence_threshold: 0.2 }))).not.toContain('low_confidence');
  });

  it('no_kb_match when the bot answered without an article', () => {
    const conv = conversation([customer('Can I pay with crypto?'), botNoKb('I think we accept many payment types.')]);
    const d = run(conv);
    expect(triggerOf(d, 'no_kb_match').evidence[0]).toMatchObject({ message: 1 });
    expectValidEvidence(conv, d);
  });

  it('no_kb_match: greetings, clarifying questions and handoff notices are not answers', () => {
    const conv = conversation([
      botNoKb('Hi! How can I help you today?'),
      customer('Where is my package?'),
      botNoKb('Could you share your order number?'),
      customer('It is 4821'),
      bot('Order 4821 is out for delivery today.', { helpful: true }),
    ]);
    expect(codes(run(conv))).not.toContain('no_kb_match');
  });

  it('no_kb_match when the knowledge base has nothing relevant', () => {
    const conv = says('Do you sell gift wrapping for birthday parties?');
    expect(triggerOf(run(conv, {}, kb), 'no_kb_match').evidence).toContainEqual({ field: 'kb', value: 'no relevant article' });
  });

  it('no_kb_match: not when the knowledge base covers it, nor without a kb when the bot cited articles', () => {
    expect(codes(run(says('How long does shipping take for my order?'), {}, kb))).not.toContain('no_kb_match');
    expect(codes(run(conversation([customer('How long does shipping take?'), bot('Orders ship in two days.')])))).not.toContain(
      'no_kb_match',
    );
  });

  it('repeated_failure: two unhelpful or rejected bot answers', () => {
    const conv = conversation([
      customer('How do I reset my password?'),
      bot('Go to settings.', { helpful: false }),
      customer('Where is that?'),
      bot('Open your profile page.'),
      customer("That's not what I asked"),
    ]);
    const d = run(conv);
    const t = triggerOf(d, 'repeated_failure');
    expect(t.evidence).toEqual([{ field: 'messages.1.helpful', value: false }, { message: 4, quote: "That's not what I asked" }]);
    expect(d.reasons).toContain('repeated_failure');
  });

  it('repeated_failure: not after one failure', () => {
    const conv = conversation([customer('How do I reset my password?'), bot('Go to settings.', { helpful: false })]);
    expect(codes(run(conv))).not.toContain('repeated_failure');
  });

  it.each(['help', 'it doesn\'t work', 'hello?'])('ambiguous: vague text with no topic: %s', (text) => {
    expect(run(says(text)).reasons).toContain('ambiguous');
  });

  it('ambiguous: the bot has no intent and is unsure', () => {
    const conv = says('So about the thing from before with the stuff', { bot: { confidence: 0.2, intent: 'fallback' } });
    expect(triggerOf(run(conv), 'ambiguous').evidence).toContainEqual({ field: 'bot.intent', value: 'fallback' });
  });

  it.each(['refund please', 'Where is my package?', 'Thanks, all sorted!', 'I got my refund, thanks'])(
    'ambiguous: not for short but clear text: %s',
    (text) => {
      expect(codes(run(says(text)))).not.toContain('ambiguous');
    },
  );
});

describe('manual_review', () => {
  it.each([
    'Can you make an exception? It is two days past the return window',
    'Will you price match the offer on Amazon?',
    'I want to file a warranty claim',
    'Can I change the delivery address? It has already shipped',
  ])('fires for %s', (text) => {
    expect(run(says(text)).reasons).toContain('manual_review');
  });

  it('fires when the bot says it cannot do it', () => {
    const conv = conversation([customer('Please change my order to blue'), bot("I'm unable to modify orders once placed.")]);
    const t = triggerOf(run(conv), 'manual_review');
    expect(t.evidence).toContainEqual({ message: 1, quote: "I'm unable to" });
  });

  it('does not fire for a routine question', () => {
    expect(codes(run(says('How long does delivery take?')))).not.toContain('manual_review');
  });
});
