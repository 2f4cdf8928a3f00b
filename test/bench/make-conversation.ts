import type { Conversation } from '../../server/domain/conversation';
import { mulberry32 } from '../../server/intent-training/random';

/**
 * Realistic synthetic conversations for the benchmark: alternating customer and bot turns, varied
 * text with facts in it (order ids, emails, amounts, tracking numbers, dates), bot turns citing the
 * sample knowledge base, some marked unhelpful. Seeded, so every run times the same input.
 */

const CUSTOMER_LINES = [
  'Hi, where is order #{order}? It was due on {date} and tracking {tracking} has not moved.',
  'I was charged {amount} twice on my card for order {order}, can you check?',
  'The blender arrived with a cracked jug. I have photos if you need them.',
  'I moved last month, my new email is {email}, please use that from now on.',
  'this is ridiculous, i have been trying for hours and nothing works',
  'Could you tell me if the jacket comes in a larger size? I usually wear XL.',
  'My refund of {amount} still has not arrived, it has been two weeks since you got the return.',
  'The app crashes when I open my orders page on iPhone, every single time.',
  'Thanks, that helps. One more thing: can I change the delivery date?',
  'I tried that already. It did not work.',
  'Can I speak to someone about this? I would rather talk to a person.',
  'Ok, and what about the second parcel, {tracking}? It says delivered but it is not here.',
  'Honestly I am thinking about cancelling my membership if this keeps happening.',
  'I need this sorted before {date}, it is a birthday present.',
];

const BOT_LINES = [
  'Your order shipped and is on its way; you can follow it with the tracking link in your email.',
  'Duplicate charges are usually pending authorisations that drop off within 3 business days.',
  'Sorry to hear that! Damaged items can be replaced or refunded; please send a photo.',
  'You can update your email address under Account > Profile.',
  'Refunds are issued within 5 to 10 business days after the warehouse receives the return.',
  'Try updating the app and clearing its cache, then sign in again.',
  'Our size guide lists chest and waist measurements for every size.',
  'Parcels marked delivered usually turn up within 24 hours; check with neighbours too.',
];

const KB = [
  { id: 'kb-lost-parcels', title: 'Lost, late or missing parcels' },
  { id: 'kb-billing-disputes', title: 'Billing questions, double charges and disputes' },
  { id: 'kb-damaged-items', title: 'Damaged, defective or wrong items' },
  { id: 'kb-account-details', title: 'Changing your account details' },
  { id: 'kb-refunds', title: 'Refunds: timelines and approvals' },
  { id: 'kb-site-problems', title: 'Website and app problems' },
  { id: 'kb-returns', title: 'Returns and exchanges' },
  { id: 'kb-shipping-times', title: 'Shipping and delivery times' },
];

const TRACKING = ['1Z999AA10123456784', '9400111899223197428490', 'JD014600006101234567'];
const DATES = ['November 5', '12 Nov', 'next Friday', '2026-11-09'];

export function makeConversation(messages: number, seed: number): Conversation {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const fill = (line: string) =>
    line
      .replace('{order}', String(40000 + Math.floor(rand() * 50000)))
      .replace('{amount}', `$${(10 + rand() * 400).toFixed(2)}`)
      .replace('{tracking}', pick(TRACKING))
      .replace('{email}', `customer${seed}@example.com`)
      .replace('{date}', pick(DATES));

  const start = Date.parse('2026-11-02T09:00:00Z');
  const turns: Conversation['messages'] = [];
  for (let i = 0; i < messages; i++) {
    const at = new Date(start + i * 45_000).toISOString();
    if (i % 2 === 0) {
      turns.push({ role: 'customer', text: fill(pick(CUSTOMER_LINES)), at });
    } else {
      const article = pick(KB);
      turns.push({
        role: 'bot',
        text: pick(BOT_LINES),
        at,
        kb_articles: [{ ...article, url: `https://help.example.com/${article.id}` }],
        helpful: rand() < 0.3 ? false : undefined,
      });
    }
  }
  return {
    id: `bench-${messages}-${seed}`,
    channel: 'chat',
    occurred_at: new Date(start + messages * 45_000).toISOString(),
    customer: {
      id: `c-${seed}`,
      name: 'Alex Morgan',
      email: `customer${seed}@example.com`,
      tier: seed % 7 === 0 ? 'vip' : 'standard',
      created_at: '2025-01-15T10:00:00Z',
      previous_contacts: [{ at: '2026-10-20T10:00:00Z', category: 'order_status', resolved: seed % 3 !== 0 }],
    },
    messages: turns,
    bot: { confidence: Math.round(rand() * 100) / 100, intent: 'order_status' },
  };
}
