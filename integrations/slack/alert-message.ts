import type { Assessment, Evidence, Trigger } from '../../server/domain/decision';
import { withholdSecrets } from '../../server/brief/secrets/redact';
import { escapeText, link, safeText, slackDate, truncate } from './mrkdwn';

/**
 * The Slack alert for one escalation (Block Kit), rendered from the stored handoff. Pure: the same
 * view always gives the same message, so a re-render after a claim or a reply updates it in place.
 */

/** Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
export const LIMITS = { blocks: 50, section: 3000, header: 150, button: 75, context: 2000, fallback: 3000, field: 2000 } as const;

export type AlertState =
  | { status: 'open' }
  | { status: 'claimed'; by: string; at: Date }
  | { status: 'resolved'; at: Date; by?: string; claimedAt?: Date };

export interface TrackingLink {
  number: string;
  carrier?: string;
  url?: string;
}

export interface AlertView {
  handoffId: string;
  assessment: Assessment;
  customer?: { name?: string; tier?: string; contacts?: number };
  /** Deep links, already checked against allow-listed hosts by whoever built them. */
  links: { ticket?: string; order?: string; tracking?: TrackingLink[]; brief?: string };
  createdAt: Date;
  slaDueAt?: Date;
  state: AlertState;
  /** Minutes from escalation to the first public human reply, once it happened. */
  firstReplyMinutes?: number;
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

// A loose Block Kit shape: enough to type-check what we build without a vendor type dependency.
export type Block = Record<string, unknown> & { type: string };

/** Action ids the Bolt app listens for. */
export const ACTIONS = { claim: 'baton_claim', openTicket: 'baton_open_ticket', viewBrief: 'baton_view_brief' } as const;

const PRIORITY_BADGE: Record<string, string> = {
  urgent: ':red_circle: URGENT',
  high: ':large_orange_circle: High',
  normal: ':large_blue_circle: Normal',
  low: ':white_circle: Low',
};

function humanize(code: string): string {
  return code.replace(/_/g, ' ');
}

function evidenceText(evidence: Evidence): string {
  // A channel is not the customer's conversation: secrets they typed are withheld (the brief's own
  // text is already; briefs stored before that was so are withheld again here).
  if ('quote' in evidence) return `“${withholdSecrets(evidence.quote)}”`;
  return evidence.value === undefined ? evidence.field : `${evidence.field} = ${String(evidence.value)}`;
}

function reasonLine(trigger: Trigger): string {
  const first = trigger.evidence[0];
  const quote = first ? ` — ${safeText(evidenceText(first), 280)}` : '';
  return `• *${humanize(trigger.code)}*${quote}`;
}

function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  // plain_text is never parsed for mentions or links, so it needs no escaping, only the length cut.
  return { type: 'plain_text', text: truncate(text, max) || ' ', emoji: true };
}

function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.section) } };
}

function stateLine(view: AlertView): string {
  const { state } = view;
  const parts: string[] = [];
  if (state.status === 'open') {
    parts.push(':hourglass_flowing_sand: Unclaimed');
    if (view.slaDueAt) parts.push(`SLA due ${slackDate(view.slaDueAt)}`);
  } else if (state.status === 'claimed') {
    parts.push(`:raising_hand: Claimed by <@${state.by}> ${slackDate(state.at, '{time}')}`);
  } else {
    const minutes = Math.max(0, Math.round((state.at.getTime() - view.createdAt.getTime()) / 60000));
    parts.push(`:white_check_mark: Resolved in ${minutes} min`);
    if (state.by) parts.push(`by <@${state.by}>`);
  }
  if (view.firstReplyMinutes !== undefined) parts.push(`replied after ${view.firstReplyMinutes} min`);
  return parts.join(' · ');
}

/** The one-line summary used as the notification text and the fallback for clients without blocks. */
export function fallbackText(view: AlertView): string {
  const a = view.assessment;
  const who = view.customer?.name ? ` from ${view.customer.name}` : '';
  const line = `[${a.priority}] ${humanize(a.category)} escalation${who}: ${a.reasons.map(humanize).join(', ') || 'review'} — ${withholdSecrets(a.brief.summary)}`;
  return safeText(line, LIMITS.fallback);
}

function header(view: AlertView): string {
  const a = view.assessment;
  const badge = PRIORITY_BADGE[a.priority] ?? a.priority;
  return `${badge} · ${humanize(a.category)} → ${a.queue}`;
}

function customerLine(view: AlertView): string | undefined {
  const c = view.customer;
  if (!c || (!c.name && !c.tier && c.contacts === undefined)) return undefined;
  const parts = [c.name ? `*${safeText(c.name, 200)}*` : '*Customer*'];
  if (c.tier) parts.push(escapeText(c.tier));
  if (c.contacts !== undefined) parts.push(`${c.contacts} contact${c.contacts === 1 ? '' : 's'} in 30 days`);
  return `:bust_in_silhouette: ${parts.join(' · ')}`;
}

function factsLine(view: AlertView): string | undefined {
  const facts = view.assessment.facts;
  const parts: string[] = [];
  if (facts.order_ids.length) {
    const orders = facts.order_ids.slice(0, 5).map((id) => escapeText(`#${id}`));
    parts.push(`Order ${view.links.order && orders[0] ? link(view.links.order, `#${facts.order_ids[0]}`) : orders[0]}${orders.length > 1 ? ` (+${orders.slice(1).join(', ')})` : ''}`);
  }
  for (const t of (view.links.tracking ?? []).slice(0, 3)) {
    parts.push(`Tracking ${link(t.url, t.number)}${t.carrier ? ` (${escapeText(t.carrier)})` : ''}`);
  }
  if (facts.amounts.length) parts.push(facts.amounts.slice(0, 3).map((m) => `${m.value} ${m.currency}`).join(', '));
  if (facts.emails.length) parts.push(escapeText(facts.emails.slice(0, 2).join(', ')));
  return parts.length ? `:package: ${parts.join(' · ')}` : undefined;
}

function buttons(view: AlertView): Block {
  const elements: Record<string, unknown>[] = [];
  if (view.state.status === 'open') {
    elements.push({ type: 'button', action_id: ACTIONS.claim, style: 'primary', text: plain('Claim', LIMITS.button), value: view.handoffId });
  }
  if (view.links.ticket) {
    elements.push({ type: 'button', action_id: ACTIONS.openTicket, text: plain('Open ticket', LIMITS.button), url: view.links.ticket, value: view.handoffId });
  }
  elements.push({ type: 'button', action_id: ACTIONS.viewBrief, text: plain('View brief', LIMITS.button), value: view.handoffId });
  return { type: 'actions', block_id: 'baton_actions', elements };
}

/**
 * Renders the alert. Once resolved the details collapse to the header, the state and the summary, so
 * a busy channel shows what is done at a glance.
 */
export function renderAlert(view: AlertView): SlackMessage {
  const a = view.assessment;
  const blocks: Block[] = [
    { type: 'header', text: plain(header(view), LIMITS.header) },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(stateLine(view), LIMITS.context) }] },
    section(`*Summary*\n${safeText(withholdSecrets(a.brief.summary) || '(no summary)', LIMITS.section - 20)}`),
  ];
  if (view.state.status !== 'resolved') {
    const reasons = a.triggers.filter((t) => a.reasons.includes(t.code));
    if (reasons.length) blocks.push(section(`*Why a person*\n${reasons.slice(0, 8).map(reasonLine).join('\n')}`));
    const customer = customerLine(view);
    const facts = factsLine(view);
    if (customer || facts) blocks.push(section([customer, facts].filter(Boolean).join('\n')));
    if (a.brief.attempted.length) {
      const tried = a.brief.attempted
        .slice(0, 5)
        .map((t) => `• ${safeText(t.what, 300)}${t.kb_article ? ` (${safeText(t.kb_article, 80)})` : ''}: _${humanize(t.outcome)}_`);
      blocks.push(section(`*What the bot tried*\n${tried.join('\n')}`));
    }
    const next = a.brief.next_steps[0];
    if (next) {
      const policy = next.policy ? ` — ${link(next.policy.url, next.policy.title)}` : '';
      blocks.push(section(`*Recommended next step*\n${safeText(next.action, 1000)}${policy}`));
    }
    const failed = a.brief.sources.filter((s) => !s.ok);
    if (failed.length) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(`:warning: Not reached: ${failed.map((s) => escapeText(`${s.kind} (${s.error ?? 'error'})`)).join(', ')}`, LIMITS.context) }],
      });
    }
  }
  blocks.push(buttons(view));
  return { text: fallbackText(view), blocks: blocks.slice(0, LIMITS.blocks) };
}
