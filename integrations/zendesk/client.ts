import type { AxiosInstance } from 'axios';
import { createVendorHttp, vendorField } from '../../server/connectors/vendor-http';

/** The parts of Zendesk's Support API objects Baton reads (names as the API spells them). */
export interface ZendeskTicket {
  id: number;
  subject?: string | null;
  description?: string | null;
  status?: string;
  priority?: string | null;
  tags?: string[];
  requester_id?: number;
  organization_id?: number | null;
  group_id?: number | null;
  assignee_id?: number | null;
  via?: { channel?: string };
  created_at?: string;
  updated_at?: string;
  [key: string]: unknown;
}

export interface ZendeskComment {
  id: number;
  author_id: number;
  body?: string;
  plain_body?: string;
  public: boolean;
  created_at?: string;
  via?: { channel?: string };
}

export interface ZendeskUser {
  id: number;
  name?: string;
  email?: string | null;
  phone?: string | null;
  role?: string;
  tags?: string[];
  organization_id?: number | null;
  created_at?: string;
  time_zone?: string;
  locale?: string;
}

export interface ZendeskOrganization {
  id: number;
  name?: string;
  tags?: string[];
  domain_names?: string[];
}

export type ZendeskAuth = { email: string; apiToken: string } | { oauthToken: string };

/** Zendesk's documented page size ceiling for cursor pagination. */
const PAGE_SIZE = 100;
/** A ticket with more comments than this is read up to here; the brief needs the gist, not all. */
const MAX_COMMENT_PAGES = 20;

export function zendeskAuthHeader(auth: ZendeskAuth): string {
  if ('oauthToken' in auth) return `Bearer ${auth.oauthToken}`;
  // API token auth: "{email}/token:{api_token}", base64, as Basic credentials.
  return `Basic ${Buffer.from(`${auth.email}/token:${auth.apiToken}`, 'utf8').toString('base64')}`;
}

export function createZendeskHttp(options: { baseUrl: string; auth: ZendeskAuth; timeoutMs?: number }): AxiosInstance {
  return createVendorHttp({ baseURL: options.baseUrl, headers: { Authorization: zendeskAuthHeader(options.auth) }, timeoutMs: options.timeoutMs });
}

export interface TicketUpdateBody {
  comment?: { body: string; public: false };
  additional_tags?: string[];
  group_id?: number;
  assignee_id?: number;
}

/** Zendesk's Support API, the calls Baton makes and nothing more. */
export class ZendeskClient {
  constructor(private readonly http: AxiosInstance) {}

  async getTicket(ticketId: string, signal?: AbortSignal): Promise<ZendeskTicket> {
    const { data } = await this.http.get<{ ticket: ZendeskTicket }>(`/api/v2/tickets/${encodeURIComponent(ticketId)}.json`, { signal });
    return vendorField<ZendeskTicket>('Zendesk', data, 'ticket', 'object');
  }

  /** Every comment, oldest first, through cursor pagination (`page[size]`, `page[after]`). */
  async listComments(ticketId: string, signal?: AbortSignal): Promise<ZendeskComment[]> {
    const comments: ZendeskComment[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_COMMENT_PAGES; page += 1) {
      const params: Record<string, string | number> = { 'page[size]': PAGE_SIZE };
      if (after) params['page[after]'] = after;
      const { data } = await this.http.get<{ comments: ZendeskComment[]; meta?: { has_more?: boolean; after_cursor?: string | null } }>(
        `/api/v2/tickets/${encodeURIComponent(ticketId)}/comments.json`,
        { params, signal },
      );
      comments.push(...vendorField<ZendeskComment[]>('Zendesk', data, 'comments', 'array'));
      // The cursor, not links.next: a URL from the response could point anywhere.
      if (!data.meta?.has_more || !data.meta.after_cursor) break;
      after = data.meta.after_cursor;
    }
    return comments;
  }

  async getUser(userId: string | number, signal?: AbortSignal): Promise<ZendeskUser> {
    const { data } = await this.http.get<{ user: ZendeskUser }>(`/api/v2/users/${encodeURIComponent(String(userId))}.json`, { signal });
    return vendorField<ZendeskUser>('Zendesk', data, 'user', 'object');
  }

  async getOrganization(orgId: string | number, signal?: AbortSignal): Promise<ZendeskOrganization> {
    const { data } = await this.http.get<{ organization: ZendeskOrganization }>(
      `/api/v2/organizations/${encodeURIComponent(String(orgId))}.json`,
      { signal },
    );
    return vendorField<ZendeskOrganization>('Zendesk', data, 'organization', 'object');
  }

  /** The requester's most recent tickets, newest first (for repeat contact). */
  async recentTicketsOf(userId: string | number, signal?: AbortSignal, count = 10): Promise<ZendeskTicket[]> {
    const { data } = await this.http.get<{ tickets: ZendeskTicket[] }>(
      `/api/v2/users/${encodeURIComponent(String(userId))}/tickets/requested.json`,
      { params: { sort_by: 'created_at', sort_order: 'desc', per_page: count }, signal },
    );
    return vendorField<ZendeskTicket[]>('Zendesk', data, 'tickets', 'array');
  }

  /** The agent (or admin) with exactly this email, for assigning a ticket claimed in Slack. */
  async findAgentByEmail(email: string, signal?: AbortSignal): Promise<ZendeskUser | undefined> {
    const { data } = await this.http.get<{ users: ZendeskUser[] }>('/api/v2/users/search.json', { params: { query: `email:${email}` }, signal });
    const wanted = email.trim().toLowerCase();
    return vendorField<ZendeskUser[]>('Zendesk', data, 'users', 'array').find((u) => (u.role === 'agent' || u.role === 'admin') && u.email?.toLowerCase() === wanted);
  }

  /** One update: an internal note, tags added to the ticket's own, and the group. */
  async updateTicket(ticketId: string, ticket: TicketUpdateBody, signal?: AbortSignal): Promise<void> {
    await this.http.put(`/api/v2/tickets/${encodeURIComponent(ticketId)}.json`, { ticket }, { signal });
  }
}
