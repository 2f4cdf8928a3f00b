import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
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

type BadRequest = { message: string; field?: string };

/**
 * What Node's parser found wrong, in a caller's words, where its error code says (llhttp's codes).
 * One code can cover several faults, and which depends on llhttp's version (in Node 20,
 * HPE_INVALID_CONTENT_LENGTH is a length that is no number and also a Content-Length after
 * Transfer-Encoding; HPE_UNEXPECTED_CONTENT_LENGTH is Content-Length twice, and was Content-Length
 * with chunked before): these words are true of every fault the code covers, and BY_REASON is
 * more precise where it knows the parser's reason.
 */
const BAD_REQUESTS: Record<string, BadRequest> = {
  HPE_INVALID_METHOD: { message: 'the method is not an HTTP method', field: 'method' },
  HPE_INVALID_URL: { message: 'the request target is not a valid path', field: 'path' },
  HPE_INVALID_VERSION: { message: 'the HTTP version is not valid' },
  HPE_INVALID_HEADER_TOKEN: { message: 'a header name or value holds a character HTTP does not allow' },
  HPE_INVALID_CONTENT_LENGTH: { message: 'Content-Length cannot be used: it must be one length in digits, sent without Transfer-Encoding', field: 'Content-Length' },
  HPE_UNEXPECTED_CONTENT_LENGTH: { message: 'Content-Length cannot be used: it must be sent once, without Transfer-Encoding', field: 'Content-Length' },
  HPE_INVALID_TRANSFER_ENCODING: { message: 'Transfer-Encoding cannot be used: it must end in chunked, once, without Content-Length', field: 'Transfer-Encoding' },
  HPE_INVALID_CHUNK_SIZE: { message: 'a chunk size in the chunked body is not valid', field: 'Transfer-Encoding' },
  HPE_INVALID_EOF_STATE: { message: 'the connection closed in the middle of the request' },
};

/**
 * The parser's reasons (llhttp's error text, `err.reason`) for the faults one code lumps together.
 * The header named is the one the parser stopped at: of two that may not go together, the later.
 */
const BOTH_LENGTHS = 'Content-Length and Transfer-Encoding were both sent; send one of them';
const BY_REASON: Record<string, BadRequest> = {
  'Duplicate Content-Length': { message: 'Content-Length was sent more than once; send it once', field: 'Content-Length' },
  'Invalid character in Content-Length': { message: 'Content-Length is not a valid length (digits only)', field: 'Content-Length' },
  'Content-Length overflow': { message: 'Content-Length is not a valid length (too large)', field: 'Content-Length' },
  "Content-Length can't be present with Transfer-Encoding": { message: BOTH_LENGTHS, field: 'Content-Length' },
  "Transfer-Encoding can't be present with Content-Length": { message: BOTH_LENGTHS, field: 'Transfer-Encoding' },
};

/** The answer on a connection, with the request it answers (ServerResponse.req). */
type InFlight = Writable & { headersSent?: boolean; req?: IncomingMessage };

function answerFor(code: string | undefined, reason: unknown): { code: string; message: string; field?: string } {
  const status = statusOf(code);
  if (status !== 400 || !code) return ANSWERS[status];
  const byReason = typeof reason === 'string' && Object.hasOwn(BY_REASON, reason) ? BY_REASON[reason] : undefined;
  const specific = byReason ?? (Object.hasOwn(BAD_REQUESTS, code) ? BAD_REQUESTS[code] : undefined);
  return specific ? { code: 'bad_request', ...specific } : ANSWERS[status];
}

function statusOf(code: string | undefined): keyof typeof ANSWERS {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_HEADER_TIMEOUT' || code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Baton's JSON error as raw bytes, for a socket no ServerResponse owns (a request Node's parser
 * refused, a CONNECT); the connection closes after it.
 */
export function rawJsonAnswer(status: number, error: { code: string; message: string; field?: string }): string {
  const body = JSON.stringify({ error });
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (a request line and headers over
 * 16 KB, a malformed request): answered like every other error, as JSON, and the rest of what the
 * client sends is read and dropped before the connection closes. Node's default answer is the
 * status alone and closes at once; with the client's bytes still unread the close is a TCP reset,
 * which can reach the client before the answer (about 1 in 100 requests with a 100 kB URL).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { reason?: unknown }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = () => {
      socket.end(rawJsonAnswer(statusOf(err.code), answerFor(err.code, err.reason)));
      // Read and drop what is still coming, so closing is not a reset that overtakes the answer.
      socket.resume();
      setTimeout(() => socket.destroy(), DRAIN_MS).unref();
    };
    const inFlight = (socket as Duplex & { _httpMessage?: InFlight | null })._httpMessage;
    if (!inFlight || inFlight.writableFinished) {
      answer();
      return;
    }
    // The request in flight is the broken one when its body has not arrived whole: a timeout (a body
    // shorter than its Content-Length), or a chunked body the parser could not read (a bad chunk
    // size). Its route waits for a body end that will never come, so its own answer never comes
    // either. Answered now, or, with an answer half written, cut: nothing more can be said here.
    if (statusOf(err.code) === 408 || inFlight.req?.complete === false) {
      if (inFlight.headersSent) socket.destroy();
      else answer();
      return;
    }
    // Bytes that are no request after a pipelined one that is: the valid request's answer goes out
    // first, whole, and then the refusal, rather than a connection cut under both.
    const giveUp = setTimeout(() => socket.destroy(), ANSWER_WAIT_MS).unref();
    inFlight.once('finish', () => {
      clearTimeout(giveUp);
      if (socket.writable) answer();
      else socket.destroy();
    });
    inFlight.once('close', () => inFlight.writableFinished || socket.destroy());
  });
}
