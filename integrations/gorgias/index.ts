import type { AxiosInstance } from 'axios';
import type { Conversation } from '../../server/domain/conversation';
import type { HelpdeskEvent, InboundRequest } from '../../server/connectors/types';
import { createGorgiasHttp, GorgiasClient } from './client';
import { GorgiasContextConnector } from './context';
import { gorgiasConversation, handoffTagIn, tagNames } from './normalize';
import { gorgiasReceiver } from './receiver';
import { gorgiasSecretsSchema, gorgiasSettingsSchema, gorgiasTicketUrl, type GorgiasSecrets, type GorgiasSettings } from './settings';

export { gorgiasSettingsSchema, gorgiasSecretsSchema, type GorgiasSettings, type GorgiasSecrets };
import { GorgiasHelpdeskWriter } from './write-back';

export { GORGIAS_SECRET_HEADER } from './receiver';
export { widgetView, noWidgetBrief, WIDGET_SHAPE, type WidgetView } from './widget';

export interface GorgiasIntegrationOptions {
  settings: GorgiasSettings;
  secrets: GorgiasSecrets;
  http?: AxiosInstance;
}

/** Everything Baton does with one tenant's Gorgias account. */
export function gorgiasIntegration(options: GorgiasIntegrationOptions) {
  const { settings, secrets } = options;
  const http =
    options.http ??
    createGorgiasHttp({ baseUrl: settings.api_base_url ?? `https://${settings.domain}.gorgias.com`, email: settings.email, apiKey: secrets.api_key });
  const client = new GorgiasClient(http);
  const ticketUrl = (id: string) => gorgiasTicketUrl(settings.domain, id);

  return {
    provider: 'gorgias' as const,
    client,
    ticketUrl,
    connector: new GorgiasContextConnector(client, ticketUrl),
    writer: new GorgiasHelpdeskWriter(client, settings.email),

    receive(request: InboundRequest): HelpdeskEvent[] {
      return gorgiasReceiver.receive(request, { secret: secrets.webhook_secret, handoffTag: settings.handoff_tag });
    },

    /** The secret the widget request must carry (same header as the webhooks). */
    webhookSecret: secrets.webhook_secret,

    /**
     * The conversation when this event is a handoff, else undefined. A body without tags is checked
     * against the ticket's tags from the API (the admin's template may not send them).
     */
    async resolveHandoff(event: HelpdeskEvent, signal?: AbortSignal): Promise<Conversation | undefined> {
      if (!event.ticketId) return undefined;
      if (event.tags && !event.handoff) return undefined;
      const ticket = await client.getTicket(event.ticketId, signal);
      if (!handoffTagIn(tagNames(ticket.tags ?? []), settings.handoff_tag)) return undefined;
      const [messages, customer] = await Promise.all([
        client.listMessages(event.ticketId, signal),
        ticket.customer?.id != null ? client.getCustomer(ticket.customer.id, signal) : Promise.resolve(undefined),
      ]);
      const conversation = gorgiasConversation({ ticket, messages, customer, ticketUrl: ticketUrl(event.ticketId), botSenderEmails: settings.bot_sender_emails });
      if (event.occurredAt) conversation.occurred_at = event.occurredAt;
      return conversation;
    },
  };
}

export type GorgiasIntegration = ReturnType<typeof gorgiasIntegration>;

/** Registered in server/integrations/registry.ts. */
export const gorgiasDefinition = {
  provider: 'gorgias',
  settingsSchema: gorgiasSettingsSchema,
  secretsSchema: gorgiasSecretsSchema,
  build(settings: GorgiasSettings, secrets: GorgiasSecrets) {
    const gorgias = gorgiasIntegration({ settings, secrets });
    return {
      connector: gorgias.connector,
      writer: gorgias.writer,
      webhooks: { gorgias: { receive: (request: InboundRequest) => gorgias.receive(request) } },
      resolveHandoff: (event: HelpdeskEvent, signal?: AbortSignal) => gorgias.resolveHandoff(event, signal),
      widgetSecret: secrets.webhook_secret,
    };
  },
};
