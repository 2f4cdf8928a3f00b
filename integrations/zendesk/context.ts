import type { ConnectorContext, ContextConnector } from '../../server/connectors/types';
import type { ZendeskClient, ZendeskTicket } from './client';

function ticketSummary(t: ZendeskTicket, url: (id: string) => string) {
  return { id: String(t.id), subject: t.subject ?? undefined, status: t.status, created_at: t.created_at, url: url(String(t.id)) };
}

/**
 * The helpdesk section of the brief: who the requester is, their organisation, and their recent
 * tickets (a pattern of repeat contact is visible at a glance).
 */
export class ZendeskContextConnector implements ContextConnector {
  readonly kind = 'zendesk';

  constructor(
    private readonly client: ZendeskClient,
    private readonly ticketUrl: (id: string) => string,
  ) {}

  async fetch(context: ConnectorContext, signal: AbortSignal): Promise<Record<string, unknown> | undefined> {
    if (context.ticket?.provider !== 'zendesk') return undefined;
    const ticket = await this.client.getTicket(context.ticket.id, signal);
    if (ticket.requester_id === undefined) return { ticket: ticketSummary(ticket, this.ticketUrl), summary: `ticket #${ticket.id}, ${ticket.status}` };
    const [requester, recent] = await Promise.all([
      this.client.getUser(ticket.requester_id, signal),
      this.client.recentTicketsOf(ticket.requester_id, signal),
    ]);
    const orgId = requester.organization_id ?? ticket.organization_id;
    const organization = orgId ? await this.client.getOrganization(orgId, signal) : undefined;
    const others = recent.filter((t) => t.id !== ticket.id);
    const open = others.filter((t) => !['solved', 'closed'].includes(t.status ?? '')).length;
    return {
      summary: `${requester.name ?? 'requester'}${organization?.name ? ` (${organization.name})` : ''}; ${others.length} other recent ticket(s), ${open} open`,
      ticket: ticketSummary(ticket, this.ticketUrl),
      requester: { id: String(requester.id), name: requester.name, email: requester.email ?? undefined, tags: requester.tags ?? [], created_at: requester.created_at, locale: requester.locale },
      organization: organization ? { id: String(organization.id), name: organization.name, tags: organization.tags ?? [] } : undefined,
      recent_tickets: others.map((t) => ticketSummary(t, this.ticketUrl)),
    };
  }
}
