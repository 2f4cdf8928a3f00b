import { parseConversation } from '../../server/domain/conversation';
import { bot, conversation, customer, says } from '../helpers/conversation-factory';
import type { Decision } from '../../server/domain/decision';
import { codes, expectValidEvidence, run } from './engine';

/**
 * Hostile shapes of text: very long, emoji, mixed scripts, markup, runs of punctuation. The engine
 * must read each as a person would (a regex that backtracks catastrophically would hang here and
 * the test would never finish), with evidence that still quotes the text exactly. Each shape says
 * what it holds, so an engine that found nothing (no triggers, no sentiment) fails here.
 */
interface Reading {
  /** Codes that must fire; `[]` means none at all. */
  codes: string[];
  category?: string;
  signals?: string[];
  facts?: Partial<Decision['facts']>;
}
const NOTHING: Reading = { codes: [], category: 'other', facts: { order_ids: [], emails: [], amounts: [] } };
const sentence = 'My order #48213 arrived damaged and I want a refund of $349.99, please help. ';
const prose: Reading = {
  codes: ['damaged_order', 'refund_request'],
  category: 'returns_refunds',
  facts: { order_ids: ['48213'], amounts: [{ value: 349.99, currency: 'USD' }] },
};
const shapes: Array<[string, string, Reading]> = [
  ['10k characters of prose', sentence.repeat(Math.ceil(10_000 / sentence.length)), prose],
  ['100 kB of prose', sentence.repeat(Math.ceil(100_000 / sentence.length)), prose],
  ['100 kB without a space', 'a'.repeat(100_000), NOTHING],
  ['100 kB of digits and separators', '1-2 3.4/5 '.repeat(10_000), NOTHING],
  ['100 kB of exclamation and question marks', '!?'.repeat(50_000), { codes: [], category: 'other' }],
  ['100 kB of capitals', 'WHERE IS MY ORDER '.repeat(5_600), { codes: ['anger'], category: 'order_status', signals: ['anger'] }],
  ['100 kB of one long e-mail-like token', `${'x'.repeat(50_000)}@${'y'.repeat(50_000)}`, NOTHING],
  ['repeated words that many rules start on', 'not not not cancel my my my account account '.repeat(2_300), { codes: [] }],
  ['emoji', '🤬🤬 got someone else\'s order AGAIN!!! 😡😡 I want my money back 🍔🍔🍔'.repeat(500), { codes: ['refund_request', 'anger'], signals: ['anger'] }],
  ['mixed scripts', 'Где мой заказ? 我的订单在哪里？ طلبي لم يصل I want to talk to a human. '.repeat(500), { codes: ['human_requested'] }],
  ['HTML', '<div><p>I was <b>charged twice</b></p><script>alert(1)</script><a href="x">link</a></div>'.repeat(800), { codes: ['billing_dispute'], category: 'billing' }],
  ['markdown', '# Help\n\n* **charged twice**\n* `error 500`\n\n> quoted bot text\n\n'.repeat(1_500), { codes: ['billing_dispute', 'bug_report'], category: 'billing' }],
  ['nested brackets', '(((((((((( [[[[[[ {{{{{ '.repeat(4_000), NOTHING],
];

/** Codes that fire on what the text says (not on the lack of it: ambiguous, no_kb_match). */
const READ_FROM_TEXT = new Set(['human_requested', 'refund_request', 'damaged_order', 'billing_dispute', 'bug_report', 'cancellation', 'anger', 'frustration', 'urgency', 'helplessness']);

describe('robustness', () => {
  it.each(shapes)('reads %s for what it says', (_what, text, reading) => {
    const conv = says(text);
    const d = run(conv);
    const read = codes(d).filter((c) => READ_FROM_TEXT.has(c));
    if (reading.codes.length === 0) expect(read).toEqual([]);
    else expect(read).toEqual(expect.arrayContaining(reading.codes));
    expect(d.escalate).toBe(d.reasons.length > 0);
    if (reading.category) expect(d.category).toBe(reading.category);
    if (reading.signals) expect(d.sentiment.signals).toEqual(expect.arrayContaining(reading.signals));
    if (reading.facts) expect(d.facts).toMatchObject(reading.facts);
    expectValidEvidence(conv, d);
  });

  it('still reads the issue in a long message', () => {
    const d = run(says(sentence.repeat(150)));
    expect(codes(d)).toEqual(expect.arrayContaining(['damaged_order', 'refund_request']));
    expect(d.facts.order_ids).toEqual(['48213']);
  });

  it('a conversation with only bot and system messages still gets a decision', () => {
    const conv = parseConversation({
      messages: [
        { role: 'system', text: 'Conversation started from the help widget' },
        { role: 'bot', text: 'Hi! How can I help you today?' },
        { role: 'system', text: 'Customer left the chat' },
      ],
    });
    const d = run(conv);
    expect(d.category).toBe('other');
    expect(d.facts).toEqual({ order_ids: [], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] });
    expect(d.triggers.every((t) => t.evidence.length > 0)).toBe(true);
    expectValidEvidence(conv, d);
  });

  it('a bot-only conversation with a low confidence escalates on the field, not on text', () => {
    const conv = conversation([bot('We could not find anything for that.')], { bot: { confidence: 0.1 } });
    expect(codes(run(conv))).toContain('low_confidence');
  });

  it('customer text in HTML is matched as words, not as markup', () => {
    const conv = conversation([customer('<p>I want to <b>talk to a human</b></p>')]);
    expect(codes(run(conv))).toContain('human_requested');
  });
});
