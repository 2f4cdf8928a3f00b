import type { Express, Router } from 'express';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { DEFAULT_KB_DIR, loadConfig, type Config } from '../../server/config';
import { createApp } from '../../server/http/app';
import type { AppDeps } from '../../server/http/deps';
import { JOB_NAMES } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import type { KnowledgeSearch } from '../../server/kb/types';
import { createLogger } from '../../server/logger';
import { createStore } from '../../server/store/postgres-store';
import type { Database, Store, Tenant } from '../../server/store/types';
import { resetTables, type TestBackend } from '../helpers/database';

/** Every line the app logged, as written (so a test can look for secrets in the raw text). */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}

export interface TenantWithKey {
  tenant: Tenant;
  key: string;
  auth: { Authorization: string };
}

export interface Harness {
  db: Database;
  store: Store;
  jobs: JobQueue;
  kb: KnowledgeSearch;
  bossSchema: string;
  log: LogCapture;
  config: Config;
  /** A fresh app on the same store; each has its own rate-limit counters. */
  makeApp(overrides?: Partial<Config>, receivers?: Router[]): Express;
  /** What makeApp passes to createApp, to build an app with other dependencies. */
  appDeps(): AppDeps;
  /** Empties the tables and makes tenants A and B with a key each. */
  reset(): Promise<{ a: TenantWithKey; b: TenantWithKey }>;
  /** Rows in Baton's tables and pg-boss's job table, to prove a call changed nothing. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function openHarness(backend: TestBackend, schema: string): Promise<Harness> {
  const db = await backend.open(schema);
  const store = createStore(db);
  await store.migrate();
  const log = new LogCapture();
  const config = loadConfig({ LOG_LEVEL: 'info', DEMO_TENANT: 'false' });
  const logger = createLogger(config, log);
  const bossSchema = `${schema}_boss`;
  const jobs = await createJobQueue(db, { logger, schema: bossSchema });
  await jobs.start();
  await jobs.createQueues(JOB_NAMES);
  const kb = await loadKnowledgeBase(DEFAULT_KB_DIR);
  const writer = new OfflineBriefWriter();

  const withKey = async (name: string): Promise<TenantWithKey> => {
    const tenant = await store.createTenant({ name });
    const { key } = await store.createApiKey(tenant.id, 'test');
    return { tenant, key, auth: { Authorization: `Bearer ${key}` } };
  };

  return {
    db,
    store,
    jobs,
    kb,
    bossSchema,
    log,
    config,
    makeApp: (overrides = {}, receivers = []) => createApp({ store, jobs, writer, kb, logger, config: { ...config, ...overrides }, receivers }),
    appDeps: () => ({ store, jobs, writer, kb, logger, config }),
    async reset() {
      await resetTables(db);
      await db.query(`DELETE FROM ${bossSchema}.job`);
      log.lines.length = 0;
      return { a: await withKey('tenant-a'), b: await withKey('tenant-b') };
    },
    async counts() {
      const tables = ['conversations', 'handoffs', 'brief_versions', 'inbound_events', `${bossSchema}.job`];
      const result: Record<string, number> = {};
      for (const table of tables) {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        result[table] = Number(rows[0]!.n);
      }
      return result;
    },
    async close() {
      await jobs.stop();
      await db.close();
    },
  };
}

/** A conversation that escalates: the customer asks for a person about an order, on a Zendesk ticket. */
export function conversationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'conv-8812',
    channel: 'chat',
    occurred_at: '2026-11-02T10:15:00Z',
    customer: { id: 'c-19', name: 'Ana Ruiz', email: 'ana@example.com', tier: 'standard' },
    messages: [
      { role: 'customer', text: 'Where is order #48213? It was due last week.', at: '2026-11-02T10:14:00Z' },
      { role: 'bot', text: 'It shipped May 2, here is the tracking page.', helpful: false },
      { role: 'customer', text: 'That does not help. Can I talk to a real person please?' },
    ],
    bot: { confidence: 0.35, intent: 'order_status' },
    ticket: { provider: 'zendesk', id: '12345', url: 'https://acme.zendesk.com/agent/tickets/12345' },
    ...overrides,
  };
}
