import axios from 'axios';
import express from 'express';
import nock from 'nock';
import { Client } from 'pg';
import request from 'supertest';
import { httpLogger } from '../server/http/http-logger';
import { createLogger } from '../server/logger';
import { LogCapture } from './http/harness';

const ORIGIN = 'https://acme.zendesk.com';
const TOKEN = 'zd_api_token_0123';
const BASIC = Buffer.from(`bot@example.com/token:${TOKEN}`).toString('base64');

/** A real axios error: a call with a vendor's credentials that the vendor (nock) answers 500. */
async function failedCall(): Promise<unknown> {
  nock(ORIGIN).get('/api/v2/tickets/1.json').query(true).reply(500, { error: 'boom', echoed: TOKEN }, { 'Set-Cookie': `session=${TOKEN}` });
  try {
    await axios.get(`${ORIGIN}/api/v2/tickets/1.json?api_key=${TOKEN}`, { headers: { Authorization: `Basic ${BASIC}` }, data: { customer: 'Ana Ruiz' } });
  } catch (err) {
    return err;
  }
  throw new Error('the call was meant to fail');
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(BASIC);
  expect(text).not.toContain('Ana Ruiz');
}

describe('errors in the log', () => {
  afterEach(() => nock.cleanAll());

  it("keep a failed vendor call's method, URL and status, never its credentials, query, body or response", async () => {
    const err = await failedCall();
    const log = new LogCapture();
    createLogger({ logLevel: 'info' }, log).warn({ err, job: 'j-1' }, 'job failed; pg-boss retries it with backoff');
    const line = log.lines.join('\n');
    expectNoSecrets(line);
    const logged = JSON.parse(log.lines[0]!) as { err: { message: string; http: unknown } };
    expect(logged.err.message).toBe('Request failed with status code 500');
    expect(logged.err.http).toEqual({ method: 'GET', url: `${ORIGIN}/api/v2/tickets/1.json`, status: 500 });
  });

  it("leave out the database client pg-pool puts on an idle connection's error (its password among its fields)", () => {
    // pg-pool's idle listener does exactly this before emitting the pool's 'error'.
    const client = new Client({ connectionString: 'postgres://baton:pw-secret-4821@db.internal:5432/baton' });
    const err = Object.assign(new Error('Connection terminated unexpectedly'), { client });
    const log = new LogCapture();
    createLogger({ logLevel: 'info' }, log).warn({ err }, 'database: an idle pooled connection failed; it will be replaced');
    const line = log.lines.join('\n');
    expect(line).not.toContain('pw-secret-4821');
    expect(line).not.toContain('db.internal');
    expect((JSON.parse(log.lines[0]!) as { err: { message: string } }).err.message).toBe('Connection terminated unexpectedly');
  });

  it('scrub a failed call kept on another error', async () => {
    const wrapped = Object.assign(new Error('ticket lookup failed'), { original: await failedCall() });
    const log = new LogCapture();
    createLogger({ logLevel: 'info' }, log).error({ err: wrapped }, 'gather failed');
    expectNoSecrets(log.lines.join('\n'));
    expect(log.lines.join('\n')).toContain('ticket lookup failed');
  });

  it("scrub it in a request's own log lines too (pino-http's child logger)", async () => {
    const err = await failedCall();
    const log = new LogCapture();
    const app = express();
    app.use(httpLogger(createLogger({ logLevel: 'info' }, log)));
    app.get('/x', (req, res) => {
      req.log.warn({ err }, 'vendor call failed');
      res.status(502).json({ ok: false });
    });
    await request(app).get('/x');
    expectNoSecrets(log.lines.join('\n'));
    expect(log.lines.some((l) => l.includes('vendor call failed'))).toBe(true);
  });
});
