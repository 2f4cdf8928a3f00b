import { listAttempted } from '../../server/brief/attempted';
import { fillCustomerMessage, writeCustomerMessage } from '../../server/brief/customer-message';
import { withoutPleasantries } from '../../server/brief/customer-text';
import { writeSummary } from '../../server/brief/summary';
import { parseConversation } from '../../server/domain/conversation';
import { decision, facts, trigger } from './build';

describe('fillCustomerMessage', () => {
  const template = writeCustomerMessage(decision({ category: 'billing' }));

  it('fills wait and position, rounding the wait up', () => {
    const text = fillCustomerMessage(template, { waitMinutes: 4.2, position: 2 });
    expect(text).toContain('about 5 minutes');
    expect(text).toContain('number 2 in line');
    expect(text).toContain('billing team');
    expect(text).not.toMatch(/[{}]/);
  });

  it('never promises less than a minute and says "1 minute"', () => {
    expect(fillCustomerMessage(template, { waitMinutes: 0, position: 1 })).toContain('about 1 minute and');
  });

  it('rejects nonsense standings, naming the field', () => {
    expect(() => fillCustomerMessage(template, { waitMinutes: Number.NaN, position: 1 })).toThrow(/waitMinutes/);
    expect(() => fillCustomerMessage(template, { waitMinutes: 3, position: -1 })).toThrow(/position/);
  });

  it('names a tenant’s own queue readably', () => {
    expect(writeCustomerMessage(decision({ category: 'other', queue: 'vip_desk' }))).toContain('our vip desk team');
  });

  it('names a queue called like an inherited member of an object as written', () => {
    expect(writeCustomerMessage(decision({ category: 'other', queue: 'constructor' }))).toContain('our constructor team');
  });
});

describe('listAttempted', () => {
  const conversation = parseConversation({
    messages: [
      { role: 'bot', text: 'Welcome! How can I help?' },
      { role: 'customer', text: 'My card was charged twice.' },
      { role: 'bot', text: 'Could you tell me the date of the charge?' },
      { role: 'customer', text: 'Yesterday.' },
      { role: 'bot', text: 'Pending charges drop off in 3–5 days. See our billing guide.', kb_articles: [{ id: 'kb-b' }] },
      { role: 'customer', text: 'That is not what I asked.' },
      { role: 'bot', text: 'Refunds take 5–10 days.', helpful: true },
      { role: 'customer', text: 'hmm' },
      { role: 'bot', text: 'Duplicate charges are refunded the same day once both posted.' },
      { role: 'customer', text: 'ok that worked, thanks' },
      { role: 'bot', text: 'I am connecting you to an agent now.' },
    ],
  });

  it('keeps answers only, with outcome from the helpful mark or the customer’s reply', () => {
    expect(listAttempted(conversation)).toEqual([
      { by: 'bot', what: 'sent the kb-b article: Pending charges drop off in 3–5 days.', kb_article: 'kb-b', outcome: 'not_helpful' },
      { by: 'bot', what: 'Refunds take 5–10 days.', outcome: 'helpful' },
      { by: 'bot', what: 'Duplicate charges are refunded the same day once both posted.', outcome: 'helpful' },
    ]);
  });

  it('describes an answer by what it said, not the courtesy that opened it', () => {
    const c = parseConversation({
      messages: [
        { role: 'customer', text: 'The tank arrived cracked.' },
        { role: 'bot', text: "I'm so sorry to hear that! You can start a return from your account page.", kb_articles: [{ id: 'kb-returns', title: 'Returns' }] },
        { role: 'bot', text: 'I understand. Refunds go back to the original card.' },
        { role: 'bot', text: 'Sorry!' },
      ],
    });
    expect(listAttempted(c).map((a) => a.what)).toEqual([
      'sent the "Returns" article: You can start a return from your account page.',
      'Refunds go back to the original card.',
      'Sorry!',
    ]);
  });

  it('helpful: false wins over a polite reply, and no reply is unknown', () => {
    const c = parseConversation({
      messages: [
        { role: 'customer', text: 'Where is my parcel?' },
        { role: 'bot', text: 'It is on its way.', helpful: false },
        { role: 'customer', text: 'thanks, it worked' },
        { role: 'bot', text: 'Parcels arrive in 3–5 days.' },
      ],
    });
    expect(listAttempted(c).map((a) => a.outcome)).toEqual(['not_helpful', 'unknown']);
  });
});

describe('writeSummary', () => {
  it('picks the sentences that carry the issue, in order, and drops greetings, thanks and chatter', () => {
    const c = parseConversation({
      customer: { name: 'Li Wei' },
      messages: [
        { role: 'customer', text: 'Hello! Hope you are well. I was charged twice for order #3301.' },
        { role: 'bot', text: 'Sorry to hear that.' },
        { role: 'customer', text: 'Thanks. The second charge of $80 is still on my card. I want a person now.' },
      ],
    });
    const d = decision({
      category: 'billing',
      facts: facts({ order_ids: ['3301'], amounts: [{ value: 80, currency: 'USD' }] }),
      triggers: [trigger('billing_dispute', 0, 'charged twice'), trigger('human_requested', 2, 'I want a person')],
    });
    const summary = writeSummary(c, d);
    expect(summary).toBe(
      'Li reports: “I was charged twice for order #3301. The second charge of $80 is still on my card.” They asked for a person.',
    );
  });

  it('says so when the customer described nothing', () => {
    const c = parseConversation({ messages: [{ role: 'customer', text: 'Hi! Thanks!' }] });
    expect(writeSummary(c, decision({ category: 'other' }))).toBe('The customer did not describe a problem.');
  });

  it('strips leading pleasantries but keeps words that only start like them', () => {
    expect(withoutPleasantries('Hi team, thanks, my package is lost')).toBe('my package is lost');
    expect(withoutPleasantries('History of my order')).toBe('History of my order');
    expect(withoutPleasantries('Nobody answered')).toBe('Nobody answered');
  });
});
