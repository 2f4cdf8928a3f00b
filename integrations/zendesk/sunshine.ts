import { z } from 'zod';
import { BadRequestError } from '../../server/errors';
import type { HelpdeskEvent, InboundRequest, Receiver } from '../../server/connectors/types';
import { parseJsonBody, requireSecretHeader } from '../../server/connectors/webhook-auth';
import { firstIssue } from '../../server/validation';

/**
 * Sunshine Conversations (Zendesk messaging's platform) v2 webhooks. They are not signed: each
 * webhook has a secret that Sunshine sends as `X-API-Key`, compared here in constant time.
 * `switchboard:passControl` to the Agent Workspace is the bot handing the conversation to people.
 */
export const SUNSHINE_SECRET_HEADER = 'x-api-key';
export const AGENT_WORKSPACE = 'zd:agentWorkspace';

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
        createdAt: z.string().optional(),
        payload: z.looseObject({}).optional().default({}),
      }),
    )
    .min(1),
});

const passControlPayload = z.looseObject({
  conversation: z.looseObject({
    id: z.string().min(1).max(200),
    activeSwitchboardIntegration: z
      .looseObject({ name: z.string().optional(), integrationType: z.string().optional() })
      .optional(),
  }),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const sunshineReceiver: Receiver<SunshineReceiveOptions> = {
  provider: 'sunshine',
  receive(request: InboundRequest, options): HelpdeskEvent[] {
    requireSecretHeader(request, SUNSHINE_SECRET_HEADER, options.webhookSecret);
    const parsed = webhookBody.safeParse(parseJsonBody(request));
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, '(body)');
      throw new BadRequestError(`${field}: ${message}`, field);
    }
    const appId = parsed.data.app.id;
    return parsed.data.events.map((event): HelpdeskEvent => {
      const base: HelpdeskEvent = { provider: 'sunshine', eventId: event.id, kind: 'other', vendorType: event.type, occurredAt: event.createdAt, raw: event };
      if (event.type !== 'switchboard:passControl') return base;
      const pass = passControlPayload.safeParse(event.payload);
      if (!pass.success) return base;
      const target = pass.data.conversation.activeSwitchboardIntegration;
      // Control passed to another bot is not a handoff to people.
      const toAgents = target?.integrationType === AGENT_WORKSPACE || target?.name === 'zd-agentWorkspace';
      if (!toAgents) return { ...base, kind: 'pass_control' };
      const ticketId = pass.data.metadata?.ticket_id;
      return {
        ...base,
        kind: 'pass_control',
        ...(typeof ticketId === 'string' || typeof ticketId === 'number' ? { ticketId: String(ticketId) } : {}),
        handoff: { reason: 'pass_control', conversationId: pass.data.conversation.id, appId },
      };
    });
  },
};
