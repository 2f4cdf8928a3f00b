import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex, Writable } from 'node:stream';

/** How long a refused connection may keep sending before it is cut. */
const DRAIN_MS = 2000;
/** How long the answer to a valid request pipelined before a refused one may take before both are cut. */
const ANSWER_WAIT_MS = 60_000;

/** Our answer to each refusal of Node's parser, as Baton's JSON error. */
const ANSWERS = {
  431: { code: 'headers_too_large', message: 'the request line and headers exceed 16 KB' },
  408: { code: 'request_timeout', message: 'the request took too long to arrive' },
  400: { code: 'bad_request', message: 'not a valid HTTP request' },
} as const;

function statusOf(code: string | undefined): keyof typeof ANSWERS {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_HEADER_TIMEOUT' || code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (a request line and headers over
 * 16 KB, a malformed request): answered like every other error, as JSON, and the rest of what the
 * client sends is read and dropped before the connection closes. Node's default answer is the
 * status alone and closes at once; with the client's bytes still unread the close is a TCP reset,
 * which can reach the client before the answer (about 1 in 100 requests with a 100 kB URL).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = () => {
      const status = statusOf(err.code);
      const body = JSON.stringify({ error: ANSWERS[status] });
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      // Read and drop what is still coming, so closing is not a reset that overtakes the answer.
      socket.resume();
      setTimeout(() => socket.destroy(), DRAIN_MS).unref();
    };
    // Bytes that are no request after a pipelined one that is: the valid request's answer goes out
    // first, whole, and then the refusal, rather than a connection cut under both. Not for a
    // timeout: the request in flight is the one that never arrived whole (a body shorter than its
    // Content-Length), so its answer would never come and the connection would stay open for good.
    const inFlight = (socket as Duplex & { _httpMessage?: Writable | null })._httpMessage;
    if (inFlight && !inFlight.writableFinished && statusOf(err.code) !== 408) {
      const giveUp = setTimeout(() => socket.destroy(), ANSWER_WAIT_MS).unref();
      inFlight.once('finish', () => {
        clearTimeout(giveUp);
        if (socket.writable) answer();
        else socket.destroy();
      });
      inFlight.once('close', () => inFlight.writableFinished || socket.destroy());
      return;
    }
    answer();
  });
}
