import type { AxiosInstance } from 'axios';
import type { Conversation } from '../../server/domain/conversation';
import type { HelpdeskEvent, InboundRequest } from '../../server/connectors/types';
import { UpstreamError } from '../../server/errors';
import { createZendeskHttp, ZendeskClient, type ZendeskAuth } from './client';
import { ZendeskContextConnector } from './context';
import { sunshineConversation, sunshineConversationKey, ticketConversation } from './conversation';
import { zendeskReceiver } from './receiver';
import { storedZendeskSettingsSchema, zendeskSecretsSchema, zendeskSettingsSchema, zendeskTicketUrl, type ZendeskSecrets, type ZendeskSettings } from './settings';

export { zendeskSettingsSchema, zendeskSecretsSchema, type ZendeskSettings, type ZendeskSecrets };
import { sunshineReceiver } from './sunshine';
import { createSunshineHttp, SunshineClient } from './sunshine-client';
import { ZendeskHelpdeskWriter } from './write-back';

export { zendeskSignature } from './receiver';

export interface ZendeskIntegrationOptions {
  settings: ZendeskSettings;
  secrets: ZendeskSecrets;
  /** Given in tests; built from the settings otherwise. */
  http?: AxiosInstance;
  sunshineHttp?: AxiosInstance;
}

function authOf(settings: ZendeskSettings, secrets: ZendeskSecrets): ZendeskAuth {
  if (secrets.oauth_token) return { oauthToken: secrets.oauth_token };
  if (secrets.api_token && settings.email) return { email: settings.email, apiToken: secrets.api_token };
  throw new UpstreamError('Zendesk: set email with api_token, or oauth_token', false);
}

/**
 * Everything Baton does with one tenant's Zendesk, built from its settings: the receivers, the
 * context connector, the write-back, and the loader that turns a handoff event into a Conversation.
 */
export function zendeskIntegration(options: ZendeskIntegrationOptions) {
  const { settings, secrets } = options;
  const baseUrl = settings.api_base_url ?? `https://${settings.subdomain}.zendesk.com`;
  const http = options.http ?? createZendeskHttp({ baseUrl, auth: authOf(settings, secrets) });
  const client = new ZendeskClient(http);
  const ticketUrl = (id: string) => zendeskTicketUrl(settings.subdomain, id);
  const sunshine =
    settings.sunshine_app_id && (options.sunshineHttp || (settings.sunshine_key_id && secrets.sunshine_key_secret))
      ? new SunshineClient(
          options.sunshineHttp ??
            createSunshineHttp({
              baseUrl: settings.sunshine_base_url ?? `https://${settings.subdomain}.zendesk.com/sc`,
              keyId: settings.sunshine_key_id!,
              secret: secrets.sunshine_key_secret!,
            }),
        )
      : undefined;

  return {
    provider: 'zendesk' as const,
    client,
    ticketUrl,
    connector: new ZendeskContextConnector(client, ticketUrl),
    writer: new ZendeskHelpdeskWriter(client, settings.group_ids),

    receive(request: InboundRequest, now: Date): HelpdeskEvent[] {
      return zendeskReceiver.receive(request, {
        signingSecret: secrets.webhook_secret,
        now,
        handoffTag: settings.handoff_tag,
        // With Sunshine Conversations connected, its passControl is the messaging handoff and the
        // ticket is linked to it later (ticketLink); the ticket's creation is not a second one.
        messagingTicketIsHandoff: settings.messaging_ticket_is_handoff ?? !secrets.sunshine_webhook_secret,
      });
    },

    /** Sunshine Conversations webhooks; refused when the tenant has not set their secret. */
    receiveSunshine(request: InboundRequest): HelpdeskEvent[] {
      if (!secrets.sunshine_webhook_secret) throw new UpstreamError('Sunshine Conversations is not connected for this tenant', false);
      return sunshineReceiver.receive(request, { webhookSecret: secrets.sunshine_webhook_secret });
    },

    /** A messaging ticket event naming its Sunshine conversation: the passControl handoff gets this ticket. */
    ticketLink(event: HelpdeskEvent): { conversationId: string; ticket: { provider: string; id: string; url: string } } | undefined {
      if (event.provider !== 'zendesk' || !event.ticketId || !event.messagingConversationId) return undefined;
      return { conversationId: sunshineConversationKey(event.messagingConversationId), ticket: { provider: 'zendesk', id: event.ticketId, url: ticketUrl(event.ticketId) } };
    },

    /** The conversation behind a handoff event: the full messaging transcript, or the ticket with its comments and requester. */
    async loadConversation(event: HelpdeskEvent, signal?: AbortSignal): Promise<Conversation> {
      const handoff = event.handoff;
      if (handoff?.reason === 'pass_control') {
        if (!sunshine) throw new UpstreamError('Sunshine Conversations API is not configured (sunshine_app_id, sunshine_key_id, sunshine_key_secret)', false);
        const messages = await sunshine.listMessages(handoff.appId ?? settings.sunshine_app_id!, handoff.conversationId, signal);
        return sunshineConversation({
          conversationId: handoff.conversationId,
          messages,
          ticketId: event.ticketId,
          ticketUrl: event.ticketId ? ticketUrl(event.ticketId) : undefined,
          occurredAt: event.occurredAt,
        });
      }
      if (!event.ticketId) throw new UpstreamError('Zendesk event names no ticket', false);
      const ticket = await client.getTicket(event.ticketId, signal);
      // Read before any call starts: a throw while the array below is built would leave the calls
      // already started with no one to catch their failure.
      const requesterId = ticket.requester_id;
      const [comments, requester, recentTickets] = await Promise.all([
        client.listComments(event.ticketId, signal),
        requesterId != null ? client.getUser(requesterId, signal) : Promise.resolve(undefined),
        requesterId != null ? client.recentTicketsOf(requesterId, signal) : Promise.resolve([]),
      ]);
      const orgId = requester?.organization_id ?? ticket.organization_id;
      const organization = orgId ? await client.getOrganization(orgId, signal) : undefined;
      return ticketConversation({
        ticket,
        comments,
        requester,
        organization,
        recentTickets,
        ticketUrl: ticketUrl(event.ticketId),
        botUserIds: settings.bot_user_ids,
        occurredAt: event.occurredAt,
      });
    },
  };
}

export type ZendeskIntegration = ReturnType<typeof zendeskIntegration>;

/** Registered in server/integrations/registry.ts. */
export const zendeskDefinition = {
  provider: 'zendesk',
  settingsSchema: zendeskSettingsSchema,
  storedSettingsSchema: storedZendeskSettingsSchema,
  secretsSchema: zendeskSecretsSchema,
  build(settings: ZendeskSettings, secrets: ZendeskSecrets) {
    const zendesk = zendeskIntegration({ settings, secrets });
    return {
      connector: zendesk.connector,
      writer: zendesk.writer,
      // Sunshine's webhook exists only once its secret is set: before that, /webhooks/sunshine/:tenant
      // is a 404 naming the missing integration, as for any source the tenant has not connected.
      webhooks: {
        zendesk: { receive: (request: InboundRequest, now: Date) => zendesk.receive(request, now) },
        ...(secrets.sunshine_webhook_secret ? { sunshine: { receive: (request: InboundRequest) => zendesk.receiveSunshine(request) } } : {}),
      },
      resolveHandoff: async (event: HelpdeskEvent, signal?: AbortSignal) => (event.handoff ? zendesk.loadConversation(event, signal) : undefined),
      ticketLink: (event: HelpdeskEvent) => zendesk.ticketLink(event),
    };
  },
};
