import { extractFactsFromText } from '../../server/domain/facts';
import { piecesOf } from '../../server/domain/facts/dates';
import { ClaimedSpans, MAX_FACTS_PER_KIND } from '../../server/domain/facts/spans';
import { sentenceAround } from '../../server/domain/text';
import { KnowledgeBase } from '../../server/kb/knowledge-base';
import type { Decision } from '../../server/domain/decision';
import { says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run } from './engine';

/**
 * Denial-of-service shapes: the API accepts a 1 MB body, so one message can be 1 MB of one token
 * chosen to feed one extractor. Each must come back with a valid decision; how long it takes is
 * measured by `npm run bench:worst-case`, not asserted here. The caps that keep it linear are tested
 * directly: they must bound the work and leave ordinary messages exactly as before.
 */
const MB = 1_000_000;
const repeat = (token: string, bytes = MB) => token.repeat(Math.ceil(bytes / token.length)).slice(0, bytes);

describe('1 MB adversarial messages', () => {
  // What a reader finds in each: the one fact the token states (repeats are one fact), or, for a
  // wall of numbers, nothing to act on.
  const readings: Array<[string, Partial<Decision['facts']>, string[]]> = [
    ['$1 ', { amounts: [{ value: 1, currency: 'USD' }] }, []],
    ['#12345 ', { order_ids: ['12345'] }, []],
    ['May 2 ', { dates: ['2026-05-02'] }, []],
    ['a@b.co ', { emails: ['a@b.co'] }, []],
    ['1234567 ', { order_ids: [], emails: [], amounts: [] }, []],
    ['07700 900123 ', { order_ids: [], emails: [], amounts: [] }, []],
  ];
  it.each(readings)('reads 1 MB of %j as what it says', (token, facts, codesFound) => {
    const conv = says(repeat(token));
    const d = run(conv);
    expect(d.facts).toMatchObject(facts);
    expect(codes(d).filter((c) => c !== 'ambiguous' && c !== 'no_kb_match')).toEqual(codesFound);
    expect(d.escalate).toBe(d.reasons.length > 0);
    for (const kind of Object.values(d.facts)) if (Array.isArray(kind)) expect(kind.length).toBeLessThanOrEqual(MAX_FACTS_PER_KIND);
    expectValidEvidence(conv, d);
  });

  it('reads 1 MB of "refund policy " as a question about refunds', () => {
    const d = run(says(repeat('refund policy ')));
    expect(d.category).toBe('returns_refunds');
  });

  it('still reads what the customer wants in a 1 MB message', () => {
    const d = run(says(`${repeat('$1 ', MB / 2)} I was charged twice, I want a refund.`));
    expect(codes(d)).toEqual(expect.arrayContaining(['billing_dispute', 'refund_request']));
    expect(d.facts.amounts).toEqual([{ value: 1, currency: 'USD' }]);
  });
});

describe('caps on facts per kind', () => {
  it('keeps at most MAX_FACTS_PER_KIND of a kind, in order of mention', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `#${10000 + i}`).join(' ');
    const found = extractFactsFromText(ids).order_ids;
    expect(found).toHaveLength(MAX_FACTS_PER_KIND);
    expect(found[0]).toBe('10000');
    expect(found.at(-1)).toBe(String(10000 + MAX_FACTS_PER_KIND - 1));
  });

  it('keeps every fact of a message below the cap', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `#${20000 + i}`).join(' ');
    expect(extractFactsFromText(ids).order_ids).toHaveLength(12);
  });

  it('caps amounts across the money formats together', () => {
    const text = Array.from({ length: 70 }, (_, i) => (i % 2 ? `$${i}` : `${i} EUR`)).join(', ');
    expect(extractFactsFromText(text).amounts).toHaveLength(MAX_FACTS_PER_KIND);
  });

  it('reads dates past the first piece of a long message', () => {
    const filler = 'The parcel has not moved at all and nobody tells me anything about it. '.repeat(60);
    const dates = extractFactsFromText(`${filler} It shipped on 2026-10-20.`, { now: new Date('2026-11-02T10:00:00Z') }).dates;
    expect(dates).toEqual(['2026-10-20']);
  });
});

describe('ClaimedSpans', () => {
  it('reports overlap only with claimed characters', () => {
    const spans = new ClaimedSpans(20);
    spans.claim(5, 10);
    expect(spans.overlaps(0, 5)).toBe(false);
    expect(spans.overlaps(10, 15)).toBe(false);
    expect(spans.overlaps(9, 12)).toBe(true);
    expect(spans.overlaps(0, 20)).toBe(true);
  });

  it('ignores ranges past the text', () => {
    const spans = new ClaimedSpans(4);
    spans.claim(2, 50);
    expect(spans.overlaps(3, 60)).toBe(true);
    expect(spans.overlaps(10, 60)).toBe(false);
  });
});

describe('piecesOf', () => {
  it('yields a short text whole', () => {
    expect([...piecesOf('shipped May 2.')]).toEqual([{ start: 0, text: 'shipped May 2.' }]);
  });

  it('cuts a long text at sentence ends, covering every character once', () => {
    const text = 'It shipped on May 2. '.repeat(300);
    const pieces = [...piecesOf(text, 200)];
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces.slice(0, -1)) expect(p.text.trimEnd().endsWith('.')).toBe(true);
    for (const p of pieces) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('cuts text without spaces or full stops at the size', () => {
    const pieces = [...piecesOf('x'.repeat(1000), 200)];
    expect(pieces).toHaveLength(5);
    expect(pieces.every((p) => p.text.length === 200)).toBe(true);
  });
});

describe('sentenceAround on text with no sentence ends', () => {
  it('reads a bounded stretch either side', () => {
    const text = `${'word '.repeat(10_000)}refund policy ${'word '.repeat(10_000)}`;
    const at = text.indexOf('refund');
    const sentence = sentenceAround(text, { index: at, length: 6 });
    expect(sentence).toContain('refund policy');
    expect(sentence.length).toBeLessThan(1000);
  });

  it('still returns the whole of an ordinary sentence', () => {
    const text = 'Hi there. Can I get a refund for order 5521? Thanks.';
    expect(sentenceAround(text, { index: text.indexOf('refund'), length: 6 })).toBe(' Can I get a refund for order 5521?');
  });
});

describe('a phrase rule set aside many times', () => {
  it('gives up on the message instead of reading every match', () => {
    // 300 mentions of the refund policy, then a real request: past the cap, the rule stops looking.
    const d = run(says(`${'What is the refund policy? '.repeat(300)}I want a refund.`));
    expect(codes(d)).not.toContain('refund_request');
  });

  it('finds a request after a few set-aside matches', () => {
    const d = run(says(`${'What is the refund policy? '.repeat(3)}I want a refund.`));
    expect(codes(d)).toContain('refund_request');
  });
});

describe('knowledge-base query of a huge message', () => {
  const kb = KnowledgeBase.fromArticles([
    { id: 'kb-1', title: 'Refunds to your card', body: 'Money goes back to the bank card you paid with.' },
  ]);
  let noise = '';
  for (let i = 0; i < 5000; i += 1) noise += `w${i.toString(36)} `;

  it('searches with the first terms, which find the article', () => {
    expect(kb.search(`refund money bank card ${noise}`, 1)[0]?.article.id).toBe('kb-1');
  });

  it('leaves terms past the first ones out of the query', () => {
    expect(kb.search(`${noise} refund money bank card`, 1)).toEqual([]);
  });
});
