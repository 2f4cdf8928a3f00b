import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completion, modelAnswer } from './chat-completion';

/**
 * A small OpenAI-compatible server on loopback (POST /v1/chat/completions only), for end-to-end
 * tests of a real Baton process. It records every request as received and answers as `respond`
 * says; by default a valid brief built from the request's own document.
 */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, to search for secrets. */
  raw: string;
  body: { model: string; messages: Array<{ role: string; content: string }>; response_format: { type: string } };
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Hold the answer this long (a slow model). */
  delayMs?: number;
}

export interface FakeOpenAI {
  /** The base URL to give OPENAI_BASE_URL, ending in /v1. */
  baseUrl: string;
  requests: ReceivedRequest[];
  respond: (request: ReceivedRequest) => FakeReply;
  close(): Promise<void>;
}

/** The default answer: a brief that names the customer and the decision's category from the document. */
export function briefReply(request: ReceivedRequest): FakeReply {
  const document = JSON.parse(request.body.messages[1]!.content) as { customer: { name: string | null } | null; decision: { category: string } };
  const name = document.customer?.name ?? 'there';
  return {
    status: 200,
    body: completion({
      content: JSON.stringify(
        modelAnswer({
          summary: `${name} needs help with a ${document.decision.category.replace('_', ' ')} problem the assistant could not solve.`,
          warm_intro: `Hi ${name}, I'm taking over from our assistant and I have the whole conversation in front of me.`,
        }),
      ),
    }),
  };
}

export async function startFakeOpenAI(respond: (request: ReceivedRequest) => FakeReply = briefReply): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { baseUrl: '', requests: [], respond, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const request: ReceivedRequest = { path: req.url, headers: req.headers, raw, body: JSON.parse(raw) };
      fake.requests.push(request);
      const reply = fake.respond(request);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
