import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BadRequestError } from '../../server/errors';
import type { HelpdeskEvent, HelpdeskEventKind, Receiver } from '../../server/connectors/types';
import { parseJsonBody, requireSecretHeader } from '../../server/connectors/webhook-auth';
import { firstIssue } from '../../server/validation';
import { handoffTagIn, tagNames } from './normalize';

/** Gorgias signs nothing: the admin adds this header, with the tenant's secret, to the HTTP integration. */
export const GORGIAS_SECRET_HEADER = 'x-baton-secret';

export const GORGIAS_EVENTS: Record<string, HelpdeskEventKind> = {
  'ticket-created': 'ticket_created',
  'ticket-updated': 'ticket_updated',
  'ticket-message-created': 'message_added',
};

export interface GorgiasReceiveOptions {
  secret: string;
  handoffTag: string;
}

const id = z.union([z.string().regex(/^\d{1,20}$/, 'must be a Gorgias ticket id'), z.number().int().positive()]).transform(String);

/**
 * The body Gorgias sends is the template the admin pasted (docs/GORGIAS.md). Only the ticket id is
 * required; tags, when present, let the handover be seen without a call back to the API.
 */
const body = z.looseObject({
  event: z.enum(Object.keys(GORGIAS_EVENTS) as [string, ...string[]], { error: 'must be ticket-created, ticket-updated or ticket-message-created' }).optional(),
  ticket: z.looseObject({
    id,
    tags: z.union([z.string(), z.array(z.union([z.string(), z.looseObject({ name: z.string() })]))]).optional(),
    updated_datetime: z.string().optional(),
    status: z.string().optional(),
  }),
});

export const gorgiasReceiver: Receiver<GorgiasReceiveOptions> = {
  provider: 'gorgias',
  receive(request, options): HelpdeskEvent[] {
    requireSecretHeader(request, GORGIAS_SECRET_HEADER, options.secret);
    const parsed = body.safeParse(parseJsonBody(request));
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, '(body)');
      throw new BadRequestError(`${field}: ${message}`, field);
    }
    const { event = 'ticket-updated', ticket } = parsed.data;
    const tags = ticket.tags === undefined ? undefined : tagNames(ticket.tags);
    const tag = tags ? handoffTagIn(tags, options.handoffTag) : undefined;
    return [
      {
        provider: 'gorgias',
        // No delivery id exists: the bytes are the identity, so a replayed delivery is one event.
        eventId: `sha256:${createHash('sha256').update(request.rawBody).digest('hex')}`,
        kind: GORGIAS_EVENTS[event]!,
        vendorType: event,
        ticketId: ticket.id,
        occurredAt: ticket.updated_datetime,
        ...(tags ? { tags } : {}),
        ...(tag ? { handoff: { reason: 'tag' as const, tag } } : {}),
        ...(ticket.status ? { update: { status: ticket.status.toLowerCase() } } : {}),
        raw: parsed.data,
      },
    ];
  },
};
