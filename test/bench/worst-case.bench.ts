/**
 * Worst-case benchmark: `npm run bench:worst-case`. The HTTP API accepts a 1 MB body, so a
 * conversation can be about 1 MB of whatever an attacker (or a paste gone wrong) chooses. Three parts:
 *
 * 1. The whole assess() (rules and offline brief writer), in-thread, on adversarial bodies at two
 *    sizes: time that grows faster than the size is a denial of service. Each case is printed beside
 *    JSON.parse of the same body (the least any request with that body costs) as a ratio, with the
 *    heap it grew by. Baseline rows: assess() on an ordinary 40-message conversation, JSON.parse.
 * 2. What the worker pool costs per call: assess() in-thread against a round trip to a worker, for
 *    ordinary conversations and around the size above which the server offloads.
 * 3. /healthz latency while a 1 MB POST /v1/assess runs, and while the assembly job of a 1 MB
 *    handoff writes its brief again, with the pool and without it, beside /healthz on an idle server.
 *
 * Prints tables; no assertions (timing belongs here, not in tests). `--sizes 250,1000` picks the
 * sizes of part 1 in kB; `--only assess|pool|healthz` runs one part.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assess, inThreadAssessor, type Assessor } from '../../server/assess';
import { AssessPool, DEFAULT_OFFLOAD_ABOVE_CHARS } from '../../server/assess-pool';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { DEFAULT_KB_DIR, loadConfig } from '../../server/config';
import { MAX_MESSAGES, parseConversation, type Conversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { createApp } from '../../server/http/app';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import type { KnowledgeSearch } from '../../server/kb/types';
import { createLogger } from '../../server/logger';
import { backends } from '../helpers/database';
import { openHarness } from '../http/harness';
import { healthzWhile, median } from './healthz-probe';
import { makeConversation } from './make-conversation';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const NOW = new Date('2026-11-02T10:15:00Z');
const DEFAULT_SIZES_KB = [250, 1000];
const RUNS = 3;
const writer = new OfflineBriefWriter();
const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' }));

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** `text` repeated to exactly `chars` characters (never splitting a surrogate pair). */
function fill(text: string, chars: number): string {
  const out = text.repeat(Math.ceil(chars / text.length)).slice(0, chars);
  return /[\uD800-\uDBFF]$/.test(out) ? out.slice(0, -1) : out;
}

type Body = Record<string, unknown>;
const oneMessage = (text: string): Body => ({ messages: [{ role: 'customer', text }] });

/** Bodies of about `chars` characters of JSON, each built to be hard for some part of assess(). */
const CASES: Array<{ name: string; body: (chars: number) => Body }> = [
  { name: 'one repeated sentence', body: (n) => oneMessage(fill('My order #48213 never arrived and I want a refund. ', n)) },
  { name: 'one token, no spaces', body: (n) => oneMessage(fill('x', n)) },
  { name: 'no punctuation', body: (n) => oneMessage(fill('my order has not arrived and i want a refund ', n)) },
  { name: 'mixed scripts', body: (n) => oneMessage(fill('Mi pedido 注文 заказ طلب 🙂 no llegó ', n)) },
  { name: 'thanks, repeated', body: (n) => oneMessage(fill('thanks ', n)) },
  // One run of a separator between two words: each of these was once quadratic (a pattern that
  // rescanned the run from each of its characters), minutes at 1 MB.
  ...([['spaces', ' '], ['newlines', '\n'], ['apostrophes', "'"], ['U+3000', '\u3000']] as const).map(([what, separator]) => ({
    name: `a run of ${what}`,
    body: (n: number) => oneMessage(`Bearer${fill(separator, n - 13)}pickles`),
  })),
  {
    name: 'many short turns',
    body: (n) => {
      const messages: Body[] = [];
      for (let size = 0, i = 0; size < n && messages.length < MAX_MESSAGES; i += 1) {
        const m =
          i % 2 === 0
            ? { role: 'customer', text: 'That did not help at all.' }
            : { role: 'bot', text: 'See this article.', kb_articles: [{ id: `kb-${i}`, title: `Article ${i}` }], helpful: false };
        size += JSON.stringify(m).length + 1;
        messages.push(m);
      }
      return { messages };
    },
  },
  {
    // As many messages as a conversation may hold, each naming new facts and filling its share of
    // the body: the facts of every message are merged, and their count must not cost per fact kept.
    name: `${MAX_MESSAGES} turns, new facts in each`,
    body: (n) => ({
      messages: Array.from({ length: MAX_MESSAGES }, (_, i) => ({
        role: i % 2 === 0 ? 'customer' : 'bot',
        text: fill(`order #${50000 + i} from ${i}@example.com charged $${i}.99 on May ${(i % 28) + 1} `, Math.floor(n / MAX_MESSAGES) - 30),
      })),
    }),
  },
  // One token per fact extractor, fed as hard as it can be (amounts, order ids, dates, digit runs,
  // e-mails, phone numbers, order phrases, shouting).
  ...['$1 ', '#12345 ', 'May 2 ', '1234567 ', 'a@b.co ', '07700 900123 ', 'order 48213 ', 'WHAT A JOKE!!! '].map((token) => ({
    name: `token ${JSON.stringify(token)}`,
    body: (n: number) => oneMessage(fill(token, n)),
  })),
];

/**
 * Median wall time of `runs` calls, median CPU time of this process (not inflated when other work
 * shares the cores), and the most the heap grew in one call (from a collected heap).
 */
async function time(fn: () => unknown, runs = RUNS): Promise<{ ms: number; cpuMs: number; heapMb: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i += 1) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  return { ms: median(times), cpuMs: median(cpu), heapMb: heap / 1e6 };
}

const cell = (text: string, width: number) => text.padStart(width);

async function assessPart(kb: KnowledgeSearch): Promise<void> {
  const sizes = (arg('--sizes') ?? DEFAULT_SIZES_KB.join(',')).split(',').map(Number).filter((n) => n > 0);
  const largest = Math.max(...sizes);
  const ordinary = makeConversation(40, 7);
  const ordinaryTime = await time(() => assess(ordinary, { policy: DEFAULT_POLICY, writer, kb, receivedAt: NOW }), 50);
  console.log(`\n1. assess() in-thread (rules + offline writer), median of ${RUNS}; heap: most growth in one run`);
  console.log(
    `baseline: assess() on an ordinary 40-message conversation (${JSON.stringify(ordinary).length} B): ` +
      `${ordinaryTime.ms.toFixed(1)} ms wall, ${ordinaryTime.cpuMs.toFixed(1)} ms CPU`,
  );
  console.log(`wall ms per size; at ${largest} kB: CPU ms, JSON.parse of the same body (CPU ms), ratios of CPU times`);
  const header = [
    'case'.padEnd(24),
    ...sizes.map((s) => cell(`${s} kB`, 8)),
    cell('CPU ms', 7),
    cell('parse', 6),
    cell('× parse', 8),
    cell('× 40-msg', 9),
    cell('heap MB', 8),
  ].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const { name, body } of CASES) {
    const cells: string[] = [];
    let last = { ms: 0, cpuMs: 0, heapMb: 0 };
    let parse = 0;
    for (const kbytes of sizes) {
      const json = JSON.stringify(body(kbytes * 1000));
      const conversation = parseConversation(JSON.parse(json));
      last = await time(() => assess(conversation, { policy: DEFAULT_POLICY, writer, kb, receivedAt: NOW }));
      cells.push(cell(last.ms.toFixed(0), 8));
      if (kbytes === largest) parse = (await time(() => JSON.parse(json), 9)).cpuMs;
    }
    console.log(
      [
        name.padEnd(24),
        ...cells,
        cell(last.cpuMs.toFixed(0), 7),
        cell(parse.toFixed(0), 6),
        cell((last.cpuMs / parse).toFixed(0), 8),
        cell((last.cpuMs / ordinaryTime.cpuMs).toFixed(0), 9),
        cell(last.heapMb.toFixed(0), 8),
      ].join(' '),
    );
  }
}

function conversationOfChars(chars: number): Conversation {
  const base = makeConversation(40, 11);
  const messages = [...base.messages];
  const lines = base.messages.filter((m) => m.role === 'customer').map((m) => m.text);
  for (let i = 0; JSON.stringify(messages).length < chars; i += 1) messages.push({ role: 'customer', text: lines[i % lines.length]! });
  return { ...base, messages };
}

async function poolPart(kb: KnowledgeSearch): Promise<void> {
  const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, kb, writer, logger, threads: 1, offloadAboveChars: 0 });
  await pool.ready();
  const inThread = inThreadAssessor(writer, kb);
  console.log(`\n2. cost per call: in-thread against a worker round trip (median of 30; the server offloads above ${DEFAULT_OFFLOAD_ABOVE_CHARS} chars of text)`);
  console.log('   wall ms of one call and CPU ms of the whole process for it (main thread and worker)');
  const header = [
    'conversation'.padEnd(26),
    cell('in-thread', 10),
    cell('CPU', 6),
    cell('worker', 8),
    cell('CPU', 6),
    cell('wall ratio', 11),
  ].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length));
  const run = (assessor: Assessor, c: Conversation) => assessor.assess(c, { policy: DEFAULT_POLICY, receivedAt: NOW });
  try {
    for (const [label, conversation] of [
      ['10 messages', makeConversation(10, 3)],
      ['40 messages', makeConversation(40, 3)],
      ...[16_000, 32_000, 64_000, 128_000].map((n) => [`${n / 1000} kB of text`, conversationOfChars(n)] as const),
    ] as const) {
      for (let i = 0; i < 5; i += 1) await run(pool, conversation); // warm the worker's JIT too
      const local = await time(() => run(inThread, conversation), 30);
      const remote = await time(() => run(pool, conversation), 30);
      console.log(
        [
          label.padEnd(26),
          cell(local.ms.toFixed(1), 10),
          cell(local.cpuMs.toFixed(1), 6),
          cell(remote.ms.toFixed(1), 8),
          cell(remote.cpuMs.toFixed(1), 6),
          cell((remote.ms / local.ms).toFixed(2), 11),
        ].join(' '),
      );
    }
  } finally {
    await pool.close();
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Asks /healthz while `work` runs, and prints a row: the work's time, /healthz's answers, the loop's longest block. */
async function healthzRow(label: string, url: string, work: () => Promise<unknown>): Promise<void> {
  const idle = (await healthzWhile(url, new Promise((resolve) => setTimeout(resolve, 300)))).times;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const busy = (await healthzWhile(url, work())).times;
  const workMs = performance.now() - t0;
  loop.disable();
  const max = Math.max(...busy);
  console.log(
    [
      label.padEnd(22),
      cell(workMs.toFixed(0), 7),
      cell(String(busy.length), 10),
      cell(median(busy).toFixed(1), 6),
      cell(max.toFixed(1), 6),
      cell(median(idle).toFixed(1), 9),
      cell((max / median(idle)).toFixed(1), 9),
      cell((loop.max / 1e6).toFixed(0), 9),
    ].join(' '),
  );
}

function healthzHeader(work: string): void {
  const header = [
    'server'.padEnd(22),
    cell(work, 7),
    cell('healthz n', 10),
    cell('p50', 6),
    cell('max', 6),
    cell('idle p50', 9),
    cell('max/idle', 9),
    cell('loop max', 9),
  ].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length));
}

async function healthzPart(kb: KnowledgeSearch): Promise<void> {
  const h = await openHarness(backends()[0]!, 'bench_worst_case');
  const { a } = await h.reset();
  const pool = new AssessPool({ kbDir: DEFAULT_KB_DIR, kb, writer, logger });
  await pool.ready();
  const body = JSON.stringify(CASES[0]!.body(1_000_000));
  const servers: Server[] = [];
  console.log('\n3. /healthz while one 1 MB POST /v1/assess runs (one repeated sentence), asked again as soon as it answers; ms');
  console.log('   loop max: the longest the event loop was blocked meanwhile (what any other request waits at worst)');
  healthzHeader('assess');
  try {
    let url = '';
    for (const [label, assessor] of [
      ['worker pool (default)', pool],
      ['in-thread', inThreadAssessor(writer, kb)],
    ] as const) {
      const server = createServer(createApp({ store: h.store, jobs: h.jobs, writer, assessor, kb, logger, config: h.config }));
      servers.push(server);
      url = await listen(server);
      const post = () =>
        fetch(`${url}/v1/assess`, { method: 'POST', headers: { ...a.auth, 'Content-Type': 'application/json' }, body }).then(async (r) => {
          if (r.status !== 200) throw new Error(`POST /v1/assess answered ${r.status}: ${await r.text()}`);
        });
      await post(); // warm up
      await healthzRow(label, url, post);
    }

    // Assembly writes the brief again when the connectors found something: for a conversation of
    // 1,000 messages, on the thread that serves requests unless the pool's job writer takes it.
    const conversation = parseConversation(CASES.find((c) => c.name.startsWith(`${MAX_MESSAGES} turns`))!.body(1_000_000));
    const assessment = await assess(conversation, { policy: DEFAULT_POLICY, writer, kb, receivedAt: NOW });
    const gather = async () => ({ customerContext: { orders: [{ id: '50001', financial_status: 'paid' }] }, sources: [{ kind: 'shopify', ok: true }] });
    console.log(`\n   the assembly job of a handoff of ${MAX_MESSAGES} messages (1 MB) whose connectors found an order: brief written again`);
    healthzHeader('job');
    let n = 0;
    for (const [label, jobWriter] of [
      ['worker pool (default)', pool.forJobs.writer],
      ['in-thread', writer],
    ] as const) {
      const assemble = createAssembleHandoffHandler({ store: h.store, writer: jobWriter, kb, logger, gather });
      const job = async () => {
        const { handoff } = await h.store.recordHandoff(a.tenant.id, { conversation, conversationId: `bench-${(n += 1)}`, assessment });
        return () => assemble({ tenantId: a.tenant.id, handoffId: handoff.id });
      };
      await (await job())(); // warm up
      const run = await job();
      await healthzRow(label, url, run);
    }
  } finally {
    for (const server of servers) server.close();
    await pool.close();
    await h.close();
  }
}

async function main(): Promise<void> {
  const only = arg('--only');
  const kb = await loadKnowledgeBase(DEFAULT_KB_DIR);
  if (!only || only === 'assess') await assessPart(kb);
  if (!only || only === 'pool') await poolPart(kb);
  if (!only || only === 'healthz') await healthzPart(kb);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
