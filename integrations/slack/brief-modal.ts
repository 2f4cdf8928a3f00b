import type { Assessment } from '../../server/domain/decision';
import type { Block } from './alert-message';
import { withholdSecrets } from '../../server/brief/secrets/redact';
import { link, safeText, truncate } from './mrkdwn';

/** Modal limits: 100 blocks, a 24-character title. */
const MODAL_BLOCKS = 100;
const SECTION = 3000;

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION) } };
}

/** The whole brief in a modal ("View brief"): everything the agent would read in the sidebar. */
export function renderBriefModal(assessment: Assessment, ticketUrl?: string): Record<string, unknown> {
  const b = assessment.brief;
  const blocks: Block[] = [
    section(`*${assessment.priority.toUpperCase()}* · ${assessment.category.replace(/_/g, ' ')} → ${assessment.queue}`),
    section(`*Summary*\n${safeText(withholdSecrets(b.summary) || '(none)', SECTION - 20)}`),
  ];
  for (const t of assessment.triggers.slice(0, 15)) {
    const quotes = t.evidence
      .slice(0, 2)
      .map((e) => ('quote' in e ? `“${withholdSecrets(e.quote)}”` : e.field))
      .join(' · ');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`*${t.code}* ${safeText(`${t.detail}: ${quotes}`, 1500)}`, 2000) }] });
  }
  const f = assessment.facts;
  const factLines = [
    f.order_ids.length ? `Orders: ${f.order_ids.join(', ')}` : '',
    f.emails.length ? `Emails: ${f.emails.join(', ')}` : '',
    f.phones.length ? `Phones: ${f.phones.join(', ')}` : '',
    f.tracking_numbers.length ? `Tracking: ${f.tracking_numbers.join(', ')}` : '',
    f.amounts.length ? `Amounts: ${f.amounts.map((a) => `${a.value} ${a.currency}`).join(', ')}` : '',
    f.dates.length ? `Dates: ${f.dates.join(', ')}` : '',
  ].filter(Boolean);
  if (factLines.length) blocks.push(section(`*Already told us*\n${safeText(factLines.join('\n'), SECTION - 20)}`));
  if (b.attempted.length) {
    blocks.push(section(`*What was tried*\n${b.attempted.map((a) => `• ${safeText(a.what, 300)}: _${a.outcome}_`).join('\n')}`));
  }
  for (const step of b.next_steps.slice(0, 5)) {
    const policy = step.policy ? `\n${link(step.policy.url, step.policy.title)}` : '';
    blocks.push(section(`*Next:* ${safeText(step.action, 1000)}\n_${safeText(step.why, 1000)}_${policy}`));
  }
  blocks.push(section(`*Warm first reply*\n>${safeText(b.warm_intro, SECTION - 40).replace(/\n/g, '\n>')}`));
  if (ticketUrl) blocks.push(section(link(ticketUrl, 'Open the ticket')));
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Handoff brief' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.slice(0, MODAL_BLOCKS),
  };
}
