import type { ConnectorContext, ContextConnector } from '../../server/connectors/types';
import type { GorgiasClient } from './client';
import { tagNames } from './normalize';

/** The helpdesk section of the brief for a Gorgias ticket: the customer and the ticket's state. */
export class GorgiasContextConnector implements ContextConnector {
  readonly kind = 'gorgias';

  constructor(
    private readonly client: GorgiasClient,
    private readonly ticketUrl: (id: string) => string,
  ) {}

  async fetch(context: ConnectorContext, signal: AbortSignal): Promise<Record<string, unknown> | undefined> {
    if (context.ticket?.provider !== 'gorgias') return undefined;
    const ticket = await this.client.getTicket(context.ticket.id, signal);
    const customer = ticket.customer?.id != null ? await this.client.getCustomer(ticket.customer.id, signal) : undefined;
    return {
      summary: `${customer?.name ?? customer?.email ?? 'customer'}; ticket ${ticket.status ?? 'open'} on ${ticket.channel ?? 'unknown channel'}`,
      ticket: { id: String(ticket.id), status: ticket.status, channel: ticket.channel, tags: tagNames(ticket.tags ?? []), url: this.ticketUrl(String(ticket.id)) },
      customer: customer ? { id: String(customer.id), name: customer.name ?? undefined, email: customer.email ?? undefined, created_at: customer.created_datetime ?? undefined } : undefined,
    };
  }
}
