import type { AxiosInstance } from 'axios';
import { createVendorHttp, vendorField } from '../../server/connectors/vendor-http';
import { RequestWindow } from '../../server/connectors/request-window';

/** The parts of Gorgias's Ticket, TicketMessage and Customer objects Baton reads. */
export interface GorgiasCustomer {
  id: number;
  email?: string | null;
  name?: string | null;
  created_datetime?: string | null;
  [key: string]: unknown;
}

export interface GorgiasTicket {
  id: number;
  status?: string;
  channel?: string;
  subject?: string | null;
  customer?: GorgiasCustomer;
  tags?: { id?: number; name: string }[];
  created_datetime?: string;
  updated_datetime?: string;
  [key: string]: unknown;
}

export interface GorgiasMessage {
  id: number;
  ticket_id?: number;
  channel?: string;
  via?: string;
  from_agent?: boolean;
  public?: boolean;
  sender?: { id?: number; email?: string | null; name?: string | null };
  body_text?: string | null;
  stripped_text?: string | null;
  external_id?: string | null;
  created_datetime?: string;
}

/** A Gorgias user: the people (and bots) working the helpdesk; customers are a separate resource. */
export interface GorgiasUser {
  id: number;
  email?: string | null;
  name?: string | null;
  active?: boolean;
  role?: { name?: string } | null;
}

const MAX_PAGES = 20;

/** Gorgias's documented limit for API-key clients: 40 requests in any 20 seconds per account. */
export const GORGIAS_WINDOW = { limit: 40, windowMs: 20_000 };

export function createGorgiasHttp(options: { baseUrl: string; email: string; apiKey: string; window?: RequestWindow; timeoutMs?: number }): AxiosInstance {
  const basic = Buffer.from(`${options.email}:${options.apiKey}`, 'utf8').toString('base64');
  const http = createVendorHttp({ baseURL: options.baseUrl, headers: { Authorization: `Basic ${basic}` }, timeoutMs: options.timeoutMs });
  const window = options.window ?? new RequestWindow(GORGIAS_WINDOW.limit, GORGIAS_WINDOW.windowMs);
  // Stay under the limit rather than collect 429s; a 429 that still comes is retried after Retry-After.
  http.interceptors.request.use(async (config) => {
    await window.take(config.signal as AbortSignal | undefined);
    return config;
  });
  return http;
}

export class GorgiasClient {
  constructor(private readonly http: AxiosInstance) {}

  async getTicket(ticketId: string, signal?: AbortSignal): Promise<GorgiasTicket> {
    const { data } = await this.http.get<GorgiasTicket>(`/api/tickets/${encodeURIComponent(ticketId)}`, { signal });
    return vendorField<GorgiasTicket>('Gorgias', data, undefined, 'object');
  }

  /** Every message of the ticket, through cursor pagination. */
  async listMessages(ticketId: string, signal?: AbortSignal): Promise<GorgiasMessage[]> {
    const messages: GorgiasMessage[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { data } = await this.http.get<{ data: GorgiasMessage[]; meta?: { next_cursor?: string | null } }>(
        `/api/tickets/${encodeURIComponent(ticketId)}/messages`,
        { params: { limit: 100, ...(cursor ? { cursor } : {}) }, signal },
      );
      messages.push(...vendorField<GorgiasMessage[]>('Gorgias', data, 'data', 'array'));
      if (!data.meta?.next_cursor) break;
      cursor = data.meta.next_cursor;
    }
    return messages;
  }

  async getCustomer(customerId: string | number, signal?: AbortSignal): Promise<GorgiasCustomer> {
    const { data } = await this.http.get<GorgiasCustomer>(`/api/customers/${encodeURIComponent(String(customerId))}`, { signal });
    return vendorField<GorgiasCustomer>('Gorgias', data, undefined, 'object');
  }

  /** An internal note (`channel: internal-note`), never sent to the customer. */
  async addInternalNote(ticketId: string, note: { bodyText: string; bodyHtml: string; senderEmail: string; externalId: string }, signal?: AbortSignal): Promise<void> {
    await this.http.post(
      `/api/tickets/${encodeURIComponent(ticketId)}/messages`,
      {
        channel: 'internal-note',
        via: 'api',
        from_agent: true,
        public: false,
        sender: { email: note.senderEmail },
        body_text: note.bodyText,
        body_html: note.bodyHtml,
        external_id: note.externalId,
      },
      { signal },
    );
  }

  /** Users whose email is `email` (`GET /api/users?email=`), from the first page: an address is one user. */
  async findUsersByEmail(email: string, signal?: AbortSignal): Promise<GorgiasUser[]> {
    const { data } = await this.http.get<{ data: GorgiasUser[] }>('/api/users', { params: { email, limit: 30 }, signal });
    return data.data ?? [];
  }

  /** Assigns the ticket to a user (`PUT /api/tickets/{id}` with `assignee_user`). */
  async assignTicket(ticketId: string, userId: number, signal?: AbortSignal): Promise<void> {
    await this.http.put(`/api/tickets/${encodeURIComponent(ticketId)}`, { assignee_user: { id: userId } }, { signal });
  }

  /** Adds tags (POST adds; PUT would replace the ticket's own). */
  async addTags(ticketId: string, names: string[], signal?: AbortSignal): Promise<void> {
    await this.http.post(`/api/tickets/${encodeURIComponent(ticketId)}/tags`, { names }, { signal });
  }
}
