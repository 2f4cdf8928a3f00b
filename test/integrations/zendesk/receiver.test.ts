import { zendeskReceiver, zendeskSignature, verifyZendeskSignature } from '../../../integrations/zendesk/receiver';
import { sunshineReceiver } from '../../../integrations/zendesk/sunshine';
import { fixture, fixtureBytes } from '../../helpers/vendor-fixtures';
import { refusal } from '../../helpers/outside-http';

const SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';
const NOW = new Date('2026-11-02T10:15:30Z');
const STAMP = '2026-11-02T10:15:20Z';

function signed(body: Buffer | string, options: { secret?: string; timestamp?: string } = {}) {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const timestamp = options.timestamp ?? STAMP;
  return {
    rawBody,
    headers: {
      'x-zendesk-webhook-signature': zendeskSignature(options.secret ?? SECRET, timestamp, rawBody),
      'x-zendesk-webhook-signature-timestamp': timestamp,
    },
  };
}

function receive(request: ReturnType<typeof signed>, now = NOW) {
  return zendeskReceiver.receive(request, { signingSecret: SECRET, now });
}


describe('Zendesk webhook signatures', () => {
  const body = fixtureBytes('zendesk', 'event-ticket-created');

  it('accepts the signature Zendesk computes: base64 HMAC-SHA256 over timestamp + raw body, no separator', () => {
    const [event] = receive(signed(body));
    expect(event!.eventId).toBe('cbe4028c-7239-495d-b020-f22348516046');
    // A signature over "timestamp.body" (Slack's style) is not Zendesk's.
    const dotted = { rawBody: body, headers: { ...signed(body).headers, 'x-zendesk-webhook-signature': zendeskSignature(SECRET, `${STAMP}.`, body) } };
    expect(refusal(() => receive(dotted)).status).toBe(401);
  });

  it('refuses a wrong secret, a changed byte, and missing headers with 401', () => {
    expect(refusal(() => receive(signed(body, { secret: 'another-secret-entirely' }))).status).toBe(401);
    const tampered = signed(body);
    const changed = Buffer.from(tampered.rawBody.toString('utf8').replace('ai_handover', 'ai_handovex'));
    expect(refusal(() => receive({ ...tampered, rawBody: changed })).status).toBe(401);
    expect(refusal(() => receive({ rawBody: body, headers: {} } as never)).message).toMatch(/missing x-zendesk-webhook-signature/);
  });

  it('checks the bytes, not the JSON: re-serialised JSON with the same meaning fails', () => {
    const request = signed(body);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(refusal(() => receive({ ...request, rawBody: reserialised })).status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is outside the window (a replay), either side', () => {
    expect(refusal(() => receive(signed(body, { timestamp: '2026-11-02T10:09:00Z' }))).message).toMatch(/replay window/);
    expect(refusal(() => receive(signed(body, { timestamp: '2026-11-02T10:21:00Z' }))).status).toBe(401);
    expect(refusal(() => receive(signed(body, { timestamp: 'yesterday' }))).status).toBe(401);
    // Within 5 minutes is fine, and the window is configurable.
    expect(() => verifyZendeskSignature(signed(body, { timestamp: '2026-11-02T10:11:00Z' }), { signingSecret: SECRET, now: NOW })).not.toThrow();
    expect(() => verifyZendeskSignature(signed(body, { timestamp: '2026-11-02T10:11:00Z' }), { signingSecret: SECRET, now: NOW, toleranceSeconds: 60 })).toThrow(/replay/);
  });

  it('refuses a header sent twice and a signed body that is not JSON', () => {
    const request = signed(body);
    const twice = { ...request, headers: { ...request.headers, 'x-zendesk-webhook-signature': ['a', 'b'] } };
    expect(refusal(() => receive(twice as never)).status).toBe(400);
    expect(refusal(() => receive(signed('not json'))).message).toMatch(/not valid JSON/);
  });

  it('gives a replayed delivery the same event id, so storage can drop it', () => {
    const first = receive(signed(body))[0]!;
    const again = receive(signed(body, { timestamp: '2026-11-02T10:15:25Z' }))[0]!;
    expect(again.eventId).toBe(first.eventId);
    const trigger = fixtureBytes('zendesk', 'trigger-handover');
    const t1 = receive(signed(trigger))[0]!;
    const t2 = receive(signed(trigger))[0]!;
    expect(t1.eventId).toBe(t2.eventId);
    expect(t1.eventId).toMatch(/^sha256:/);
    // The invocation id is not signed: a captured delivery sent under another one is the same delivery.
    const withInvocation = (id: string) => {
      const request = signed(trigger);
      return zendeskReceiver.receive({ ...request, headers: { ...request.headers, 'x-zendesk-webhook-invocation-id': id } }, { signingSecret: SECRET, now: NOW })[0]!;
    };
    expect(withInvocation('8350205582').eventId).toBe(t1.eventId);
    expect(withInvocation('8350205583').eventId).toBe(t1.eventId);
  });
});

describe('Zendesk events normalised', () => {
  const one = (name: string, options: { handoffTag?: string; messagingTicketIsHandoff?: boolean } = {}) =>
    zendeskReceiver.receive(signed(fixtureBytes('zendesk', name)), { signingSecret: SECRET, now: NOW, ...options })[0]!;

  it('ticket.created with the handover tag is a handoff; with another configured tag it is not', () => {
    const event = one('event-ticket-created');
    expect(event).toMatchObject({ provider: 'zendesk', kind: 'ticket_created', ticketId: '5158', handoff: { reason: 'tag', tag: 'ai_handover' } });
    expect(event.raw).toMatchObject({ type: 'zen:event-type:ticket.created' });
    expect(one('event-ticket-created', { handoffTag: 'needs_human' }).handoff).toBeUndefined();
  });

  it('a messaging ticket (created when the bot transfers) is a bot handover unless turned off', () => {
    expect(one('event-ticket-created-messaging').handoff).toEqual({ reason: 'bot_handover', actor: 'native_messaging' });
    expect(one('event-ticket-created-messaging', { messagingTicketIsHandoff: false }).handoff).toBeUndefined();
  });

  it('other events update the record for metrics: first public agent reply, assignee, solved', () => {
    const comment = one('event-comment-added');
    expect(comment).toMatchObject({ kind: 'comment_added', update: { firstPublicAgentReplyAt: '2026-11-02T10:19:30Z' } });
    expect(comment.handoff).toBeUndefined();
    expect(one('event-agent-assignment-changed').update).toEqual({ assigneeId: '366110108' });
    expect(one('event-status-changed').update).toEqual({ status: 'solved', solvedAt: '2026-11-02T11:02:00Z' });
    expect(one('event-messaging-message-added')).toMatchObject({ kind: 'message_added', ticketId: '5170', update: { firstPublicAgentReplyAt: '2026-11-02T11:03:05.254571515Z' } });
  });

  it('a messaging message names the Sunshine conversation of its ticket (the link to a passControl handoff)', () => {
    const event = one('event-messaging-message-added');
    expect(event.messagingConversationId).toBe((fixture('zendesk', 'event-messaging-message-added') as { event: { conversation_id: string } }).event.conversation_id);
    expect(event.handoff).toBeUndefined();
    expect(one('event-comment-added').messagingConversationId).toBeUndefined();
  });

  it('a trigger webhook reads the space-separated tags Zendesk renders', () => {
    expect(one('trigger-handover')).toMatchObject({ kind: 'ticket_updated', vendorType: 'trigger', ticketId: '5158', tags: ['ai_handover', 'order_status'], handoff: { reason: 'tag' } });
  });

  it('names the missing field of a body that is neither an event nor the trigger shape', () => {
    const err = refusal(() => receive(signed(JSON.stringify({ hello: 'world' }))));
    expect(err).toMatchObject({ status: 400, field: 'ticket' });
    const noDetail = refusal(() => receive(signed(JSON.stringify({ type: 'zen:event-type:ticket.created', id: 'x1' }))));
    expect(noDetail).toMatchObject({ status: 400, field: 'detail' });
  });
});

describe('Sunshine Conversations webhooks', () => {
  const body = fixtureBytes('zendesk', 'sunshine-pass-control');
  const secret = 'sunco-webhook-secret-123';

  it('turns passControl to the Agent Workspace into a handoff for that conversation', () => {
    const [event] = sunshineReceiver.receive({ rawBody: body, headers: { 'x-api-key': secret } }, { webhookSecret: secret });
    expect(event).toMatchObject({
      provider: 'sunshine',
      eventId: '5f0ddb2c8a3d5a000c7a1e55',
      kind: 'pass_control',
      handoff: { reason: 'pass_control', conversationId: '67ab5f53a96f98663935c3f2', appId: '5ebee0975ac5304b664a12fa' },
    });
  });

  it('passing control to another bot is not a handoff', () => {
    const toBot = body.toString('utf8').replace('"zd:agentWorkspace"', '"zd:answerBot"').replace('"zd-agentWorkspace"', '"zd-answerBot"');
    const [event] = sunshineReceiver.receive({ rawBody: Buffer.from(toBot), headers: { 'x-api-key': secret } }, { webhookSecret: secret });
    expect(event!.handoff).toBeUndefined();
  });

  it('refuses a missing or wrong X-API-Key', () => {
    expect(refusal(() => sunshineReceiver.receive({ rawBody: body, headers: {} }, { webhookSecret: secret })).status).toBe(401);
    expect(refusal(() => sunshineReceiver.receive({ rawBody: body, headers: { 'x-api-key': 'sunco-webhook-secret-124' } }, { webhookSecret: secret })).status).toBe(401);
  });
});
