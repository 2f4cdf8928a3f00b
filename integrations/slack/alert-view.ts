import type { HandoffRecord } from '../../server/store/types';
import { carrierTrackingUrl } from '../tracking/carriers';
import type { AlertState, AlertView, TrackingLink } from './alert-message';
import type { SlackAlert } from './slack-store';

const DAY_MS = 24 * 60 * 60 * 1000;

function httpsUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https:\/\/[^\s<>|]+$/i.test(value) ? value : undefined;
}

/** A connector's order link, when the Shopify section holds one (`customer_context.shopify.orders[0]`). */
function orderLink(context: Record<string, unknown>): string | undefined {
  const shopify = context.shopify as { orders?: Array<Record<string, unknown>> } | undefined;
  const first = shopify?.orders?.[0];
  return httpsUrl(first?.admin_url ?? first?.adminUrl);
}

function alertState(alert: Pick<SlackAlert, 'status' | 'claimed_by' | 'claimed_at' | 'resolved_at'>): AlertState {
  if (alert.status === 'resolved') {
    return {
      status: 'resolved',
      at: new Date(alert.resolved_at ?? Date.now()),
      ...(alert.claimed_by ? { by: alert.claimed_by } : {}),
      ...(alert.claimed_at ? { claimedAt: new Date(alert.claimed_at) } : {}),
    };
  }
  if (alert.status === 'claimed' && alert.claimed_by) {
    return { status: 'claimed', by: alert.claimed_by, at: new Date(alert.claimed_at ?? Date.now()) };
  }
  return { status: 'open' };
}

/**
 * What the alert shows for a handoff in its current state. `alert` is absent before the alert row
 * exists (the first render). Pure: the clock is the handoff's own times.
 */
export function alertViewFor(
  handoff: HandoffRecord,
  alert?: Pick<SlackAlert, 'status' | 'claimed_by' | 'claimed_at' | 'resolved_at' | 'first_reply_at' | 'sla_due_at'>,
  slaMinutes?: number,
): AlertView {
  const createdAt = new Date(handoff.created_at);
  const c = handoff.conversation.customer;
  const recent = (c?.previous_contacts ?? []).filter((p) => createdAt.getTime() - new Date(p.at).getTime() <= 30 * DAY_MS);
  const facts = handoff.assessment.facts;
  const tracking: TrackingLink[] = facts.tracking_numbers.map((number) => {
    const carrier = facts.carriers?.[number];
    const url = carrierTrackingUrl(carrier, number);
    return { number, ...(carrier ? { carrier } : {}), ...(url ? { url } : {}) };
  });
  const slaDueAt = alert?.sla_due_at
    ? new Date(alert.sla_due_at)
    : slaMinutes !== undefined
      ? new Date(createdAt.getTime() + slaMinutes * 60000)
      : undefined;
  const firstReply = alert?.first_reply_at ? Math.max(0, Math.round((new Date(alert.first_reply_at).getTime() - createdAt.getTime()) / 60000)) : undefined;
  return {
    handoffId: handoff.id,
    assessment: handoff.assessment,
    customer: {
      ...(c?.name ? { name: c.name } : {}),
      ...(c?.tier ? { tier: c.tier } : {}),
      ...(c ? { contacts: recent.length + 1 } : {}),
    },
    links: {
      ...(httpsUrl(handoff.ticket?.url) ? { ticket: httpsUrl(handoff.ticket?.url) } : {}),
      ...(orderLink(handoff.assessment.brief.customer_context) ? { order: orderLink(handoff.assessment.brief.customer_context) } : {}),
      tracking,
    },
    createdAt,
    ...(slaDueAt ? { slaDueAt } : {}),
    state: alert ? alertState(alert) : { status: 'open' },
    ...(firstReply !== undefined ? { firstReplyMinutes: firstReply } : {}),
  };
}
