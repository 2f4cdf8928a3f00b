import { createServer, type RequestListener, type Server } from 'node:http';
import { answerClientErrors } from './client-errors';

/**
 * The API's HTTP server: what Node's parser refuses is answered as JSON (client-errors.ts), and a
 * missing Host is left to the app (request-head.ts), which answers it the same way; Node's own
 * answer to both is an empty status.
 */
export function createHttpServer(app: RequestListener): Server {
  const server = createServer({ requireHostHeader: false }, app);
  answerClientErrors(server);
  return server;
}
