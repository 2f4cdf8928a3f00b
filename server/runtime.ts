import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AssessPool } from './assess-pool';
import { warmUp } from './warm-up';
import { OfflineBriefWriter } from './brief/offline-writer';
import type { Config } from './config';
import { createSlackIntegration } from '../integrations/slack';
import { createSecretBox, loadSecretKey } from './secret-box';
import { ensureDemoTenant } from './demo-tenant';
import { createApp } from './http/app';
import { closeHttpServer, createHttpServer } from './http/http-server';
import { adminRoutes } from './http/routes/admin';
import { createHelpdeskWiring } from './integrations/helpdesk-wiring';
import { createTenantAdmin } from './store/tenant-admin';
import { createAssembleHandoffHandler } from './jobs/assemble-handoff';
import { createAssemblyFailedHandler } from './jobs/assembly-failed';
import { BOSS_SCHEMA } from './jobs/failed-jobs';
import { createEnrichBriefHandler, type EnrichBriefJob } from './jobs/enrich-brief';
import { BRIEF_ENRICH, DEAD_LETTERS, HANDOFF_ASSEMBLE, HANDOFF_ASSEMBLE_FAILED, JOB_NAMES } from './jobs/job-names';
import { createJobQueue, JOB_MAX_RUN_SECONDS, type JobQueue } from './jobs/job-queue';
import { ConfigError } from './errors';
import type { KnowledgeBase } from './kb/knowledge-base';
import { KnowledgeBaseFileError, loadKnowledgeBase } from './kb/load-markdown';
import { createLogger, type Logger } from './logger';
import { lockDataDir, type DataDirLock } from './store/data-dir-lock';
import { openDatabase } from './store/database';
import { explainStartupError } from './startup-errors';
import { createStore } from './store/postgres-store';
import type { Database, HandoffRecord, Sql, Store } from './store/types';

export interface RuntimeOptions {
  /** Serve the HTTP API. */
  http: boolean;
  /** Run the job workers in this process. */
  workers: boolean;
  logger?: Logger;
}

export interface Runtime {
  /** Where the API answers (only with `http`). */
  url?: string;
  port?: number;
  /** The demo tenant's key (only with DEMO_TENANT). */
  demoApiKey?: string;
  store: Store;
  jobs: JobQueue;
  logger: Logger;
  /** Stops accepting requests, lets running jobs finish, then closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** The longest a model-brief job may run before pg-boss retries it: the model's deadline plus a margin. */
export function modelJobMaxRunSeconds(openaiTimeoutMs: number): number {
  return Math.max(JOB_MAX_RUN_SECONDS, Math.ceil(openaiTimeoutMs / 1000) + 15);
}

/** Where PGlite keeps its files: a folder of its own, so DATA_DIR can hold other state too. */
export function pgliteDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pglite');
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Whether the port can be had, asked before anything is opened: a port in use should stop start-up
 * at once, not after the database, the demo key and the workers. The real listen can still lose a
 * race for it, and then fails the same way, later.
 */
async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listen(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

async function loadKb(dir: string): Promise<KnowledgeBase> {
  try {
    return await loadKnowledgeBase(dir);
  } catch (err) {
    if (err instanceof KnowledgeBaseFileError) throw new ConfigError(`KB_DIR has a bad article: ${err.message}`, 'KB_DIR');
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') {
      throw new ConfigError(`KB_DIR must be a readable folder of Markdown articles, got '${dir}' (${code})`, 'KB_DIR');
    }
    throw err;
  }
}

/**
 * The composition root: builds every part from the config, in order, and knows how to take them
 * down in reverse. `npm start` runs HTTP and workers; `npm run worker` runs workers only.
 */
export async function startRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  if (options.http) await checkPortFree(config.port, config.host).catch((err: unknown) => Promise.reject(explainStartupError(err, config)));
  // Before the database: a wrong KB_DIR is a configuration mistake and should fail at once.
  const kb = await loadKb(config.kbDir);
  // The embedded database belongs to one process: a second one on the same DATA_DIR stops here.
  let lock: DataDirLock | undefined;
  let db: Database;
  try {
    lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, logger } : { dataDir: pgliteDir(config) });
  } catch (err) {
    lock?.release();
    throw explainStartupError(err, config);
  }
  const store = createStore(db);
  let jobs: JobQueue | undefined;
  let server: Server | undefined;
  let assessPool: AssessPool | undefined;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      if (server) await closeHttpServer(server);
      if (jobs) await jobs.stop();
      if (assessPool) await assessPool.close();
      await store.close();
      lock?.release();
      logger.info('stopped');
    })();
    return stopping;
  };

  try {
    await store.migrate();
    jobs = await createJobQueue(db, { logger, schema: BOSS_SCHEMA });
    await jobs.start();
    await jobs.createQueues(JOB_NAMES.filter((name) => name !== BRIEF_ENRICH), { deadLetters: DEAD_LETTERS });
    // The model's step may take OPENAI_TIMEOUT_MS (up to 10 min): heartbeats must keep its jobs
    // alive, not run them a second time, while a call is still within its deadline.
    await jobs.createQueues([BRIEF_ENRICH], { maxRunSeconds: modelJobMaxRunSeconds(config.openai.timeoutMs) });
    if (lock) {
      // This process holds the embedded database alone, so a job still `active` was running in one
      // that died (kill -9, OOM): retried now instead of after its expiry.
      const released = await jobs.releaseAbandoned('the process running this job stopped before it finished');
      if (released > 0) logger.warn({ jobs: released }, 'retrying jobs left running by a stopped process');
    }

    const writer = new OfflineBriefWriter();
    // Long conversations are assessed, and their assembled briefs written, in worker threads that
    // load the same KB_DIR (requests and jobs alike); until they are up (a second or two), those wait.
    const pool = new AssessPool({ kbDir: config.kbDir, kb, writer, logger });
    assessPool = pool;
    // With a model configured, the offline brief still comes first; the model's follows as a job.
    // The OpenAI SDK is loaded only when a key is set. require, not import(): the server runs as
    // CommonJS under tsx's require hook (package.json), which does not serve import() of TypeScript.
    const modelWriter = config.openai.apiKey
      ? (require('../integrations/openai') as typeof import('../integrations/openai')).createOpenAIBriefWriter(config.openai, { logger, draftWriter: writer })
      : undefined;
    logger.info(
      { kb_dir: config.kbDir, kb_articles: kb.size, writer: writer.name, model_writer: modelWriter?.name ?? null, database: db.kind },
      'parts ready',
    );

    const demo = config.demoTenant
      ? await ensureDemoTenant(store, { dataDir: config.dataDir, fixedKey: config.demoApiKey, logger })
      : undefined;

    // Vendor credentials and Slack tokens are sealed with this key (BATON_SECRET_KEY, else DATA_DIR/secret-key).
    const box = createSecretBox(loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    // Alerts are rendered and kept even without Slack configured, so they can be previewed.
    // A claim in Slack assigns the ticket through the tenant's helpdesk (matched by email).
    const assignTicket = async (handoff: HandoffRecord, email: string): Promise<boolean> => {
      if (!handoff.ticket) return false;
      const integration = (await helpdesk.integrations.forTenant(handoff.tenant_id)).get(handoff.ticket.provider);
      return (await integration?.writer?.assignByEmail?.(handoff.ticket.id, email, AbortSignal.timeout(5000))) ?? false;
    };
    const slack = await createSlackIntegration({ db, store, jobs, box, logger, config: config.slack, assignTicket });
    // Helpdesk webhooks, connectors and write-back (docs/CONNECTORS.md), credentials sealed with the same box.
    const helpdesk = createHelpdeskWiring({
      store,
      jobs,
      box,
      writer,
      kb,
      assessor: pool.forJobs.assessor,
      logger,
      workerConcurrency: config.workerConcurrency,
      defaultWaitMinutes: config.defaultWaitMinutes,
      // The first human reply and the ticket being solved update the Slack alert in place.
      onFollowup: (handoff, update) => slack.ticketUpdated(handoff, update),
    });

    if (options.workers) {
      const queue = jobs;
      // Follow-up work commits with the assembled brief: the model's version, the Slack alert.
      const afterAssembled = async (tx: Sql, assembled: EnrichBriefJob) => {
        if (modelWriter) await queue.sendInTransaction(tx, BRIEF_ENRICH, assembled);
        await slack.briefStoredInTransaction(tx, assembled);
        await helpdesk.briefStoredInTransaction(tx, assembled);
      };
      await jobs.work(HANDOFF_ASSEMBLE, createAssembleHandoffHandler({ store, writer: pool.forJobs.writer, kb, logger, afterAssembled, gather: helpdesk.gather }), {
        batchSize: config.workerConcurrency,
      });
      await jobs.work(HANDOFF_ASSEMBLE_FAILED, createAssemblyFailedHandler({ store, logger, afterAssembled }));
      if (modelWriter) {
        await jobs.work(BRIEF_ENRICH, createEnrichBriefHandler({ store, enricher: modelWriter, kb, logger, afterStored: (stored) => slack.briefStored(stored) }), {
          batchSize: config.workerConcurrency,
        });
      }
      await slack.work();
      await helpdesk.work();
      logger.info({ concurrency: config.workerConcurrency }, 'workers started');
    }

    let url: string | undefined;
    let port: number | undefined;
    if (options.http) {
      // Before listening, so the first requests do not pay for loading and compiling the engine.
      logger.info(await warmUp(pool), 'engine warmed up');
      const admin = adminRoutes({ store, admin: createTenantAdmin(db), integrations: helpdesk.integrationStore, slack: slack.store, adminToken: config.adminToken });
      const receivers = [...(slack.app ? [slack.app.router] : []), helpdesk.router, admin];
      const app = createApp({ store, jobs, writer, assessor: pool, kb, modelBriefs: modelWriter !== undefined, logger, config, receivers });
      server = createHttpServer(app);
      const address = await listen(server, config.port, config.host);
      port = address.port;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      logger.info({ url }, 'listening');
    }

    return { url, port, demoApiKey: demo?.apiKey, store, jobs, logger, stop };
  } catch (err) {
    await stop().catch((stopErr: unknown) => logger.error({ err: stopErr }, 'cleanup after failed start'));
    throw explainStartupError(err, config);
  }
}
