import { z } from 'zod';
import { ticketSchema } from '../../server/domain/conversation';
import { BadRequestError, ValidationError } from '../../server/errors';
import type { HelpdeskEvent, InboundRequest, Receiver } from '../../server/connectors/types';
import { parseJsonBody, requireSecretHeader } from '../../server/connectors/webhook-auth';
import { firstIssue, storableDateTime } from '../../server/validation';
import { SUNSHINE_ID_MAX } from './conversation';

/**
 * Sunshine Conversations (Zendesk messaging's platform) v2 webhooks. They are not signed: each
 * webhook has a secret that Sunshine sends as `X-API-Key`, compared here in constant time.
 * `switchboard:passControl` to the Agent Workspace is the bot handing the conversation to people.
 */
export const SUNSHINE_SECRET_HEADER = 'x-api-key';
export const AGENT_WORKSPACE = 'zd:agentWorkspace';

/**
 * Events one delivery may carry (docs/CONNECTORS.md). Sunshine's v2 payload is an `events` array, and
 * its examples and the deliveries we see carry one event; its docs state no maximum. Each event is
 * stored with its job in its own transaction, so the answer's time grows with the count (1,000
 * events took 9.6 s on Postgres): past this bound the delivery is refused whole, nothing stored.
 */
export const MAX_EVENTS_PER_DELIVERY = 100;

export interface SunshineReceiveOptions {
  webhookSecret: string;
}

const webhookBody = z.looseObject({
  app: z.looseObject({ id: z.string().min(1) }),
  events: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(200),
        type: z.string().min(1),
        // Sunshine writes YYYY-MM-DDThh:mm:ss.SSSZ; it becomes the handoff conversation's time.
        createdAt: storableDateTime().optional(),
        payload: z.looseObject({}).optional().default({}),
      }),
    )
    .min(1),
});

const passControlPayload = z.looseObject({
  conversation: z.looseObject({
    id: z.string().min(1).max(SUNSHINE_ID_MAX, `must be at most ${SUNSHINE_ID_MAX} characters`),
    activeSwitchboardIntegration: z
      .looseObject({ name: z.string().optional(), integrationType: z.string().optional() })
      .optional(),
  }),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** The ticket a passControl's metadata names: an id as the rest of the API takes one (ticket.id). */
const metadataTicketId = z.union([ticketSchema.shape.id, z.number().int().nonnegative()], { error: 'must be a ticket id: 1 to 200 characters, or a whole number' }).transform(String);

/** The events array's length, checked before any event is read. */
function checkEventCount(body: unknown): void {
  const events = (body as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > MAX_EVENTS_PER_DELIVERY) {
    throw new ValidationError(`events: a delivery may carry at most ${MAX_EVENTS_PER_DELIVERY} events, this one has ${events.length}`, 'events');
  }
}

export const sunshineReceiver: Receiver<SunshineReceiveOptions> = {
  provider: 'sunshine',
  receive(request: InboundRequest, options): HelpdeskEvent[] {
    requireSecretHeader(request, SUNSHINE_SECRET_HEADER, options.webhookSecret);
    const body = parseJsonBody(request);
    checkEventCount(body);
    const parsed = webhookBody.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, '(body)');
      throw new BadRequestError(`${field}: ${message}`, field);
    }
    const appId = parsed.data.app.id;
    return parsed.data.events.map((event, index): HelpdeskEvent => {
      const base: HelpdeskEvent = { provider: 'sunshine', eventId: event.id, kind: 'other', vendorType: event.type, occurredAt: event.createdAt, raw: event };
      if (event.type !== 'switchboard:passControl') return base;
      const pass = passControlPayload.safeParse(event.payload);
      if (!pass.success) {
        // A handover of a conversation whose id cannot key a handoff is refused, not taken and dropped.
        const tooLong = pass.error.issues.find((issue) => issue.code === 'too_big' && issue.path.join('.') === 'conversation.id');
        if (tooLong) {
          const field = `events.${index}.payload.conversation.id`;
          throw new BadRequestError(`${field}: ${tooLong.message}`, field);
        }
        return base;
      }
      const target = pass.data.conversation.activeSwitchboardIntegration;
      // Control passed to another bot is not a handoff to people.
      const toAgents = target?.integrationType === AGENT_WORKSPACE || target?.name === 'zd-agentWorkspace';
      if (!toAgents) return { ...base, kind: 'pass_control' };
      const named = pass.data.metadata?.ticket_id;
      // Other kinds of value were never taken as a ticket; a string or number must be one the store can key by.
      const ticket = typeof named === 'string' || typeof named === 'number' ? metadataTicketId.safeParse(named) : undefined;
      if (ticket && !ticket.success) {
        const field = `events.${index}.payload.metadata.ticket_id`;
        throw new BadRequestError(`${field}: ${ticket.error.issues[0]!.message}`, field);
      }
      return {
        ...base,
        kind: 'pass_control',
        ...(ticket?.success ? { ticketId: ticket.data } : {}),
        handoff: { reason: 'pass_control', conversationId: pass.data.conversation.id, appId },
      };
    });
  },
};
