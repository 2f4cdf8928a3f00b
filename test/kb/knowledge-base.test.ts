import path from 'node:path';
import { KnowledgeBase, meaningfulTerms, requiredTerms } from '../../server/kb/knowledge-base';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { lightStem } from '../../server/kb/terms';

const SAMPLE = path.resolve(__dirname, '../../server/kb/sample-store');

describe('KnowledgeBase on the sample store', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(SAMPLE);
  });

  const top = (text: string) => kb.search(text, 3)[0]?.article.id;

  it('loads every sample article', () => {
    expect(kb.size).toBeGreaterThanOrEqual(13);
    expect(kb.get('kb-refunds')?.url).toBe('https://help.example.com/articles/refunds');
  });

  it('finds nothing for an off-topic question', () => {
    expect(kb.search('do you sell gift cards for dogs on mars')).toEqual([]);
    expect(kb.search("what's the weather in paris")).toEqual([]);
  });

  it('finds nothing for greetings and stop words alone', () => {
    expect(kb.search('hello, thanks so much!')).toEqual([]);
    expect(kb.search('')).toEqual([]);
  });

  it.each([
    ['where is my package, tracking says delivered', 'kb-shipping-times'],
    ['I never received my parcel, it is lost', 'kb-lost-parcels'],
    ['I was charged twice for my order', 'kb-billing-disputes'],
    ['I want my money back, how long does a refund take', 'kb-refunds'],
    ['I want to return these shoes for a bigger size', 'kb-returns'],
    ['the item arrived broken', 'kb-damaged-items'],
    ['my account was hacked, someone changed my email', 'kb-account-security'],
    ['how do I reset my password', 'kb-account-security'],
    ['cancel my subscription', 'kb-subscriptions'],
    ['delete my data under GDPR', 'kb-privacy'],
    ['my zipper broke after 3 months', 'kb-warranty'],
    ['is there a cheaper price, can you price match', 'kb-pricing'],
    ['can I get a quote for 50 jackets for my team', 'kb-pricing'],
    ['the app crashes at checkout', 'kb-site-problems'],
    ['do you accept paypal', 'kb-payment-methods'],
  ])('%s → %s', (text, id) => {
    expect(top(text)).toBe(id);
  });

  it('returns best first, within the limit, each with the terms it matched', () => {
    const matches = kb.search('where is my package, tracking says delivered', 5);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThanOrEqual(5);
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(matches[0]!.terms).toEqual(expect.arrayContaining(['track', 'deliver']));
    expect(kb.search('where is my package', 1)).toHaveLength(1);
  });
});

describe('relevance floor', () => {
  const kb = KnowledgeBase.fromArticles([
    { id: 'a', title: 'Gift cards', body: 'Gift cards never expire and can be used online.' },
    { id: 'b', title: 'Shipping', body: 'We ship parcels with UPS. Tracking appears within a day.' },
  ]);

  it('needs half of the meaningful terms, at most four', () => {
    expect(requiredTerms(1)).toBe(1);
    expect(requiredTerms(5)).toBe(3);
    expect(requiredTerms(30)).toBe(4);
  });

  it('an article sharing a minority of the question is not an answer', () => {
    expect(kb.search('gift cards for dogs on mars with rockets')).toEqual([]);
    expect(kb.search('gift cards')[0]?.article.id).toBe('a');
  });

  it('drops stop words and matches inflections', () => {
    expect(meaningfulTerms('Where is my parcel? Tracking shows shipped')).toEqual(['parcel', 'track', 'show', 'ship']);
    expect(lightStem('deliveries')).toBe(lightStem('delivered'));
    expect(lightStem('refunded')).toBe('refund');
    expect(kb.search('parcels shipped')[0]?.article.id).toBe('b');
  });
});

describe('KnowledgeBase.fromArticles', () => {
  it('rejects duplicate ids and empty fields, naming the article', () => {
    expect(() =>
      KnowledgeBase.fromArticles([
        { id: 'x', title: 'A', body: 'a' },
        { id: 'x', title: 'B', body: 'b' },
      ]),
    ).toThrow(/duplicate id x/);
    expect(() => KnowledgeBase.fromArticles([{ id: 'y', title: '', body: 'b' }])).toThrow(/\(y\): title/);
  });
});

describe('KnowledgeBase remembers searches', () => {
  const articles = [
    { id: 'refunds', title: 'Refunds and returns', body: 'Refunds are issued within 5 days of the return arriving.' },
    { id: 'parcels', title: 'Late parcels', body: 'A parcel that has not moved for 5 days is traced with the carrier.' },
  ];

  it('answers a repeated search as the first time, whatever the caller did with the first answer', () => {
    const kb = KnowledgeBase.fromArticles(articles);
    const first = kb.search('my refund for order 48213 has not arrived', 3);
    const expected = first.map((m) => m.article.id);
    expect(expected[0]).toBe('refunds');
    first.length = 0; // a caller may trim or reorder what it got
    const again = kb.search('my refund for order 48213 has not arrived', 3);
    expect(again.map((m) => m.article.id)).toEqual(expected);
  });

  it('hands out matches that cannot be changed, so one caller cannot alter another caller\'s answer', () => {
    const kb = KnowledgeBase.fromArticles(articles);
    const match = kb.search('parcel has not moved', 1)[0]!;
    expect(match.article.id).toBe('parcels');
    expect(() => {
      (match as { score: number }).score = 0;
    }).toThrow(TypeError);
    expect(() => match.terms!.push('extra')).toThrow(TypeError);
  });

  it('answers the same as a fresh index after more distinct searches than it remembers', () => {
    const kb = KnowledgeBase.fromArticles(articles);
    const words = ['refund', 'parcel', 'return', 'carrier', 'late', 'days', 'traced', 'issued'];
    const queries: string[] = [];
    for (let i = 0; i < 3000; i++) queries.push(`${words[i % 8]} ${words[(i * 3) % 8]} w${i.toString(36)}`);
    for (const q of queries) kb.search(q, 2);
    const fresh = KnowledgeBase.fromArticles(articles);
    for (const q of [queries[0]!, queries[1500]!, queries[2999]!, 'refund parcel']) {
      expect(kb.search(q, 2)).toEqual(fresh.search(q, 2));
    }
  });
});
