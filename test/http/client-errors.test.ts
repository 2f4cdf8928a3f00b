import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from '../../server/http/client-errors';
import { createHttpServer } from '../../server/http/http-server';
import { exchangeRaw } from './raw-exchange';

/** Requests Node's parser refuses before Express: answered as JSON errors, never a bare reset. */
describe('requests refused by the HTTP parser', () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer((req, res) => (req.url === '/slow' ? setTimeout(() => res.end('slow ok'), 150) : res.end('ok')));
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /**
   * One request over a raw socket. Not http.request: nock, loaded by other test files in the same jest
   * worker, patches Node's HTTP client for the whole process, and a request whose answer comes before
   * its body is sent then never settled.
   */
  function send(method: string, path: string, body?: Buffer): Promise<{ status: number; body: string } | string> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      let failure = 'no answer';
      // A reset that overtook the answer leaves no answer to read: the test sees the error's code.
      socket.on('error', (err: NodeJS.ErrnoException) => (failure = err.code ?? String(err)));
      socket.on('close', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = raw.split('\r\n\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1] ?? 0);
        resolve(status ? { status, body: rest.join('\r\n\r\n') } : failure);
      });
      const headers = body ? `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` : '';
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);
      if (body) socket.write(body);
    });
  }

  it('answers a 100 kB URL with 431 and a JSON error, every time, with or without a body still coming', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => send(i % 2 ? 'GET' : 'POST', `/v1/usage?x=${'y'.repeat(100_000)}`, i % 2 ? undefined : Buffer.alloc(300_000, 'a'))),
    );
    for (const answer of answers) {
      expect(typeof answer).toBe('object');
      const { status, body } = answer as { status: number; body: string };
      expect(status).toBe(431);
      expect(JSON.parse(body)).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
    }
  });

  it('answers a malformed request line with 400 and a JSON error', async () => {
    const raw = await exchangeRaw(port, 'NOT A REQUEST\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.split('\r\n\r\n')[1]!)).toEqual({ error: { code: 'bad_request', message: 'the method is not an HTTP method', field: 'method' } });
  });

  /** Writes `raw` and reads until the server closes the connection (the client does not half-close). */
  const exchange = (raw: string) => exchangeRaw(port, raw);

  it.each([
    ['answered at once', '/', 'ok'],
    ['answered later', '/slow', 'slow ok'],
  ])('answers a valid request %s in full, then the junk pipelined after it with a JSON 400', async (_name, path, answer) => {
    const raw = await exchange(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGARBAGE\r\n\r\n`);
    const [first, second] = raw.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(first!.split('\r\n\r\n')[1]).toBe(answer);
    expect(second).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(second!.split('\r\n\r\n')[1]!)).toEqual({ error: { code: 'bad_request', message: 'the method is not an HTTP method', field: 'method' } });
  });

  const both = 'Content-Length and Transfer-Encoding were both sent; send one of them';
  const post = (headers: string, body = '') => `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n${body}`;
  it.each([
    ['an unknown method', 'FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'method', 'the method is not an HTTP method'],
    ['a NUL in a header value', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u0000b\r\n\r\n', undefined, /holds a character HTTP does not allow/],
    ['a negative Content-Length', post('Content-Length: -1\r\n'), 'Content-Length', /^Content-Length is not a valid length/],
    // Each of these once got another fault's words (llhttp reports them under shared codes).
    ['both Content-Length and chunked', post('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'), 'Transfer-Encoding', both],
    ['chunked, then Content-Length', post('Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', '0\r\n\r\n'), 'Content-Length', both],
    ['Transfer-Encoding: identity, then Content-Length', post('Transfer-Encoding: identity\r\nContent-Length: 3\r\n', 'abc'), 'Content-Length', both],
    ['Content-Length, then Transfer-Encoding: identity', post('Content-Length: 3\r\nTransfer-Encoding: identity\r\n', 'abc'), 'Transfer-Encoding', both],
    ['Transfer-Encoding: gzip, chunked with Content-Length', post('Transfer-Encoding: gzip, chunked\r\nContent-Length: 3\r\n', '0\r\n\r\n'), 'Content-Length', both],
    ['Content-Length twice, the same', post('Content-Length: 3\r\nContent-Length: 3\r\n', 'abc'), 'Content-Length', 'Content-Length was sent more than once; send it once'],
    ['Content-Length twice, different', post('Content-Length: 3\r\nContent-Length: 4\r\n', 'abcd'), 'Content-Length', 'Content-Length was sent more than once; send it once'],
  ])('says what was wrong with %s', async (_name, raw, field, message) => {
    const answer = await exchange(raw);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const { error } = JSON.parse(answer.split('\r\n\r\n')[1]!) as { error: { code: string; message: string; field?: string } };
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
  });

  it('still serves the next request', async () => {
    expect(await send('GET', '/')).toEqual({ status: 200, body: 'ok' });
  });
});

describe('a request whose body never arrives whole', () => {
  it('is answered 408 as JSON when the request time runs out, and the connection closes', async () => {
    // The route reads the body to its end, as every JSON route does; the end never comes.
    const server = createHttpServer(
      (req, res) => {
        req.resume();
        req.on('end', () => res.end('ok'));
      },
      { requestTimeoutMs: 400, checkEveryMs: 100 },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const started = Date.now();
      const raw = await exchangeRaw(port, 'POST /v1/embed-links HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 999\r\n\r\n{"ticket":');
      expect(raw).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(JSON.parse(raw.split('\r\n\r\n')[1]!)).toEqual({ error: { code: 'request_timeout', message: expect.any(String) } });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a chunked body the parser cannot read', () => {
  it.each([
    ['a chunk size that is not hexadecimal', 'zz'],
    ['a chunk size with a sign', '-1'],
  ])('is answered 400 naming Transfer-Encoding at once, not after the route gives up: %s', async (_name, size) => {
    // The route reads the body to its end, as every JSON route does; the parser stops it first.
    const server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const raw = await exchangeRaw(
        port,
        `POST /v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${size}\r\n{}\r\n0\r\n\r\n`,
      );
      expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(raw.split('\r\n\r\n')[1]!)).toEqual({
        error: { code: 'bad_request', message: 'a chunk size in the chunked body is not valid', field: 'Transfer-Encoding' },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
