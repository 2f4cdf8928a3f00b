import net from 'node:net';

/**
 * Writes `raw` to 127.0.0.1:`port` as it is (a malformed request, a CONNECT, a broken chunk size:
 * what no HTTP client would send) and reads everything until the server closes the connection.
 */
export function exchangeRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
