import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Client, Pool, type PoolClient } from 'pg';
import type { Logger } from '../logger';
import { initialiseApart, PGLITE_START_PARAMS } from './pglite-boot';
import type { Database, QueryOptions, Sql } from './types';

export interface OpenDatabaseOptions {
  /** Postgres connection string; without it Baton runs on embedded PGlite. */
  url?: string;
  /** PGlite data directory (created if missing); in memory when undefined. Ignored with `url`. */
  dataDir?: string;
  /** Schema holding all our tables (created if missing), so several suites can share one Postgres. */
  schema?: string;
  /** Pool size for Postgres. */
  maxConnections?: number;
  /** Where a pooled connection's failure is reported (Postgres restarted, network cut). */
  logger?: Pick<Logger, 'warn'>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkSchemaName(schema: string): void {
  // The name is spliced into SQL and into a connection option, so only plain identifiers pass.
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema: "${schema}" must be a lowercase identifier (a-z, 0-9, _), at most 63 characters`);
  }
}

/** A parameterless statement's rows: node-postgres returns an array of results for several statements. */
type QueryResultLike = { rows: Record<string, unknown>[] };
function lastRows(result: QueryResultLike | QueryResultLike[]): Record<string, unknown>[] {
  if (Array.isArray(result)) return result.length ? result[result.length - 1]!.rows : [];
  return result.rows;
}

/** The callbacks a transaction's statements registered with `afterCommit`, run once it committed. */
class CommitHooks {
  private readonly hooks: Array<() => void> = [];

  add(fn: () => void): void {
    this.hooks.push(fn);
  }

  /** After COMMIT: a failing hook is the caller's bug and must not turn a committed write into an error. */
  run(logger?: Pick<Logger, 'warn'>): void {
    for (const fn of this.hooks) {
      try {
        fn();
      } catch (err) {
        logger?.warn({ err }, 'database: an after-commit callback failed');
      }
    }
  }
}

/**
 * Opens PGlite (embedded) or a node-postgres pool behind one small interface. Both run the same SQL;
 * the differences (single connection vs pool, `exec` vs simple query protocol) stay in here.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.schema !== undefined) checkSchemaName(options.schema);
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

/**
 * PGlite runs each statement synchronously on this thread and settles it as a microtask, so
 * statements queued behind its lock ran one after another without returning to the event loop:
 * under load, 50 requests' statements made one chain that held the loop for 0.6-1.1 s at a time, in
 * which no request was read, no response written and no timer fired (p99 7.7 s, some requests past
 * 10 s). Here statements take turns in our own queue instead, and each waits for the next turn of the
 * loop before it runs, so I/O gets in between any two of them.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One statement (or whole transaction) at a time, in arrival order, each after a turn of the loop. */
function turnTaking(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(yieldToEventLoop).then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  // Creates the folder too (under a temporary name, renamed when initdb is done).
  if (options.dataDir) initialiseApart(options.dataDir);
  const pg = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), startParams: PGLITE_START_PARAMS });
  if (options.schema) {
    // One connection, so a session-level search_path covers every later statement.
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema};`);
  }

  // Top-level statements and whole transactions take turns; inside a transaction (which holds PGlite
  // alone) each statement only waits a turn of the loop, since nothing else can run on PGlite meanwhile.
  const inTurn = turnTaking();
  const inTransaction = <T>(fn: () => Promise<T>) => yieldToEventLoop().then(fn);

  // PGlite's own query() parses and plans every statement anew. A named one (QueryOptions.prepare) at
  // the top level goes through node-postgres on PGlite's one session instead (PGlite's node-postgres
  // adapter), which prepares each name once: the handoff insert ran 2-3 times faster. Inside a
  // transaction, which holds PGlite through its own handle, the name is ignored.
  let preparing: Promise<Client> | undefined;
  let closed = false;
  const preparedClient = (): Promise<Client> => {
    if (closed) return Promise.reject(new Error('database: PGlite is closed'));
    preparing ??= (async () => {
      const client = new Client(createPgConfig(pg));
      // A failing adapter connection must not take the process down (an unhandled 'error' event
      // would): it is dropped, reported, and the next named statement opens a new one.
      client.on('error', (err) => {
        options.logger?.warn({ err }, 'database: the prepared-statement connection to PGlite failed; it will be reopened');
        preparing = undefined;
      });
      await client.connect();
      return client;
    })().catch((err: unknown) => {
      preparing = undefined;
      throw err;
    });
    return preparing;
  };

  const wrap = (q: Pick<PGlite, 'query' | 'exec'>, turn: <T>(fn: () => Promise<T>) => Promise<T>, hooks?: CommitHooks): Sql => ({
    ...(hooks ? { afterCommit: (fn: () => void) => hooks.add(fn) } : {}),
    async query<T>(text: string, params?: unknown[], options?: QueryOptions) {
      if (options?.prepare && !hooks) {
        const result = await turn(async () => (await preparedClient()).query({ name: options.prepare, text, values: params }));
        return { rows: result.rows as T[] };
      }
      const result = await turn(() => q.query<T>(text, params));
      return { rows: result.rows };
    },
    async exec(text: string) {
      await turn(() => q.exec(text));
    },
    async execRows(text: string) {
      // PGlite's `query` uses the extended protocol and rejects several statements; `exec` does not.
      const results = await turn(() => q.exec(text));
      return lastRows(results as QueryResultLike[]);
    },
  });

  return {
    kind: 'pglite',
    ...wrap(pg, inTurn),
    async transaction(fn) {
      const hooks = new CommitHooks();
      const result = await inTurn(() => pg.transaction((tx) => fn(wrap(tx, inTransaction, hooks))));
      hooks.run(options.logger);
      return result;
    },
    async close() {
      closed = true;
      const client = await preparing?.catch(() => undefined);
      await client?.end().catch(() => undefined);
      await pg.close();
    },
  };
}

/**
 * How long a query waits for a connection (a free one of the pool, or a new one made): without a
 * bound, a DATABASE_URL pointing at something that accepts the connection but never answers as
 * Postgres would (another service's port, a half-open link) hangs start-up and every request.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const schema = options.schema;
  if (schema) {
    // Created before the pool so that its search_path points at an existing schema.
    const setup = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the same schema at once: the loser sees a unique violation.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // Set at connection start-up so every pooled connection (and pg-boss through it) sees our schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process (the pool replaces it), but an
  // operator should see it: repeated, it means the database restarts or the network drops.
  pool.on('error', (err) => {
    options.logger?.warn({ err }, 'database: an idle pooled connection failed; it will be replaced');
  });
  // A connection in use has no listener of the pool's, and an 'error' event without one ends the
  // process. Every connection gets one for good when it is made: a backend terminated while its
  // connection is checked out (even between a query's end and the caller's next line) must fail that
  // caller's next statement, not the server. Idle ones are the pool's to report (above).
  const inUse = new WeakSet<object>();
  pool.on('acquire', (client) => inUse.add(client));
  pool.on('release', (_err, client) => inUse.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (err: Error) => {
      if (!inUse.has(client)) return;
      options.logger?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database: a connection in use failed');
    });
  });

  const wrap = (q: Pool | PoolClient, hooks?: CommitHooks): Sql => ({
    ...(hooks ? { afterCommit: (fn: () => void) => hooks.add(fn) } : {}),
    async query<T>(text: string, params?: unknown[], options?: QueryOptions) {
      const result = options?.prepare ? await q.query({ name: options.prepare, text, values: params }) : await q.query(text, params);
      return { rows: result.rows as T[] };
    },
    async exec(text: string) {
      await q.query(text);
    },
    async execRows(text: string) {
      return lastRows((await q.query(text)) as unknown as QueryResultLike | QueryResultLike[]);
    },
  });

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // Back to the pool, or dropped from it when broken (`broken` set). A backend terminated
      // mid-transaction fails its next statement (the 'connect' listener above keeps the server up).
      const release = (broken?: Error) => client.release(broken);
      const hooks = new CommitHooks();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client, hooks));
        await client.query('COMMIT');
        release();
        hooks.run(options.logger);
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          release();
        } catch (rollbackError) {
          // A connection that cannot roll back is broken: drop it instead of returning it to the pool.
          release(rollbackError as Error);
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
