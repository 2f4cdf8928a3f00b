import type { BriefForHelpdesk } from '../connectors/types';

/**
 * The brief as an internal note, in plain text: helpdesks show it to agents as written, so customer
 * text inside it stays inert (no markup is interpreted). The last line is a marker that lets a writer
 * find its own note again and never post the same brief version twice.
 */

export function noteMarker(handoffId: string, version: number): string {
  return `[baton-brief:${handoffId}:v${version}]`;
}

/** Tags every helpdesk gets: lowercase words, the contract's codes as they are. */
export function briefTags(input: Pick<BriefForHelpdesk, 'decision'>): string[] {
  return ['baton_escalated', `baton_${input.decision.category}`, `baton_${input.decision.priority}`];
}

function line(label: string, items: string[]): string[] {
  return items.length ? [`${label}: ${items.join('; ')}`] : [];
}

function contextLines(context: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [kind, section] of Object.entries(context)) {
    if (kind === 'customer' || section === null || typeof section !== 'object') continue;
    const summary = (section as { summary?: unknown }).summary;
    if (typeof summary === 'string' && summary) lines.push(`- ${kind}: ${summary}`);
  }
  return lines;
}

export function formatNote(input: BriefForHelpdesk): string {
  const { brief, decision } = input;
  const failed = brief.sources.filter((s) => !s.ok).map((s) => `${s.kind} (${s.error ?? 'failed'})`);
  const context = contextLines(brief.customer_context);
  const lines = [
    `Baton brief v${input.version}: priority ${decision.priority}, ${decision.category}, queue ${decision.queue}`,
    ...line('Why a person', decision.reasons),
    '',
    brief.summary,
    '',
    ...(brief.attempted.length ? ['Already tried:', ...brief.attempted.map((a) => `- ${a.by}: ${a.what} (${a.outcome.replace('_', ' ')})`)] : []),
    ...(context.length ? ['Context:', ...context] : []),
    ...(brief.next_steps.length
      ? ['Next steps:', ...brief.next_steps.map((s) => `- ${s.action}${s.policy ? ` (policy: ${s.policy.title})` : ''}`)]
      : []),
    '',
    `Suggested opening: ${brief.warm_intro}`,
    ...line('Could not reach', failed),
    ...(input.handoffUrl ? [`In Baton: ${input.handoffUrl}`] : []),
    noteMarker(input.handoffId, input.version),
  ];
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
