/**
 * Engine benchmark: `npm run bench:engine`. Times decide() alone, decide() with the intent model's
 * sentence memory emptied before each call (decide-cold: every sentence scored afresh, the cost of a
 * conversation never seen), decide() with the rules only (the intent model off, as the same-run
 * baseline for what the model costs), and the whole assess()
 * (decide plus the offline writer over the sample knowledge base) on one core, for conversations of
 * 10, 40 and 200 messages, and the intent model's load time and memory. Prints a table; figures are
 * recorded in docs/BENCHMARKS.md. No assertions: timing belongs
 * here, not in tests.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import type { Conversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { defaultIntentModel, loadIntentModel } from '../../server/domain/intent/weights-file';
import { makeConversation } from './make-conversation';

const SIZES = [10, 40, 200];
/** Distinct conversations per size, so caches keyed on text cannot flatter the figures. */
const VARIANTS = 50;

interface Row {
  what: string;
  messages: number;
  runs: number;
  median: number;
  p99: number;
  /** Mean CPU time per run: unlike wall time, not inflated when other processes share the cores. */
  cpuMean: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(what: string, messages: number, runs: number, fn: (i: number) => unknown): Promise<Row> {
  for (let i = 0; i < Math.max(50, runs / 5); i++) await fn(i);
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return {
    what,
    messages,
    runs,
    median: percentile(times, 50),
    p99: percentile(times, 99),
    cpuMean: (cpu.user + cpu.system) / 1000 / runs,
    perSecond: (runs / total) * 1000,
  };
}

function print(rows: Row[]): void {
  const header = `${'measure'.padEnd(11)} ${'messages'.padStart(8)} ${'runs'.padStart(6)} ${'median ms'.padStart(10)} ${'p99 ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'per second'.padStart(11)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(11)} ${String(r.messages).padStart(8)} ${String(r.runs).padStart(6)} ${r.median.toFixed(3).padStart(10)} ` +
        `${r.p99.toFixed(3).padStart(8)} ${r.cpuMean.toFixed(3).padStart(8)} ${Math.round(r.perSecond).toString().padStart(11)}`,
    );
  }
}

/** Load time and memory of the committed intent model (a fresh load, not the shared one). */
function measureModelLoad(): string {
  const before = process.memoryUsage();
  const t0 = performance.now();
  const model = loadIntentModel();
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const weights = model.embeddings.byteLength + model.scales.byteLength + model.wordVectors.byteLength + model.wordScales.byteLength + model.meta.out_weights.length * 8;
  return `intent model: load ${ms.toFixed(1)} ms, weights ${mb(weights)} MB in memory, rss +${mb(after.rss - before.rss)} MB, heap+buffers +${mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)} MB`;
}

async function main(): Promise<void> {
  const load = measureModelLoad();
  const kb = await loadKnowledgeBase(path.join(__dirname, '../../server/kb/sample-store'));
  const writer = new OfflineBriefWriter();
  const policy = DEFAULT_POLICY;
  const rows: Row[] = [];
  for (const size of SIZES) {
    const conversations: Conversation[] = Array.from({ length: VARIANTS }, (_, v) => makeConversation(size, v + 1));
    const runs = size >= 200 ? 500 : 2000;
    const pick = (i: number) => conversations[i % VARIANTS]!;
    const nowOf = (c: Conversation) => new Date(c.occurred_at!);
    rows.push(await measure('decide', size, runs, (i) => decide(pick(i), { policy, kb, now: nowOf(pick(i)) })));
    // The model remembers sentences it scored (a conversation is decided again at each message);
    // cold: that memory emptied before every call, so every customer sentence is scored afresh.
    const model = defaultIntentModel();
    rows.push(await measure('decide-cold', size, runs, (i) => (model.clearCache(), decide(pick(i), { policy, kb, now: nowOf(pick(i)) }))));
    rows.push(await measure('rules-only', size, runs, (i) => decide(pick(i), { policy, kb, now: nowOf(pick(i)), intent: null })));
    rows.push(await measure('assess', size, runs, (i) => assess(pick(i), { policy, kb, writer })));
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const loadavg = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${cpu}), ${os.platform()} ${os.arch()}, single thread, load average ${loadavg}\n`);
  console.log(load + '\n');
  print(rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
