/**
 * Assembly benchmark: `npm run bench:assembly`. Escalation to brief ready, through the real
 * `handoff-assemble` handler on embedded Postgres (PGlite), with three stand-in connectors on
 * loopback answering after 150, 200 and 300 ms (real HTTP through axios). Prints median and p95 and
 * their ratio to the slowest connector (aim: at most 1.1), beside a same-run baseline that asks
 * the same connectors one after another. Queue pickup (pg-boss polling) is not included: it is the
 * job queue's figure, not assembly's. Figures go to docs/BENCHMARKS.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import pino from 'pino';
import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { gatherContext } from '../../server/connectors/fan-out';
import type { ConnectorContext, ContextConnector, GatheredContext } from '../../server/connectors/types';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
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

  const measure = async (label: string, gather: (tenantId: string, h: HandoffRecord) => Promise<GatheredContext>) => {
    const handler = createAssembleHandoffHandler({ store, writer, kb, logger, gather });
    const times: number[] = [];
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
      const assessment = await assess(conversation, { policy: DEFAULT_POLICY, writer, kb });
      const { handoff } = await store.recordHandoff(tenant.id, { conversation, conversationId: conversation.id, assessment });
      const started = performance.now();
      await handler({ tenantId: tenant.id, handoffId: handoff.id });
      times.push(performance.now() - started);
      const stored = await store.getHandoff(tenant.id, handoff.id);
      if (stored?.status !== 'assembled' || Object.keys(stored.assessment.brief.customer_context).length < 3) throw new Error('brief not assembled with all sections');
    }
    times.sort((a, b) => a - b);
    return { label, median: percentile(times, 50), p95: percentile(times, 95) };
  };

  const toContext = (h: HandoffRecord): ConnectorContext => ({ tenantId: h.tenant_id, conversation: h.conversation, facts: h.assessment.facts, ticket: h.ticket });
  // Warm-up: first PGlite statements and first sockets are slower than the rest.
  await measure('warmup', (_t, h) => gatherContext(connectors, toContext(h)));
  const parallel = await measure('parallel', (_t, h) => gatherContext(connectors, toContext(h)));
  const sequential = await measure('sequential', (_t, h) => oneAfterAnother(connectors, toContext(h)));

  const slowest = Math.max(...DELAYS);
  console.log(`Assembly: escalation to brief ready (handoff-assemble handler, PGlite, ${RUNS} runs each)`);
  console.log(`stand-in connectors: ${DELAYS.join(', ')} ms; slowest ${slowest} ms`);
  console.log('');
  console.log('| fan-out | median ms | p95 ms | median / slowest | p95 / slowest |');
  console.log('|---|---|---|---|---|');
  for (const row of [parallel, sequential]) {
    console.log(`| ${row.label} | ${row.median.toFixed(0)} | ${row.p95.toFixed(0)} | ${(row.median / slowest).toFixed(2)} | ${(row.p95 / slowest).toFixed(2)} |`);
  }
  await store.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.server.close(resolve))));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
