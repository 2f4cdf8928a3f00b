import { parseConversation } from '../../server/domain/conversation';
import { bot, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run } from './engine';

/**
 * Hostile shapes of text: very long, emoji, mixed scripts, markup, runs of punctuation. The engine
 * must return a valid decision for each (a regex that backtracks catastrophically would hang here
 * and the test would never finish), with evidence that still quotes the text exactly.
 */
const sentence = 'My order #48213 arrived damaged and I want a refund of $349.99, please help. ';
const shapes: Array<[string, string]> = [
  ['10k characters of prose', sentence.repeat(Math.ceil(10_000 / sentence.length))],
  ['100 kB of prose', sentence.repeat(Math.ceil(100_000 / sentence.length))],
  ['100 kB without a space', 'a'.repeat(100_000)],
  ['100 kB of digits and separators', '1-2 3.4/5 '.repeat(10_000)],
  ['100 kB of exclamation and question marks', '!?'.repeat(50_000)],
  ['100 kB of capitals', 'WHERE IS MY ORDER '.repeat(5_600)],
  ['100 kB of one long e-mail-like token', `${'x'.repeat(50_000)}@${'y'.repeat(50_000)}`],
  ['repeated words that many rules start on', 'not not not cancel my my my account account '.repeat(2_300)],
  ['emoji', '🤬🤬 got someone else\'s order AGAIN!!! 😡😡 I want my money back 🍔🍔🍔'.repeat(500)],
  ['mixed scripts', 'Где мой заказ? 我的订单在哪里？ طلبي لم يصل I want to talk to a human. '.repeat(500)],
  ['HTML', '<div><p>I was <b>charged twice</b></p><script>alert(1)</script><a href="x">link</a></div>'.repeat(800)],
  ['markdown', '# Help\n\n* **charged twice**\n* `error 500`\n\n> quoted bot text\n\n'.repeat(1_500)],
  ['nested brackets', '(((((((((( [[[[[[ {{{{{ '.repeat(4_000)],
];

describe('robustness', () => {
  it.each(shapes)('returns a valid decision for %s', (_what, text) => {
    const conv = says(text);
    const d = run(conv);
    expect(typeof d.escalate).toBe('boolean');
    expect(d.category).toMatch(/^[a-z_]+$/);
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
