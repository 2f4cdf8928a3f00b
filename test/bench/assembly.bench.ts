/**
 * Assembly benchmark: `npm run bench:assembly`. Escalation to brief ready on embedded Postgres
 * (PGlite), with three stand-in connectors on loopback answering after 150, 200 and 300 ms (real
 * HTTP through axios). The clock starts when the escalation arrives (rules, offline brief, the
 * handoff and its `handoff-assemble` job recorded in one transaction, as POST /v1/handoffs does) and
 * stops when the assembled brief is committed by the real handler running under a pg-boss worker:
 * queue pickup included. Prints median and p95 and their ratio to the slowest connector (aim: at
 * most 1.1), and the pickup (commit to handler start), for: the job sent by the worker's own process
 * (the queue wakes its workers once the transaction commits, as in `npm start`), the job sent by
 * another process (a second queue instance: the worker sees it at its next poll, as with a separate
 * `npm run worker`), the handler called directly (no queue), and a baseline asking the connectors
 * one after another. Figures go to docs/BENCHMARKS.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import pino from 'pino';
import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { gatherContext } from '../../server/connectors/fan-out';
import type { ConnectorContext, ContextConnector, GatheredContext } from '../../server/connectors/types';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { createAssembleHandoffHandler, type AssembleHandoffJob } from '../../server/jobs/assemble-handoff';
import { HANDOFF_ASSEMBLE } from '../../server/jobs/job-names';
import { createJobQueue, POLLING_INTERVAL_SECONDS } from '../../server/jobs/job-queue';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { DEFAULT_KB_DIR } from '../../server/config';
import { openDatabase } from '../../server/store/database';
import { createStore } from '../../server/store/postgres-store';
import type { HandoffRecord } from '../../server/store/types';

const DELAYS = [150, 200, 300];
const RUNS = 30;

async function standIn(delayMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ summary: `answered after ${delayMs} ms` }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function httpConnector(kind: string, url: string): ContextConnector {
  const http = axios.create({ baseURL: url, timeout: 5000 });
  return { kind, fetch: async (_ctx, signal) => (await http.get('/', { signal })).data };
}

async function oneAfterAnother(connectors: ContextConnector[], context: ConnectorContext): Promise<GatheredContext> {
  const customerContext: Record<string, unknown> = {};
  for (const c of connectors) customerContext[c.kind] = await c.fetch(context, AbortSignal.timeout(5000));
  return { customerContext, sources: connectors.map((c) => ({ kind: c.kind, ok: true })) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const servers = await Promise.all(DELAYS.map(standIn));
  const connectors = servers.map((s, i) => httpConnector(`standin_${DELAYS[i]}ms`, s.url));
  const db = await openDatabase();
  const store = createStore(db);
  await store.migrate();
  const tenant = await store.createTenant({ name: 'bench' });
  const kb = await loadKnowledgeBase(DEFAULT_KB_DIR);
  const writer = new OfflineBriefWriter();
  const logger = pino({ level: 'silent' });

  const jobs = await createJobQueue(db, { logger });
  await jobs.start();
  await jobs.createQueues([HANDOFF_ASSEMBLE]);
  // What another process would send with: its own queue instance, with no worker of its own.
  const elsewhere = await createJobQueue(db, { logger });
  await elsewhere.start();

  type Gather = (tenantId: string, h: HandoffRecord) => Promise<GatheredContext>;
  type Mode = 'same-process' | 'other-process' | 'direct';
  // One worker on the queue, as the runtime has; each run says which gather it uses and is told when done.
  const pending = new Map<string, { gather: Gather; done: () => void; failed: (err: unknown) => void; pickedUp?: number }>();
  const handlers = new Map<Gather, (data: AssembleHandoffJob) => Promise<void>>();
  const handlerFor = (gather: Gather) => {
    if (!handlers.has(gather)) handlers.set(gather, createAssembleHandoffHandler({ store, writer, kb, logger, gather }));
    return handlers.get(gather)!;
  };
  await jobs.work<AssembleHandoffJob>(HANDOFF_ASSEMBLE, async (data) => {
    const run = pending.get(data.handoffId);
    if (!run) return;
    run.pickedUp = performance.now();
    try {
      await handlerFor(run.gather)(data);
      run.done();
    } catch (err) {
      run.failed(err);
    }
  });

  const measure = async (label: string, mode: Mode, gather: Gather) => {
    const times: number[] = [];
    const pickups: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const conversation = {
        id: `${label}-${i}`,
        customer: { email: 'ana@example.com' },
        messages: [
          { role: 'customer' as const, text: `Where is order #${48000 + i}? Tracking 1Z999AA10123456784 has not moved. I want a person.` },
          { role: 'bot' as const, text: 'It shipped, here is the tracking page.', helpful: false },
        ],
        ticket: { provider: 'zendesk', id: String(9000 + i) },
      };
      // Escalations arrive at random moments, not in step with the worker's polling.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 500));
      const started = performance.now();
      const assessment = await assess(conversation, { policy: DEFAULT_POLICY, writer, kb });
      let finished!: Promise<void>;
      const { handoff } = await store.recordHandoff(tenant.id, { conversation, conversationId: conversation.id, assessment }, async (tx, record) => {
        if (mode === 'direct') return;
        finished = new Promise<void>((resolve, reject) => pending.set(record.id, { gather, done: resolve, failed: reject }));
        await (mode === 'same-process' ? jobs : elsewhere).sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: tenant.id, handoffId: record.id });
      });
      const committed = performance.now();
      if (mode === 'direct') await handlerFor(gather)({ tenantId: tenant.id, handoffId: handoff.id });
      else await finished;
      times.push(performance.now() - started);
      const picked = pending.get(handoff.id)?.pickedUp;
      if (picked !== undefined) pickups.push(picked - committed);
      pending.delete(handoff.id);
      const stored = await store.getHandoff(tenant.id, handoff.id);
      if (stored?.status !== 'assembled' || Object.keys(stored.assessment.brief.customer_context).length < 3) throw new Error('brief not assembled with all sections');
    }
    times.sort((a, b) => a - b);
    pickups.sort((a, b) => a - b);
    return { label, median: percentile(times, 50), p95: percentile(times, 95), pickup: pickups.length ? percentile(pickups, 50) : undefined };
  };

  const toContext = (h: HandoffRecord): ConnectorContext => ({ tenantId: h.tenant_id, conversation: h.conversation, facts: h.assessment.facts, ticket: h.ticket });
  const parallelGather: Gather = (_t, h) => gatherContext(connectors, toContext(h));
  const sequentialGather: Gather = (_t, h) => oneAfterAnother(connectors, toContext(h));
  // Warm-up: first PGlite statements, first sockets and the first pg-boss fetches are slower than the rest.
  await measure('warmup', 'same-process', parallelGather);
  // The floor: the fan-out alone (the stand-ins' own HTTP and timers), no rules, SQL or writer.
  const fanOutAlone = async () => {
    const h = (await store.getHandoff(tenant.id, (await store.recordHandoff(tenant.id, { conversation: { id: 'floor', messages: [{ role: 'customer' as const, text: 'Tracking 1Z999AA10123456784, a person please.' }] }, conversationId: 'floor', assessment: await assess({ id: 'floor', messages: [{ role: 'customer', text: 'Tracking 1Z999AA10123456784, a person please.' }] }, { policy: DEFAULT_POLICY, writer, kb }) })).handoff.id))!;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      const started = performance.now();
      await parallelGather(tenant.id, h);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { label: 'connectors alone (fan-out, no Baton work around it)', median: percentile(times, 50), p95: percentile(times, 95), pickup: undefined };
  };
  const rows = [
    await fanOutAlone(),
    await measure('parallel, job sent in the worker\'s process (woken at commit)', 'same-process', parallelGather),
    await measure(`parallel, job sent by another process (worker polls every ${POLLING_INTERVAL_SECONDS} s)`, 'other-process', parallelGather),
    await measure('parallel, handler called directly (no queue)', 'direct', parallelGather),
    await measure('one after another (baseline), same process', 'same-process', sequentialGather),
  ];

  const slowest = Math.max(...DELAYS);
  console.log(`Assembly: escalation to brief ready (rules + record + pg-boss pickup + handoff-assemble, PGlite, ${RUNS} runs each)`);
  console.log(`stand-in connectors: ${DELAYS.join(', ')} ms; slowest ${slowest} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('| run | median ms | p95 ms | median / slowest | p95 / slowest | pickup median ms |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    const pickup = row.pickup === undefined ? '-' : row.pickup.toFixed(0);
    console.log(`| ${row.label} | ${row.median.toFixed(0)} | ${row.p95.toFixed(0)} | ${(row.median / slowest).toFixed(2)} | ${(row.p95 / slowest).toFixed(2)} | ${pickup} |`);
  }
  await elsewhere.stop();
  await jobs.stop();
  await store.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.server.close(resolve))));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
