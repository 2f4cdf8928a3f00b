import { QUEUE_NAME } from '../../server/domain/queue-name';
import type { SlackRoute } from './slack-store';

/**
 * The `/baton` slash command's words, parsed without Slack or a database. Slack escapes channels and
 * users in command text (`should_escape: true` in the manifest): `<#C123|support>`, `<@U123|ana>`.
 */
export type BatonCommand =
  | { kind: 'show' }
  | { kind: 'help' }
  | { kind: 'route'; queue: string; channelId: string; leadUserId?: string; slaMinutes?: number }
  | { kind: 'unroute'; queue: string }
  | { kind: 'invalid'; message: string };

/** What a channel id and a user id look like, wherever routes are set (Slack, admin API); a queue name is QUEUE_NAME (server/domain/queue-name.ts). */
export const CHANNEL_ID = /^[CG][A-Z0-9]{2,38}$/;
export const USER_ID = /^[UW][A-Z0-9]{2,38}$/;
const QUEUE = QUEUE_NAME;
const CHANNEL = new RegExp(`^<#(${CHANNEL_ID.source.slice(1, -1)})(?:\\|[^>]*)?>$`);
const USER = new RegExp(`^<@(${USER_ID.source.slice(1, -1)})(?:\\|[^>]*)?>$`);
const SLA = /^sla=(\d{1,5})$/i;

export const USAGE = [
  '`/baton` shows where each queue is alerted.',
  '`/baton route <queue> #channel [@lead] [sla=15]` sends a queue to a channel (workspace admins).',
  '`/baton unroute <queue>` stops alerting a queue (workspace admins).',
].join('\n');

export function parseBatonCommand(text: string): BatonCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  if (!verb || verb === 'show' || verb === 'list') return { kind: 'show' };
  if (verb === 'help') return { kind: 'help' };
  if (verb === 'unroute') {
    const queue = rest[0]?.toLowerCase();
    if (!queue || !QUEUE.test(queue) || rest.length > 1) return { kind: 'invalid', message: 'Usage: `/baton unroute <queue>`' };
    return { kind: 'unroute', queue };
  }
  if (verb === 'route') {
    const [queueWord, channelWord, ...options] = rest;
    const queue = queueWord?.toLowerCase();
    if (!queue || !QUEUE.test(queue)) return { kind: 'invalid', message: 'Name a queue (letters, digits, _ or -), e.g. `/baton route shipping #shipping-escalations`' };
    const channel = channelWord ? CHANNEL.exec(channelWord) : null;
    if (!channel) return { kind: 'invalid', message: `Pick the channel for \`${queue}\` with #, e.g. \`/baton route ${queue} #support\`` };
    const command: BatonCommand = { kind: 'route', queue, channelId: channel[1]! };
    for (const option of options) {
      const user = USER.exec(option);
      const sla = SLA.exec(option);
      if (user && !command.leadUserId) command.leadUserId = user[1]!;
      else if (sla && Number(sla[1]) >= 1 && Number(sla[1]) <= 10080) command.slaMinutes = Number(sla[1]);
      else return { kind: 'invalid', message: 'After the channel: an optional @lead and `sla=<minutes>` (1 to 10080).' };
    }
    return command;
  }
  return { kind: 'invalid', message: `Unknown command \`${verb.slice(0, 40).replace(/[<>&`]/g, '')}\`.\n${USAGE}` };
}

export function describeRoutes(routes: SlackRoute[]): string {
  if (!routes.length) return `No queue is routed to a channel yet: alerts are kept for preview only.\n${USAGE}`;
  const lines = routes.map(
    (r) => `• \`${r.queue}\` → <#${r.channel_id}>${r.lead_user_id ? `, lead <@${r.lead_user_id}>` : ''}, SLA ${r.sla_minutes} min`,
  );
  return `*Baton alerts*\n${lines.join('\n')}`;
}
