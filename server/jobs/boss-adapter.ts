import type PgBoss from 'pg-boss';
import type { Sql } from '../store/types';

/**
 * pg-boss runs its SQL through `executeSql`. Parameterless SQL can be several statements (its
 * schema creation and migrations) and PGlite's `query` rejects those, so it goes through
 * `execRows` (PGlite `exec`, or node-postgres' simple query protocol), which still returns the
 * last statement's rows for the parameterless reads pg-boss also does.
 */
export function bossDb(sql: Sql): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return sql.query(text, values);
      if (sql.execRows) return { rows: await sql.execRows(text) };
      return sql.query(text);
    },
  };
}
