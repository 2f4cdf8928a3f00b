import path from 'node:path';
import { parseConversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { KnowledgeBase, requiredTerms } from '../../server/kb/knowledge-base';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';

/**
 * The relevance floor on short, plain questions (what no_kb_match asks of the KB): a question whose
 * topic the sample store covers finds its article; an off-topic one finds nothing, so no_kb_match
 * fires. Measured through decide(), as a customer's single message with no bot answer yet.
 */
const SAMPLE = path.resolve(__dirname, '../../server/kb/sample-store');
const NOW = new Date('2026-11-02T10:15:00Z');

const COVERED = [
  "Please cancel order #5521, I ordered the wrong size. It hasn't shipped yet.",
  "Can I cancel my order?",
  "I want to cancel order 88120 before it ships",
  "How do I return a jacket?",
  "How do I send back shoes that don't fit?",
  "Can I exchange this for a bigger size?",
  "I forgot my password",
  "How do I reset my password?",
  "I'm locked out of my account",
  "How long does delivery take?",
  "When will my parcel arrive?",
  "How long do refunds take?",
  "When will I get my money back?",
  "My refund hasn't arrived yet",
  "My parcel is late",
  "The package never arrived",
  "I was charged twice",
  "There's a charge I don't recognise",
  "How do I change my email address?",
  "I need to update my shipping address",
  "Can I pay with PayPal?",
  "My card was declined",
  "How do I cancel my subscription?",
  "Can I pause my membership?",
  "The item arrived broken",
  "I got the wrong item",
  "Is this covered by warranty?",
  "The zipper broke after a month",
  "Please delete my personal data",
  "The app keeps crashing",
  "The checkout page shows an error",
  "Do you price match?",
  "Do you offer bulk discounts?",
  "Where is my order?"
];

const OFF_TOPIC = [
  "What are your opening hours?",
  "Do you sell gift cards for dogs on mars?",
  "Are you hiring in Leeds?",
  "What is the weather like in Paris?",
  "Do you have a store in Berlin?",
  "Who is your CEO?",
  "Can I bring my dog to the shop?",
  "Is there parking near your warehouse?",
  "Do you sponsor football teams?",
  "What's your favourite colour?",
  "Can you recommend a good pizza place?",
  "Do you have a podcast?"
];

describe('relevance floor on plain questions', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(SAMPLE);
  });
  const noKbMatch = (text: string) =>
    decide(parseConversation({ messages: [{ role: 'customer', text }] }), { policy: DEFAULT_POLICY, now: NOW, kb }).triggers.some(
      (t) => t.code === 'no_kb_match',
    );

  it.each(COVERED)('finds an article for %j', (question) => {
    expect(noKbMatch(question)).toBe(false);
  });

  it.each(OFF_TOPIC)('finds nothing for %j', (question) => {
    expect(noKbMatch(question)).toBe(true);
  });

  it('ignores order numbers and amounts as query terms', () => {
    expect(kb.search('cancel order #5521')[0]?.article.id).toBe('kb-order-changes');
    expect(kb.search('cancel order')[0]?.terms).toEqual(kb.search('cancel order 5521 for $40')[0]?.terms);
  });

  it('needs both terms of a two-term question unless the article is about one of them', () => {
    expect(requiredTerms(2)).toBe(2);
    // "store" is one word of the refunds article's tag "store credit": not what it is about.
    expect(kb.search('store berlin')).toEqual([]);
    // "return" is in the returns article's title.
    expect(kb.search('return jacket')[0]?.article.id).toBe('kb-returns');
  });
});
