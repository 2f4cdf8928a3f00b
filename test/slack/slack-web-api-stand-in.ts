import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API on 127.0.0.1, speaking its documented shapes (form or JSON body in,
 * `{ ok: true, … }` out), for tests and demos that run the whole server. It keeps every call and the
 * channel's messages (with their metadata), so `conversations.history` finds what was posted.
 */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

export interface SlackStandIn {
  /** The base URL to give the Web API client (`SLACK_API_URL`), ending in `/api/`. */
  apiUrl: string;
  calls: RecordedCall[];
  /** Users and whether they are workspace admins, for users.info. */
  users: Map<string, { email?: string; is_admin?: boolean }>;
  /** When set, chat.postMessage answers `{ ok: false, error: postFailure }` and posts nothing. */
  postFailure?: string;
  close(): Promise<void>;
}

export interface SlackStandInOptions {
  /**
   * How long chat.postMessage takes; the message reaches the channel (and its history) only when it
   * is answered, as a slow Slack would, so a second job racing the first cannot see it yet.
   */
  postDelayMs?: number;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, metadata) as JSON strings in form fields.
    try {
      body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      body[key] = value;
    }
  }
  return body;
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const users = new Map<string, { email?: string; is_admin?: boolean }>();
  const messages = new Map<string, Array<Record<string, unknown>>>();
  let clock = 1_700_000_000;

  const standIn = {} as SlackStandIn;
  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const body = await readBody(req);
    calls.push({ method, body });
    const reply = (payload: Record<string, unknown>) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...payload }));
    };
    switch (method) {
      case 'chat.postMessage': {
        if (options.postDelayMs) await new Promise((resolve) => setTimeout(resolve, options.postDelayMs));
        if (standIn.postFailure) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: standIn.postFailure }));
          return;
        }
        const channel = String(body.channel);
        clock += 1;
        const ts = `${clock}.000100`;
        const list = messages.get(channel) ?? [];
        if (!body.thread_ts) list.push({ type: 'message', ts, text: body.text, metadata: body.metadata });
        messages.set(channel, list);
        return reply({ channel, ts });
      }
      case 'conversations.history':
        return reply({ messages: [...(messages.get(String(body.channel)) ?? [])].reverse(), has_more: false });
      case 'users.info': {
        const user = users.get(String(body.user)) ?? {};
        return reply({ user: { id: body.user, is_admin: Boolean(user.is_admin), profile: { email: user.email } } });
      }
      case 'chat.update':
        return reply({ channel: body.channel, ts: body.ts });
      default:
        return reply({});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    users,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
