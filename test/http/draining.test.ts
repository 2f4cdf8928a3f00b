import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { closeHttpServer, createHttpServer } from '../../server/http/http-server';
import { exchangeRaw } from './raw-exchange';

/**
 * Shutdown under keep-alive load: a client that keeps its connection busy must not keep the server
 * taking new requests after SIGTERM (closeHttpServer), nor keep it from closing.
 */
describe('closing the HTTP server while keep-alive connections are busy', () => {
  it('answers the next request on a busy connection with Connection: close, then ends the connection and the server', async () => {
    let served = 0;
    const server = createHttpServer((req, res) => {
      served += 1;
      setTimeout(() => res.end(`answer ${served}`), req.url === '/slow' ? 200 : 0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const socket = net.connect(port, '127.0.0.1');
    const received: string[] = [];
    socket.on('data', (c: Buffer) => received.push(c.toString('utf8')));
    const closedConnection = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

    // A request in flight when shutdown starts, then, as a keep-alive client does, another after it.
    socket.write('GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = closeHttpServer(server);
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write('GET /next HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await closedConnection;
    await closed;

    const answers = received.join('').split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*answer 1$/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answers[1]).toMatch(/\r\nConnection: close\r\n/);
    // Whatever the client sends after that answer is never read: the connection is gone.
    expect(served).toBe(2);
  });
});

describe('CONNECT', () => {
  it('is answered 405 as JSON, naming the method, not closed without a word', async () => {
    const server = createHttpServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const raw = await exchangeRaw(port, 'CONNECT localhost:22 HTTP/1.1\r\nHost: localhost:22\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(JSON.parse(raw.split('\r\n\r\n')[1]!)).toEqual({
        error: { code: 'method_not_allowed', message: 'CONNECT is not supported: Baton is not a proxy', field: 'method' },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
