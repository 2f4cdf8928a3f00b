import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import type { Assessment } from '../../server/domain/decision';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { ACTIONS, LIMITS, renderAlert, type AlertView, type Block } from '../../integrations/slack/alert-message';
import { renderBriefModal } from '../../integrations/slack/brief-modal';
import { escapeText, link, truncate } from '../../integrations/slack/mrkdwn';
import { alertViewFor } from '../../integrations/slack/alert-view';
import { bot, conversation, customer, NOW } from '../helpers/conversation-factory';

const writer = new OfflineBriefWriter();

async function assessed(turns: Parameters<typeof conversation>[0], overrides: Record<string, unknown> = {}): Promise<Assessment> {
  return assess(conversation(turns, overrides), { policy: DEFAULT_POLICY, writer, receivedAt: NOW });
}

function view(assessment: Assessment, extra: Partial<AlertView> = {}): AlertView {
  return {
    handoffId: '7d0f2b9e-2b7a-4d8e-9c1f-2a3b4c5d6e7f',
    assessment,
    links: { ticket: 'https://acme.zendesk.com/agent/tickets/123' },
    createdAt: NOW,
    state: { status: 'open' },
    ...extra,
  };
}

/** Every piece of text Slack will parse as mrkdwn, gathered from the blocks. */
function mrkdwnTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'mrkdwn' && typeof obj.text === 'string') out.push(obj.text);
    Object.values(obj).forEach(walk);
  };
  walk(blocks);
  return out;
}

describe('mrkdwn helpers', () => {
  it('escapes the three characters Slack parses', () => {
    expect(escapeText('<!channel> & <https://evil.example|your bank>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|your bank&gt;');
  });

  it('cuts text with an ellipsis, never inside an entity or a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('a😀b', 3)).toBe('a…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('makes links only from http(s) URLs, with labels that cannot close the link', () => {
    expect(link('https://shop.example/orders/1', 'Order #1')).toBe('<https://shop.example/orders/1|Order #1>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.example', 'a|<!here>')).toBe('<https://a.example|a¦&lt;!here&gt;>');
  });
});

describe('renderAlert', () => {
  it('puts priority and category first, the reasons with their evidence, the summary and the next step', async () => {
    const a = await assessed(
      [
        customer('Where is order #48213? It was due last week.'),
        bot('Your order shipped, see the tracking link in your email.', { helpful: false }),
        customer('That did not help. Can I talk to a real person?'),
      ],
      { customer: { name: 'Ana Ruiz', tier: 'vip' } },
    );
    const message = renderAlert(view(a, { customer: { name: 'Ana Ruiz', tier: 'vip', contacts: 2 }, slaDueAt: new Date(NOW.getTime() + 15 * 60000) }));
    const header = message.blocks[0] as unknown as { text: { text: string } };
    expect(header.text.text).toContain(a.category.replace(/_/g, ' '));
    expect(header.text.text.toLowerCase()).toContain(a.priority);
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toContain('human requested');
    expect(texts).toContain('talk to a real person');
    expect(texts).toContain('Ana Ruiz');
    expect(texts).toContain('2 contacts');
    expect(texts).toContain('#48213');
    expect(texts).toMatch(/<!date\^\d+\^/);
    expect(texts).toContain('Recommended next step');
    const actions = message.blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<{ action_id: string; url?: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual([ACTIONS.claim, ACTIONS.openTicket, ACTIONS.viewBrief]);
    expect(actions.elements[1]?.url).toBe('https://acme.zendesk.com/agent/tickets/123');
    expect(message.text).toContain('Ana Ruiz');
  });

  it('keeps hostile customer text inert: no mention, no disguised link, in blocks and fallback', async () => {
    const a = await assessed(
      [customer('<!channel> <@U0ADMIN> click <https://evil.example/login|your refund> & I want a human NOW, this is a scam')],
      { customer: { name: '<!here> Mallory' } },
    );
    const message = renderAlert(view(a, { customer: { name: '<!here> Mallory' } }));
    const all = [message.text, ...mrkdwnTexts(message.blocks)].join('\n');
    expect(all).not.toMatch(/<!channel>|<!here>|<@U0ADMIN>|<https:\/\/evil/);
    expect(all).toContain('&lt;@U0ADMIN&gt;');
    expect(all).toContain('&lt;!here&gt; Mallory');
  });

  it('withholds secrets the customer typed: a card shows its last four digits, a password a label', async () => {
    const card = '4111 1111 1111 1111';
    const a = await assessed([customer(`You charged my card ${card} twice and my password is Hunter2Secret, I want a refund now`)]);
    // Evidence straight from the message, as a stored decision keeps it (the brief's summary is withheld already).
    a.triggers[0]!.evidence = [{ quote: `my card ${card} twice and my password is Hunter2Secret`, message: 0 }];
    const message = renderAlert(view(a));
    const modal = renderBriefModal(a, 'https://acme.zendesk.com/agent/tickets/9') as unknown as { blocks: Block[] };
    const all = [message.text, ...mrkdwnTexts(message.blocks), ...mrkdwnTexts(modal.blocks)].join('\n');
    expect(all).not.toContain(card);
    expect(all).not.toContain('Hunter2Secret');
    expect(all).toContain('[card ending 1111]');
    expect(all).toContain('[password withheld]');
  });

  it('respects Block Kit limits on huge text', async () => {
    const long = 'My package never arrived and I need a refund of $900 for it. '.repeat(400);
    const a = await assessed([customer(long), bot('Sorry about that.', { helpful: false }), customer(`${long} Let me talk to an agent.`)], {
      customer: { name: 'N'.repeat(200) },
    });
    // The writer keeps its summary short; a brief from another writer may not.
    const huge = { ...a, brief: { ...a.brief, summary: `<${'x'.repeat(5000)}>` } };
    const message = renderAlert(view(huge, { customer: { name: 'N'.repeat(5000) } }));
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const block of message.blocks) {
      const text = (block as unknown as { text?: { type: string; text: string } }).text;
      if (block.type === 'header') expect(text!.text.length).toBeLessThanOrEqual(LIMITS.header);
      if (block.type === 'section') expect(text!.text.length).toBeLessThanOrEqual(LIMITS.section);
    }
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallback);
    expect(message.text.endsWith('…')).toBe(true);
  });

  it('shows the claim in place of the Claim button', async () => {
    const a = await assessed([customer('I want to speak to a manager about my refund')]);
    const message = renderAlert(view(a, { state: { status: 'claimed', by: 'U123', at: new Date(NOW.getTime() + 60000) } }));
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toContain('Claimed by <@U123>');
    const actions = message.blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<{ action_id: string }> };
    expect(actions.elements.map((e) => e.action_id)).not.toContain(ACTIONS.claim);
  });

  it('collapses the details once resolved and says how long it took', async () => {
    const a = await assessed([customer('I was charged twice for my order, I want a person')]);
    const open = renderAlert(view(a));
    const resolved = renderAlert(view(a, { state: { status: 'resolved', at: new Date(NOW.getTime() + 38 * 60000), by: 'U9' }, firstReplyMinutes: 4 }));
    const texts = mrkdwnTexts(resolved.blocks).join('\n');
    expect(texts).toContain('Resolved in 38 min');
    expect(texts).toContain('replied after 4 min');
    expect(resolved.blocks.length).toBeLessThan(open.blocks.length);
    expect(texts).not.toContain('Why a person');
  });
});

describe('renderBriefModal', () => {
  it('holds the whole brief with customer text escaped', async () => {
    const a = await assessed([customer('Order 55120 arrived broken <!channel>, I want my money back'), bot('Sorry!', { helpful: false })]);
    const modal = renderBriefModal(a, 'https://acme.zendesk.com/agent/tickets/9') as unknown as { blocks: Block[]; title: { text: string } };
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const texts = mrkdwnTexts(modal.blocks).join('\n');
    expect(texts).toContain('55120');
    expect(texts).toContain('Warm first reply');
    expect(texts).not.toContain('<!channel>');
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('alertViewFor', () => {
  it('links tracking numbers to the carrier’s own page and counts recent contacts', async () => {
    const turns = [customer('My parcel 1Z999AA10123456784 has not moved, I want a person')];
    const convo = conversation(turns, {
      customer: { name: 'Ana', previous_contacts: [{ at: '2026-10-30T10:00:00Z', resolved: false }, { at: '2025-01-01T10:00:00Z' }] },
    });
    const a = await assess(convo, { policy: DEFAULT_POLICY, writer, receivedAt: NOW });
    const record = {
      id: '7d0f2b9e-2b7a-4d8e-9c1f-2a3b4c5d6e7f',
      tenant_id: '1d0f2b9e-2b7a-4d8e-9c1f-2a3b4c5d6e7f',
      conversation_id: 'conv-test',
      status: 'received' as const,
      conversation: convo,
      assessment: a,
      brief_version: 1,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
      ticket: { provider: 'zendesk', id: '9', url: 'javascript:alert(1)' },
    };
    const v = alertViewFor(record, undefined, 15);
    expect(v.links.tracking).toEqual([{ number: '1Z999AA10123456784', carrier: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }]);
    expect(v.links.ticket).toBeUndefined();
    expect(v.customer?.contacts).toBe(2);
    expect(v.slaDueAt?.toISOString()).toBe(new Date(NOW.getTime() + 15 * 60000).toISOString());
    const texts = mrkdwnTexts(renderAlert(v).blocks).join('\n');
    expect(texts).toContain('<https://www.ups.com/track?tracknum=1Z999AA10123456784|1Z999AA10123456784>');
  });
});
