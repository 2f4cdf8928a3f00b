import path from 'node:path';
import { fillCustomerMessage } from '../../server/brief/customer-message';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { assess } from '../../server/assess';
import { parseConversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import type { KnowledgeBase } from '../../server/kb/knowledge-base';

/** The real pipeline: the rules' decide(), the offline writer and the sample store knowledge base. */
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(path.resolve(__dirname, '../../server/kb/sample-store'));
});

const run = (input: unknown) =>
  assess(parseConversation(input), { policy: DEFAULT_POLICY, writer: new OfflineBriefWriter(), kb });

describe('assess with the real decide and the offline writer', () => {
  it('a late parcel with a failed article: facts flow into the brief, nothing known is asked again', async () => {
    const result = await run({
      occurred_at: '2026-11-02T10:15:00Z',
      customer: { name: 'Ana Ruiz', tier: 'standard' },
      messages: [
        { role: 'customer', text: 'Hi! Where is order #48213? Tracking 1Z999AA10123456784 says delivered but nothing came.' },
        { role: 'bot', text: 'Your order shipped on Oct 28 with UPS.', kb_articles: [{ id: 'kb-shipping-times', title: 'Shipping and delivery times' }] },
        { role: 'customer', text: "That didn't help at all. Can I talk to a real person please?" },
      ],
    });
    expect(result.escalate).toBe(true);
    expect(result.facts.order_ids).toEqual(['48213']);
    expect(result.facts.carriers).toEqual({ '1Z999AA10123456784': 'UPS' });
    expect(result.brief.writer).toBe('offline');
    expect(result.brief.summary).toContain('#48213');
    expect(result.brief.attempted[0]).toMatchObject({ kb_article: 'kb-shipping-times', outcome: 'not_helpful' });
    expect(result.brief.warm_intro).toContain('#48213');
    expect(result.brief.warm_intro).toContain('"Shipping and delivery times" article');
    expect(result.brief.warm_intro).not.toMatch(/order number\?/i);
    expect(result.brief.next_steps.some((s) => s.policy?.id === 'kb-lost-parcels')).toBe(true);
    const told = fillCustomerMessage(result.brief.customer_message, { waitMinutes: 3.5, position: 2 });
    expect(told).toMatch(/about 4 minutes and you are number 2 in line/);
  });

  it('a refund over the threshold cites the refunds policy', async () => {
    const result = await run({
      messages: [{ role: 'customer', text: 'I returned the tent two weeks ago and still no refund of $349.99 for order #7731. I want my money back.' }],
    });
    expect(result.category).toBe('returns_refunds');
    expect(result.brief.next_steps.map((s) => s.policy?.id)).toContain('kb-refunds');
  });
});

/**
 * A 1 MB message that is one run of a separator between two words. Each of these once took minutes
 * (a pattern that rescanned the run from each of its characters: a lookbehind over spaces in the
 * secret redaction and in name removal, `^\W*` over newlines in the question cue, an apostrophe trim
 * in the model's word reader): the request held a worker past its deadline and answered 500. Now
 * each is read like the two words alone; `npm run bench:worst-case` times them.
 */
describe('assess() on 1 MB of one separator', () => {
  const MB = 1_000_000;
  it.each([
    ['spaces', ' '],
    ['newlines', '\n'],
    ['tabs', '\t'],
    ['ideographic spaces', '\u3000'],
    ['apostrophes', "'"],
  ])('reads 1 MB of %s between two words as the two words', async (_name, separator) => {
    const result = await run({ messages: [{ role: 'customer', text: `Bearer${separator.repeat(MB)}pickles` }] });
    const alone = await run({ messages: [{ role: 'customer', text: 'Bearer pickles' }] });
    expect(result.triggers.map((t) => t.code)).toEqual(alone.triggers.map((t) => t.code));
    expect(result.category).toBe(alone.category);
    expect(result.brief.summary.length).toBeLessThan(2_000);
  });
});

/**
 * Runs that make a pattern start matching and fail at the end, from each of their characters. Each
 * took seconds to hours before its pattern was rewritten (docs/BENCHMARKS.md, worst case): "my token"
 * before 100 spaces and a quote took 71 s. Each now finds the facts the same text with one space holds.
 */
describe('assess() on runs that patterns start to match and then fail', () => {
  const cases: Array<[string, (run: string) => string, string]> = [
    ['a secret word, spaces and a quote', (run) => `my token${run}"`, ' '],
    ['"order", spaces and a word', (run) => `Where is order${run}x?`, ' '],
    ['"order:", spaces and a word', (run) => `order:${run}x`, ' '],
    ['a refund verb, spaces, then money back later', (run) => `I get${run}x. I want my money back`, ' '],
    ['accented capitals', (run) => `${'AÉ '.repeat(run.length / 3)}please help`, ' '.repeat(3)],
    ['carriage returns', (run) => `x${run}y`, '\r'],
    ['line separators', (run) => `x${run}y`, '\u2028'],
    ['newlines before a verdict', (run) => `x${run}x awful`, '\n'],
    ['a JWT-like run', (run) => `${'eyJJJJJJJJ-'.repeat(run.length / 11)} help`, ' '.repeat(11)],
  ];
  it.each(cases)('%s', async (_name, make, unit) => {
    const result = await run({ messages: [{ role: 'customer', text: make(unit.repeat(300_000 / unit.length)) }] });
    const short = await run({ messages: [{ role: 'customer', text: make(unit) }] });
    expect(result.facts.order_ids).toEqual(short.facts.order_ids);
    expect(result.facts.amounts).toEqual(short.facts.amounts);
    expect(result.brief.summary.length).toBeLessThan(2_000);
  });
});
