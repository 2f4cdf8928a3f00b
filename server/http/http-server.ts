import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerClientErrors, rawJsonAnswer } from './client-errors';

const REQUEST_TIMEOUT_MS = 120_000;
const CHECK_EVERY_MS = 5_000;

/** Servers that are shutting down (closeHttpServer): their answers end their connections. */
const draining = new WeakSet<Server>();

/**
 * The API's HTTP server: what Node's parser refuses is answered as JSON (client-errors.ts), and a
 * missing Host is left to the app (request-head.ts), which answers it the same way; Node's own
 * answer to both is an empty status.
 */
export function createHttpServer(app: RequestListener, options: { requestTimeoutMs?: number; checkEveryMs?: number } = {}): Server {
  const server = createServer(
    {
      requireHostHeader: false,
      // A request (headers and body) must arrive whole within this, else 408: Node's default, five
      // minutes, lets a client hold a connection with a body shorter than its Content-Length. Two
      // minutes is still 1 MB at under 10 kB/s.
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Node looks for connections past those limits every 30 s by default, so a slow body was cut
      // at 2.5 minutes, not the 2 that docs/API.md promises; every 5 s keeps the promise.
      connectionsCheckingInterval: options.checkEveryMs ?? CHECK_EVERY_MS,
    },
    app,
  );
  answerClientErrors(server);
  answerConnect(server);
  closeKeepAliveWhenDraining(server);
  // An Expect other than 100-continue: Node answers an empty 417 unless someone listens.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: `Expect: ${String(req.headers.expect).slice(0, 100)} is not supported; only 100-continue is`, field: 'Expect' } });
    res.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.end(body);
  });
  return server;
}

/**
 * CONNECT asks for a tunnel, which Node hands to a 'connect' listener or, with none, closes without
 * a word. Baton is no proxy: answered 405 as JSON like any method a route does not have.
 */
function answerConnect(server: Server): void {
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end(rawJsonAnswer(405, { code: 'method_not_allowed', message: 'CONNECT is not supported: Baton is not a proxy', field: 'method' }));
    req.resume();
  });
}

/**
 * While the server drains, every request it reads is answered with `Connection: close`, so a
 * keep-alive connection that is busy when shutdown starts serves at most one more request instead of
 * taking new ones until its client stops (server.close() only ends the idle ones).
 */
function closeKeepAliveWhenDraining(server: Server): void {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining.has(server)) res.setHeader('Connection', 'close');
  });
}

/**
 * Stops the server: no new connections, idle keep-alive ones closed now, busy ones after their next
 * answer (closeKeepAliveWhenDraining); resolves when the last has closed.
 */
export function closeHttpServer(server: Server): Promise<void> {
  draining.add(server);
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
