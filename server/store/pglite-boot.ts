import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's memory. Its defaults are a server's: shared_buffers 128 MB, zeroed (so resident) at start,
 * and wal_buffers sized from it. Baton's working set is the recent end of a few indexes; the table
 * files stay in the OS page cache either way, so 16 MB of buffers costs no measurable speed and keeps
 * the embedded server at about 220 MB resident instead of 360 MB (docs/BENCHMARKS.md).
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

/** A data folder PGlite has already initialised (initdb writes PG_VERSION). */
function initialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Runs initdb for a new data folder in a short-lived child process. In-process, initdb's own
 * WebAssembly instance (about 500 MB once it has run) stays resident in the server for good: the
 * first start idled at 850 MB. The child exits and gives it all back; later starts skip this.
 */
export function initialiseApart(dataDir: string): void {
  if (initialised(dataDir)) return;
  const entry = require.resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(entry)}).PGlite.create({ dataDir: ${JSON.stringify(dataDir)} })
    .then((pg) => pg.close()).catch((err) => { process.stderr.write(String(err && err.message || err) + '\\n'); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
}
