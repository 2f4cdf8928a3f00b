import type { Brief, Decision } from '../../server/domain/decision';

/**
 * What the Gorgias sidebar widget reads (GET, see docs/GORGIAS.md). Gorgias renders an HTTP
 * integration's JSON through a template of cards and text fields that point at paths, so the shape is
 * flat: strings at the top, lists of flat objects. It is versioned by `shape` and kept stable; add
 * fields, never rename them.
 */
export const WIDGET_SHAPE = 'baton.gorgias-widget.v1';

export interface WidgetView {
  shape: typeof WIDGET_SHAPE;
  /** `ready`, `assembling` (the first brief is the offline one; a richer one may follow), or `none`. */
  status: 'ready' | 'assembling' | 'none';
  handoff_id: string;
  brief_version: number;
  priority: string;
  category: string;
  queue: string;
  reasons: string;
  summary: string;
  facts: string;
  warm_intro: string;
  customer_message: string;
  attempted: { by: string; what: string; outcome: string }[];
  next_steps: { action: string; why: string; policy_title: string; policy_url: string }[];
  context: { source: string; summary: string }[];
  sources_warning: string;
  link: string;
}

function factsLine(facts: Decision['facts']): string {
  const parts = [
    ...facts.order_ids.map((id) => `order ${id}`),
    ...facts.tracking_numbers.map((n) => `tracking ${n}`),
    ...facts.emails,
    ...facts.phones,
    ...facts.amounts.map((a) => `${a.value} ${a.currency}`),
  ];
  return parts.join(' · ');
}

export function noWidgetBrief(): WidgetView {
  return {
    shape: WIDGET_SHAPE, status: 'none', handoff_id: '', brief_version: 0, priority: '', category: '', queue: '', reasons: '',
    summary: 'No Baton handoff on this ticket.', facts: '', warm_intro: '', customer_message: '', attempted: [], next_steps: [], context: [], sources_warning: '', link: '',
  };
}

export function widgetView(input: { handoffId: string; status: string; briefVersion: number; decision: Decision; brief: Brief; link: string }): WidgetView {
  const { decision, brief } = input;
  const failed = brief.sources.filter((s) => !s.ok);
  return {
    shape: WIDGET_SHAPE,
    status: input.status === 'received' ? 'assembling' : 'ready',
    handoff_id: input.handoffId,
    brief_version: input.briefVersion,
    priority: decision.priority,
    category: decision.category,
    queue: decision.queue,
    reasons: decision.reasons.join(', '),
    summary: brief.summary,
    facts: factsLine(decision.facts),
    warm_intro: brief.warm_intro,
    customer_message: brief.customer_message,
    attempted: brief.attempted.map((a) => ({ by: a.by, what: a.what, outcome: a.outcome })),
    next_steps: brief.next_steps.map((s) => ({ action: s.action, why: s.why, policy_title: s.policy?.title ?? '', policy_url: s.policy?.url ?? '' })),
    context: Object.entries(brief.customer_context).flatMap(([source, section]) => {
      const summary = (section as { summary?: unknown } | null)?.summary;
      return typeof summary === 'string' ? [{ source, summary }] : [];
    }),
    sources_warning: failed.length ? `Not available: ${failed.map((s) => `${s.kind} (${s.error ?? 'failed'})`).join(', ')}` : '',
    link: input.link,
  };
}
