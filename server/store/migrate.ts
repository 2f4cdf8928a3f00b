import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './types';

export interface Migration {
  /** File name without `.sql`, e.g. `001_initial`; applied in this order. */
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

/**
 * The SQL files next to this module. A compiled build (dist/) has no .sql files of its own, so it
 * falls back to the source tree's folder.
 */
export function defaultMigrationsDir(): string {
  const here = path.join(__dirname, 'migrations');
  if (fs.existsSync(here)) return here;
  return path.resolve(__dirname, '../../../server/store/migrations');
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.sql'.length), sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Applies pending migrations in order, each recorded in `schema_migrations`. Everything happens in
 * one transaction holding an advisory lock keyed on the schema, so processes starting together
 * queue up behind the first: the later ones find nothing left to do.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('baton-migrate:' || current_schema()))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      done.push(migration.name);
    }
    return done;
  });
}
