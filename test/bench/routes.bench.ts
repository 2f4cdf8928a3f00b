import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_MESSAGES } from '../../server/domain/conversation';
import { healthzWhile, median } from './healthz-probe';
import { startChild, type Child } from './server-child';

/**
 * `npm run bench:routes`: what the largest bodies the API takes cost everyone else. Baton starts as
 * `npm start` runs it (embedded PGlite, whose queries run on the server's own thread: the harder
 * case), with the admin API and Slack turned on. Each JSON route gets bodies near the 1 MB limit,
 * three times each: a long valid body where the route takes one, 49,000 tiny values (just under the
 * 50,000 a body may hold), one long string. Meanwhile /healthz is asked again as soon as it answers:
 * its median and longest answer are what any other request would wait. Baseline: /healthz on the
 * idle server, in the same run. Then a tenant with a connector records handoffs of 1,000 messages,
 * and /healthz is timed while their assembly jobs write the briefs again (in the pool's workers).
 *
 * Prints tables; no assertions. 127.0.0.1 only.
 */

const ADMIN_TOKEN = `bench-admin-${randomBytes(16).toString('hex')}`;
const DEMO_KEY = `bt_bench_${randomBytes(16).toString('hex')}`;
const SLACK_SECRET = randomBytes(16).toString('hex');
const RUNS = 3;
const log = (line: string) => process.stdout.write(`${line}\n`);

type Headers = Record<string, string>;
const bearer = (token: string): Headers => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

function slackSigned(body: string, contentType = 'application/json'): Headers {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'Content-Type': contentType, 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature };
}

const SENTENCE = 'My order arrived broken and I want my money back, this is the second time this happened. ';
const text = (chars: number) => SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars);
/** As many messages as a conversation may hold, each naming its own facts, about 1 MB in all. */
const longConversation = (id: string) => ({
  id,
  messages: Array.from({ length: MAX_MESSAGES }, (_, i) => ({
    role: i % 2 === 0 ? 'customer' : 'bot',
    text: `${text(880)} order #${10_000 + i} from c${i}@example.com`,
  })),
});
const tinyValues = () => Array.from({ length: 49_000 }, (_, i) => i);

interface Case {
  route: string;
  body: string;
  method: string;
  path: string;
  /** A fresh body and headers per run (ids, signatures). */
  request(): { body: string; headers: Headers };
}

function cases(tenantId: string): Case[] {
  const json = (route: string, body: string, method: string, path: string, headers: Headers, make: () => unknown): Case => ({
    route,
    body,
    method,
    path,
    request: () => ({ body: JSON.stringify(make()), headers }),
  });
  const api = bearer(DEMO_KEY);
  const admin = bearer(ADMIN_TOKEN);
  const tenant = `/admin/v1/tenants/${tenantId}`;
  let n = 0;
  return [
    json('POST /v1/assess', `${MAX_MESSAGES} messages`, 'POST', '/v1/assess', api, () => longConversation('bench')),
    json('POST /v1/handoffs', `${MAX_MESSAGES} messages`, 'POST', '/v1/handoffs', api, () => longConversation(`bench-${(n += 1)}`)),
    json('POST /v1/handoffs', 'one 1 MB message', 'POST', '/v1/handoffs', api, () => ({ id: `bench-${(n += 1)}`, messages: [{ role: 'customer', text: text(1_000_000) }] })),
    json('POST /v1/assess', '49k values', 'POST', '/v1/assess', api, () => ({ messages: [{ role: 'customer', text: 'hi' }], extra: tinyValues() })),
    json('POST /v1/briefs/feedback', 'long string', 'POST', '/v1/briefs/feedback', api, () => ({ handoff_id: 'x', comment: text(1_000_000) })),
    json('POST /v1/briefs/feedback', '49k values', 'POST', '/v1/briefs/feedback', api, () => ({ extra: tinyValues() })),
    json('POST /v1/briefs/guard-warnings', '49k values', 'POST', '/v1/briefs/guard-warnings', api, () => ({ extra: tinyValues() })),
    json('POST /v1/embed-links', '49k values', 'POST', '/v1/embed-links', api, () => ({ extra: tinyValues() })),
    json('POST /embed/feedback', '49k values', 'POST', '/embed/feedback', api, () => ({ extra: tinyValues() })),
    json('POST /admin/v1/tenants', 'long name', 'POST', '/admin/v1/tenants', admin, () => ({ name: text(1_000_000) })),
    json('PUT …/policy', '1,000 examples', 'PUT', `${tenant}/policy`, admin, () => ({
      intent_examples: Array.from({ length: 1000 }, (_, i) => ({ text: `${i} ${text(480)}`, code: 'refund_request' })),
    })),
    json('PUT …/policy', '49k values', 'PUT', `${tenant}/policy`, admin, () => ({ extra: tinyValues() })),
    json('PUT …/integrations/zendesk', '49k values', 'PUT', `${tenant}/integrations/zendesk`, admin, () => ({ settings: { extra: tinyValues() } })),
    json('PUT …/slack/routes/:queue', '49k values', 'PUT', `${tenant}/slack/routes/billing`, admin, () => ({ extra: tinyValues() })),
    json('POST /webhooks/zendesk/:t', 'unsigned, 1 MB', 'POST', `/webhooks/zendesk/${tenantId}`, { 'Content-Type': 'application/json' }, () => ({ s: text(1_000_000) })),
    {
      route: 'POST /slack/events',
      body: 'signed, 1 MB text',
      method: 'POST',
      path: '/slack/events',
      request: () => {
        const body = JSON.stringify({ type: 'event_callback', team_id: 'T0BENCH', event: { type: 'message', text: text(1_000_000) } });
        return { body, headers: slackSigned(body) };
      },
    },
    {
      route: 'POST /slack/events',
      body: 'signed, 49k values',
      method: 'POST',
      path: '/slack/events',
      request: () => {
        const body = JSON.stringify({ type: 'event_callback', team_id: 'T0BENCH', event: { type: 'message', extra: tinyValues() } });
        return { body, headers: slackSigned(body) };
      },
    },
  ];
}

const cell = (value: string, width: number) => value.padStart(width);

async function routesPart(url: string, tenantId: string): Promise<void> {
  const idle = await healthzWhile(url, new Promise((resolve) => setTimeout(resolve, 1000)));
  log(`\n/healthz on the idle server (baseline): ${idle.times.length} answers in 1 s, median ${median(idle.times).toFixed(1)} ms, max ${Math.max(...idle.times).toFixed(1)} ms`);
  log(`\nEach route, ${RUNS} runs; /healthz asked again as soon as it answers while the request runs (ms)`);
  const header = ['route'.padEnd(30), 'body'.padEnd(20), cell('kB', 5), cell('status', 7), cell('request', 8), cell('healthz n', 10), cell('p50', 6), cell('max', 6)].join(' ');
  log(header);
  log('-'.repeat(header.length));
  for (const c of cases(tenantId)) {
    const statuses = new Set<number>();
    const times: number[] = [];
    const answers: number[] = [];
    let kb = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const { body, headers } = c.request();
      kb = Math.round(Buffer.byteLength(body) / 1024);
      const t0 = performance.now();
      const { result, times: healthz } = await healthzWhile(url, fetch(`${url}${c.path}`, { method: c.method, headers, body }).then(async (r) => (await r.arrayBuffer(), r.status)));
      answers.push(performance.now() - t0);
      statuses.add(result);
      times.push(...healthz);
    }
    log(
      [
        c.route.padEnd(30),
        c.body.padEnd(20),
        cell(String(kb), 5),
        cell([...statuses].join('/'), 7),
        cell(median(answers).toFixed(0), 8),
        cell(String(times.length), 10),
        cell(median(times).toFixed(1), 6),
        cell(Math.max(...times).toFixed(1), 6),
      ].join(' '),
    );
  }
}

/**
 * Handoffs of 1,000 messages for a tenant whose connector found something: assembly writes each brief
 * again. Their assembly is seen in the server's log ("brief assembled"), not by reading the handoffs
 * back, which would add 1 MB reads of our own to what is measured.
 */
async function assemblyPart(url: string, baton: Child): Promise<void> {
  const call = async (method: string, urlPath: string, token: string, body?: unknown) => {
    const r = await fetch(`${url}${urlPath}`, { method, headers: bearer(token), body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await r.json()) as Record<string, any>;
    if (r.status >= 300) throw new Error(`${method} ${urlPath} answered ${r.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const created = await call('POST', '/admin/v1/tenants', ADMIN_TOKEN, { name: 'bench-assembly' });
  const tenantId = created.tenant.id as string;
  const key = created.api_key.key as string;
  // The tracking connector without an API key names carriers and links their pages: no network, but a source.
  await call('PUT', `/admin/v1/tenants/${tenantId}/integrations/tracking`, ADMIN_TOKEN, { settings: {}, secrets: {} });

  const handoffs = 3;
  let assembledCount = 0;
  let allAssembled: () => void = () => undefined;
  const assembled = new Promise<number>((resolve) => {
    allAssembled = () => resolve(performance.now());
  });
  baton.child.stdout!.on('data', (chunk: Buffer) => {
    assembledCount += chunk.toString().split('"msg":"brief assembled"').length - 1;
    if (assembledCount >= handoffs) allAssembled();
  });
  for (let i = 0; i < handoffs; i += 1) await call('POST', '/v1/handoffs', key, longConversation(`assembly-${i}`));
  const posted = performance.now();
  const { result: finished, times: during } = await healthzWhile(url, assembled);
  log(`\n${handoffs} handoffs of ${MAX_MESSAGES} messages (about 1 MB each), a tenant with a connector: assembly writes each brief again`);
  log(`  all assembled ${(Math.max(0, finished - posted) / 1000).toFixed(1)} s after the last was recorded; /healthz meanwhile: ${during.length} answers, median ${median(during).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-routes-'));
  let baton: Child | undefined;
  try {
    baton = await startChild(
      ['server/main.ts'],
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        BATON_DEMO_API_KEY: DEMO_KEY,
        BATON_ADMIN_TOKEN: ADMIN_TOKEN,
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-0-0-bench',
        SLACK_TENANT: 'demo',
      },
      /Baton listening on (\S+)/,
    );
    const url = baton.url.replace('localhost', '127.0.0.1');
    log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}; embedded PGlite`);
    const tenants = (await (await fetch(`${url}/admin/v1/tenants`, { headers: bearer(ADMIN_TOKEN) })).json()) as { tenants: Array<{ id: string }> };
    await routesPart(url, tenants.tenants[0]!.id);
    await assemblyPart(url, baton);
  } finally {
    await baton?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
