import path from 'node:path';
import { parseConversation } from '../../server/domain/conversation';
import type { KnowledgeBase } from '../../server/kb/knowledge-base';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { bot, botNoKb, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run, triggerOf } from './engine';

const SAMPLE = path.resolve(__dirname, '../../server/kb/sample-store');

describe('no_kb_match against the sample knowledge base', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(SAMPLE);
  });

  it('searches the issue, not the request for a person around it', () => {
    const conv = parseConversation({
      messages: [{ role: 'customer', text: 'Where is order #48213? I want to talk to a real person.' }],
    });
    const d = run(conv, {}, kb);
    expect(codes(d)).toContain('human_requested');
    expect(codes(d)).not.toContain('no_kb_match');
  });

  it('greetings and thanks around the issue do not hide it', () => {
    const conv = conversation([customer('Hi there! Good morning.'), customer('My parcel never arrived, it is lost. Thanks so much!')]);
    expect(codes(run(conv, {}, kb))).not.toContain('no_kb_match');
  });

  it('an article the bot cited that the KB holds counts as relevant', () => {
    const conv = conversation([
      customer('Do you sell gift cards for dogs on mars?'),
      bot('Here is our returns guide.', { kb_articles: [{ id: 'kb-returns', title: 'Returns' }] }),
    ]);
    expect(codes(run(conv, {}, kb))).not.toContain('no_kb_match');
  });

  it('but not when that answer was marked unhelpful', () => {
    const unhelpful = conversation([
      customer('Do you sell gift cards for dogs on mars?'),
      bot('Here is our returns guide.', { kb_articles: [{ id: 'kb-returns', title: 'Returns' }], helpful: false }),
    ]);
    expect(triggerOf(run(unhelpful, {}, kb), 'no_kb_match').evidence).toContainEqual({ field: 'kb', value: 'no relevant article' });
  });

  it('nor when the customer rejected it, even if the KB holds the article', () => {
    const rejected = conversation([
      customer('Do you sell gift cards for dogs on mars?'),
      bot('Here is our returns guide.', { kb_articles: [{ id: 'kb-returns', title: 'Returns' }] }),
      customer("That's not what I asked."),
    ]);
    expect(triggerOf(run(rejected, {}, kb), 'no_kb_match').evidence).toContainEqual({ field: 'kb', value: 'no relevant article' });
  });

  it("an article from the tenant's own help centre counts when the answer stood, though our KB lacks its id", () => {
    const conv = conversation([
      customer('Can I change the engraving text on my ring order?'),
      bot('Engraving is added before the ring ships.', { kb_articles: [{ id: 'kb-81', title: 'Product details' }] }),
    ]);
    expect(kb.get('kb-81')).toBeUndefined();
    expect(codes(run(conv, {}, kb))).not.toContain('no_kb_match');
  });

  it('a cited answer that stood does not cover a later bot answer given without any article', () => {
    const conv = conversation([
      customer('Can I change the engraving text on my ring order?'),
      bot('Engraving is added before the ring ships.', { kb_articles: [{ id: 'kb-81', title: 'Product details' }] }),
      customer('And can you gift wrap it for a dog on mars?'),
      botNoKb('I think so.'),
    ]);
    expect(triggerOf(run(conv, {}, kb), 'no_kb_match').evidence).toContainEqual({ message: 3, quote: 'I think so.' });
  });

  it.each([
    'Do you sell gift cards for dogs on mars?',
    "What's the weather in Paris? I want to talk to a real person.",
    'Hello! Can you recommend a good pizza place nearby?',
  ])('still fires for off-topic questions: %s', (text) => {
    expect(triggerOf(run(says(text), {}, kb), 'no_kb_match').evidence).toContainEqual({ field: 'kb', value: 'no relevant article' });
  });
});

describe('ambiguous needs a request that cannot be pinned down', () => {
  it('not for a plain order question with a low confidence and no intent', () => {
    const conv = parseConversation({
      messages: [{ role: 'customer', text: 'Where is order #48213? I want to talk to a real person.' }],
      bot: { confidence: 0.35 },
    });
    const d = run(conv);
    expect(codes(d)).toContain('low_confidence');
    expect(codes(d)).not.toContain('ambiguous');
  });

  it('not when the bot did not understand a clear request', () => {
    const conv = conversation([customer('I was charged twice for my subscription'), bot("Sorry, I didn't understand that.")]);
    expect(codes(run(conv))).not.toContain('ambiguous');
  });

  it('yes when nothing in the words places it and the bot is unsure', () => {
    const conv = parseConversation({
      messages: [{ role: 'customer', text: 'Can you change it to the other one like last time?' }],
      bot: { confidence: 0.25 },
    });
    expect(triggerOf(run(conv), 'ambiguous').evidence).toContainEqual({ field: 'bot.intent', value: null });
  });

  it('yes for a bare cry for help even alongside a request for a person', () => {
    expect(codes(run(says('it doesnt work. agent please')))).toContain('ambiguous');
  });
});
