import { bot, conversation, customer, daysAgo, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, run, triggerOf } from './engine';

describe('complexity family', () => {
  it('multi_issue: an order problem and a login problem, marked as another issue', () => {
    const conv = says("My package hasn't arrived. Also, I can't log in to my account.");
    const d = run(conv);
    const t = triggerOf(d, 'multi_issue');
    expect(t.evidence.length).toBeGreaterThanOrEqual(2);
    expect(d.reasons).toContain('multi_issue');
    expectValidEvidence(conv, d);
  });

  it('multi_issue: not for one problem told in two ways', () => {
    expect(codes(run(says('Where is my order? The tracking has not moved in a week.')))).not.toContain('multi_issue');
  });

  it.each([
    'I need to change my email address',
    'Please update the shipping address on my account',
    'I want to remove my old card and add a new one',
  ])('account_change: %s', (text) => {
    expect(run(says(text)).reasons).toContain('account_change');
  });

  it('account_change: not when negated', () => {
    expect(codes(run(says("I don't need to change my address, it is correct")))).not.toContain('account_change');
  });

  it.each(['The app crashes when I open settings', 'I get an error at checkout', 'The export button is not working'])(
    'bug_report: %s',
    (text) => {
      expect(run(says(text)).reasons).toContain('bug_report');
    },
  );

  it('bug_report: not for a question about a feature', () => {
    expect(codes(run(says('Does the app support dark mode?')))).not.toContain('bug_report');
  });

  it('unresolved_previous_contact from the text', () => {
    const d = run(says('I already contacted you last week and nobody fixed it'));
    expect(d.reasons).toContain('unresolved_previous_contact');
  });

  it('unresolved_previous_contact from an open contact about the same category', () => {
    const contacts = [{ at: daysAgo(40), category: 'order_status', resolved: false }];
    const d = run(says('Where is my package?', { customer: { previous_contacts: contacts } }));
    expect(triggerOf(d, 'unresolved_previous_contact').evidence[0]).toMatchObject({ field: 'customer.previous_contacts.0' });
  });

  it('unresolved_previous_contact: not for an open contact about something else, nor a resolved one', () => {
    const contacts = [
      { at: daysAgo(3), category: 'billing', resolved: false },
      { at: daysAgo(3), category: 'order_status', resolved: true },
    ];
    expect(codes(run(says('Where is my package?', { customer: { previous_contacts: contacts } })))).not.toContain(
      'unresolved_previous_contact',
    );
  });
});

describe('customer family', () => {
  it.each(['vip', 'enterprise'])('vip from customer.tier = %s, priority high', (tier) => {
    const d = run(says('Where is my package?', { customer: { tier } }));
    expect(triggerOf(d, 'vip').evidence).toEqual([{ field: 'customer.tier', value: tier }]);
    expect(d.escalate).toBe(true);
    expect(d.priority).toBe('high');
  });

  it('vip never from text', () => {
    expect(codes(run(says('I am a VIP customer, treat me as vip', { customer: { tier: 'standard' } })))).not.toContain('vip');
  });

  it('repeat_contact: third contact about the same category within 30 days', () => {
    const contacts = [
      { at: daysAgo(2), category: 'order_status', resolved: true },
      { at: daysAgo(20), category: 'order_status', resolved: true },
    ];
    const d = run(says('Where is my package?', { customer: { previous_contacts: contacts } }));
    expect(d.reasons).toContain('repeat_contact');
    expect(d.priority).toBe('high');
  });

  it('repeat_contact: not when the earlier contacts are old or about something else', () => {
    const contacts = [
      { at: daysAgo(2), category: 'billing', resolved: true },
      { at: daysAgo(45), category: 'order_status', resolved: true },
    ];
    expect(codes(run(says('Where is my package?', { customer: { previous_contacts: contacts } })))).not.toContain('repeat_contact');
  });

  it('repeat_contact follows the tenant count and window', () => {
    const contacts = [{ at: daysAgo(40), category: 'order_status', resolved: true }];
    const conv = says('Where is my package?', { customer: { previous_contacts: contacts } });
    expect(codes(run(conv))).not.toContain('repeat_contact');
    expect(codes(run(conv, { repeat_contact_count: 2, repeat_contact_days: 60 }))).toContain('repeat_contact');
  });

  it('new_customer within 7 days escalates; the tenant can turn that off', () => {
    const conv = says('Where is my package?', { customer: { created_at: daysAgo(3) } });
    expect(run(conv).reasons).toContain('new_customer');
    const off = run(conv, { new_customer_escalates: false });
    expect(codes(off)).toContain('new_customer');
    expect(off.escalate).toBe(false);
  });

  it('new_customer: not after 7 days', () => {
    expect(codes(run(says('Hi', { customer: { created_at: daysAgo(8) } })))).not.toContain('new_customer');
  });
});

describe('bot answers', () => {
  it('a bot offer after two failures plus a customer yes is a request for a person', () => {
    const conv = conversation([
      customer('Where is my package?'),
      bot('It ships in 3 days.', { helpful: false }),
      customer("That didn't help"),
      bot('Here is the tracking page.'),
      customer("That's not what I asked"),
      bot('Would you like me to connect you with an agent?', { kb_articles: [] }),
      customer('yes'),
    ]);
    const d = run(conv);
    expect(d.reasons).toEqual(expect.arrayContaining(['human_requested', 'repeated_failure']));
    expectValidEvidence(conv, d);
  });
});
