import http from 'node:http';
import { createHttpServer } from '../../server/http/http-server';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { HostileCase } from './hostile-table';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { error?: { code?: string; field?: string; message?: string } } | undefined;
}

/**
 * A listening copy of `app` on the server `npm start` creates, so requests go over a real socket with
 * their bytes untouched.
 */
export async function listen(app: Express): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Headers as Node's client takes a raw list, so a name may repeat: one Host line per entry of
 * `hosts`, then the `repeated` lines.
 */
function rawHeaders(headers: Record<string, string>, hosts: string[], repeated: Array<[string, string]> = []): Record<string, string> | string[] {
  if (hosts.length === 0 && repeated.length === 0) return headers;
  return [...Object.entries(headers).flat(), ...hosts.flatMap((host) => ['Host', host]), ...repeated.flat()];
}

/**
 * Sends one row as raw HTTP (supertest would re-encode a broken path). `replace` fills placeholders
 * in the path, e.g. the id of a handoff recorded before the run.
 */
export function sendRaw(port: number, row: HostileCase, headers: Record<string, string>, replace: Record<string, string> = {}): Promise<RawResponse> {
  let path = row.path;
  for (const [from, to] of Object.entries(replace)) path = path.replaceAll(from, to);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: row.method,
        path,
        setHost: !row.withoutHost && !row.twoHosts,
        headers: rawHeaders(
          { ...headers, ...row.headers, ...(row.body && !('Transfer-Encoding' in row.headers) ? { 'Content-Length': String(row.body.length) } : {}) },
          // A raw list gets no Host from the client: it is written here (twice for twoHosts).
          row.twoHosts ? [`127.0.0.1:${port}`, 'other.example'] : row.repeated?.length && !row.withoutHost ? [`127.0.0.1:${port}`] : [],
          row.repeated,
        ),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: RawResponse['body'];
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(row.body);
  });
}
