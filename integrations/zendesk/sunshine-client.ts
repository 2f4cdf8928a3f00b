import type { AxiosInstance } from 'axios';
import { createVendorHttp, vendorField } from '../../server/connectors/vendor-http';

/** A Sunshine Conversations v2 message, as `GET …/conversations/{id}/messages` returns it. */
export interface SunshineMessage {
  id: string;
  received?: string;
  author: { type: 'user' | 'business'; displayName?: string; userId?: string; subtypes?: string[] };
  content: { type: string; text?: string; altText?: string };
  source?: { type?: string; integrationId?: string };
}

/** Enough for any real conversation; a runaway one is cut rather than read forever. */
const MAX_PAGES = 20;

export function createSunshineHttp(options: { baseUrl: string; keyId: string; secret: string; timeoutMs?: number }): AxiosInstance {
  const basic = Buffer.from(`${options.keyId}:${options.secret}`, 'utf8').toString('base64');
  return createVendorHttp({ baseURL: options.baseUrl, headers: { Authorization: `Basic ${basic}` }, timeoutMs: options.timeoutMs });
}

/**
 * The Conversations API, for the whole transcript: agents otherwise see only the bot's last ten
 * messages. Pages go backwards in time (`page[before]`), so they are put back in order at the end.
 */
export class SunshineClient {
  constructor(private readonly http: AxiosInstance) {}

  async listMessages(appId: string, conversationId: string, signal?: AbortSignal): Promise<SunshineMessage[]> {
    const pages: SunshineMessage[][] = [];
    let before: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { data } = await this.http.get<{ messages: SunshineMessage[]; meta?: { hasMore?: boolean; beforeCursor?: string } }>(
        `/v2/apps/${encodeURIComponent(appId)}/conversations/${encodeURIComponent(conversationId)}/messages`,
        { params: before ? { 'page[before]': before } : {}, signal },
      );
      pages.unshift(vendorField<SunshineMessage[]>('Sunshine Conversations', data, 'messages', 'array'));
      if (!data.meta?.hasMore || !data.meta.beforeCursor) break;
      before = data.meta.beforeCursor;
    }
    return pages.flat();
  }
}
