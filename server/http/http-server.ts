import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { answerClientErrors } from './client-errors';

const REQUEST_TIMEOUT_MS = 120_000;

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
      ...(options.checkEveryMs ? { connectionsCheckingInterval: options.checkEveryMs } : {}),
    },
    app,
  );
  answerClientErrors(server);
  // An Expect other than 100-continue: Node answers an empty 417 unless someone listens.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: `Expect: ${String(req.headers.expect).slice(0, 100)} is not supported; only 100-continue is`, field: 'Expect' } });
    res.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.end(body);
  });
  return server;
}
