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
 *
 * The child builds the folder under a temporary name beside it and the folder takes its real name
 * only once initdb has finished, so a start stopped half-way (a signal during those seconds, when
 * the parent waits in execFileSync and its handlers cannot run, or kill -9) never leaves a folder
 * that looks initialised but is not. The child also stops when its parent is gone rather than
 * writing on alone; the next start (which holds the DATA_DIR lock) clears what it left.
 */
export function initialiseApart(dataDir: string): void {
  if (initialised(dataDir)) return;
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.initdb-`;
  fs.mkdirSync(parent, { recursive: true });
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const temporary = path.join(parent, `${prefix}${process.pid}`);
  const entry = require.resolve('@electric-sql/pglite');
  const script = `const parent = process.ppid;
    setInterval(() => { if (process.ppid !== parent) process.exit(1); }, 100).unref();
    require(${JSON.stringify(entry)}).PGlite.create({ dataDir: ${JSON.stringify(temporary)} })
    .then((pg) => pg.close()).catch((err) => { process.stderr.write(String(err && err.message || err) + '\\n'); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  // The real name may hold an empty folder, or what a start of an older Baton stopped half-way wrote
  // (initdb in place: no PG_VERSION, but a `global` folder); anything else is not ours to remove.
  if (fs.existsSync(dataDir)) {
    const left = fs.readdirSync(dataDir);
    if (left.length > 0 && !left.includes('global')) {
      fs.rmSync(temporary, { recursive: true, force: true });
      throw new Error(`${dataDir} holds files that are not a database (${left.slice(0, 3).join(', ')}); move them away`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.renameSync(temporary, dataDir);
}
