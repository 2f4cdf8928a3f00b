import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from '../helpers/vendor-fixtures';

/**
 * Local stand-ins of the Zendesk, Gorgias, Shopify GraphQL and AfterShip APIs for `npm run demo`:
 * they answer the calls Baton makes with the documented shapes (the fixtures under
 * test/fixtures/<vendor>/) and keep the notes and tags written to them, so the demo can show them.
 */
export interface StandIn {
  url: string;
  /** What Baton wrote: [method path, body]. */
  writes: { call: string; body: any }[];
  close(): Promise<void>;
}

type Handler = (method: string, path: string, query: URLSearchParams, body: any, writes: StandIn['writes']) => { status: number; body: unknown } | undefined;

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

async function serve(handler: Handler): Promise<StandIn> {
  const writes: StandIn['writes'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = await readBody(req);
    const answer = handler(req.method ?? 'GET', url.pathname, url.searchParams, body, writes) ?? { status: 404, body: { error: 'not found' } };
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    writes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function zendeskStandIn(): Promise<StandIn> {
  const notes: any[] = [];
  return serve((method, path, query, body, writes) => {
    if (method === 'GET' && path === '/api/v2/tickets/5158.json') return { status: 200, body: fixture('zendesk', 'api-ticket-5158') };
    if (method === 'GET' && path === '/api/v2/tickets/5158/comments.json') {
      if (query.get('page[after]')) {
        const page = fixture<any>('zendesk', 'api-comments-5158-page2');
        page.comments.push(...notes);
        return { status: 200, body: page };
      }
      return { status: 200, body: fixture('zendesk', 'api-comments-5158-page1') };
    }
    if (method === 'GET' && path === '/api/v2/users/8447388090494.json') return { status: 200, body: fixture('zendesk', 'api-user-requester') };
    if (method === 'GET' && path === '/api/v2/users/8447388090494/tickets/requested.json') return { status: 200, body: fixture('zendesk', 'api-requested-tickets') };
    if (method === 'GET' && path === '/api/v2/organizations/8447346622718.json') return { status: 200, body: fixture('zendesk', 'api-organization') };
    if (method === 'PUT' && path === '/api/v2/tickets/5158.json') {
      writes.push({ call: `${method} ${path}`, body });
      if (body?.ticket?.comment) notes.push({ id: 9000 + notes.length, author_id: 366110108, body: body.ticket.comment.body, public: false });
      return { status: 200, body: { ticket: { id: 5158 } } };
    }
    return undefined;
  });
}

export function gorgiasStandIn(): Promise<StandIn> {
  const notes: any[] = [];
  return serve((method, path, query, body, writes) => {
    if (method === 'GET' && path === '/api/tickets/40123') return { status: 200, body: fixture('gorgias', 'api-ticket-40123') };
    if (method === 'GET' && path === '/api/tickets/40123/messages') {
      if (query.get('cursor')) {
        const page = fixture<any>('gorgias', 'api-messages-40123-page2');
        page.data.push(...notes);
        return { status: 200, body: page };
      }
      return { status: 200, body: fixture('gorgias', 'api-messages-40123') };
    }
    if (method === 'GET' && path === '/api/customers/9981') return { status: 200, body: fixture('gorgias', 'api-customer-9981') };
    if (method === 'POST' && (path === '/api/tickets/40123/messages' || path === '/api/tickets/40123/tags')) {
      writes.push({ call: `${method} ${path}`, body });
      if (path.endsWith('/messages')) notes.push({ id: 780000 + notes.length, ...body });
      return { status: 201, body: {} };
    }
    return undefined;
  });
}

export function shopifyStandIn(): Promise<StandIn> {
  return serve((method, path) => (method === 'POST' && path === '/admin/api/2025-01/graphql.json' ? { status: 200, body: fixture('shopify', 'graphql-orders') } : undefined));
}

export function aftershipStandIn(): Promise<StandIn> {
  return serve((method, path, query) => {
    if (method !== 'GET' || path !== '/trackings') return undefined;
    return { status: 200, body: fixture('tracking', query.get('tracking_numbers') === '1Z999AA10123456784' ? 'aftership-in-transit' : 'aftership-none') };
  });
}
