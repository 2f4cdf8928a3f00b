import { createHmac } from 'node:crypto';

/** Slack's v0 request signature over `v0:<timestamp>:<raw body>`, as Slack sends it. */
export function slackHeaders(secret: string, body: string, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${at}:${body}`).digest('hex');
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': String(at),
    'X-Slack-Signature': `v0=${signature}`,
  };
}

/** A slash command body, in the fields Slack documents. */
export function commandBody(fields: { text: string; user_id: string; team_id: string; channel_id?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team_id,
    team_domain: 'acme',
    channel_id: fields.channel_id ?? 'C0SUPPORT',
    channel_name: 'support',
    user_id: fields.user_id,
    user_name: 'someone',
    command: '/baton',
    text: fields.text,
    api_app_id: 'A0BATON',
    response_url: 'https://hooks.slack.com/commands/T0ACME/1/abc',
    trigger_id: '123.456.abc',
  }).toString();
}

/** A block_actions payload for one button click (form field `payload`, JSON). */
export function blockActionBody(fields: { action_id: string; value: string; user_id: string; team_id: string; channel_id: string; message_ts: string }): string {
  const payload = {
    type: 'block_actions',
    team: { id: fields.team_id, domain: 'acme' },
    user: { id: fields.user_id, username: 'someone', team_id: fields.team_id },
    api_app_id: 'A0BATON',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: fields.message_ts, channel_id: fields.channel_id, is_ephemeral: false },
    trigger_id: '123.456.def',
    channel: { id: fields.channel_id, name: 'shipping' },
    message: { type: 'message', ts: fields.message_ts, text: 'alert' },
    response_url: 'https://hooks.slack.com/actions/T0ACME/1/def',
    actions: [{ action_id: fields.action_id, block_id: 'baton_actions', value: fields.value, type: 'button', action_ts: '1700000000.000001' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
