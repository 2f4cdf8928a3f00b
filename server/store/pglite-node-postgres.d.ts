/**
 * PGlite's node-postgres adapter. Its own types sit behind the package's `exports` map, which this
 * project's `moduleResolution: node10` does not read (the require() at run time does); this states
 * the one function used (database.ts), as the package's dist/node-postgres/index.d.ts declares it.
 */
declare module '@electric-sql/pglite/node-postgres' {
  import type { PGlite } from '@electric-sql/pglite';
  import type { ClientConfig } from 'pg';

  export function createPgConfig(pglite: PGlite): ClientConfig;
}
