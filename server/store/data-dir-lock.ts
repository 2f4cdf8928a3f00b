import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';

export const LOCK_FILE = 'baton.lock';

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` runs Node, read from Linux's /proc; true where that cannot be told. After a reboot
 * or a container restart the dead holder's pid may belong to another program (an init, a shell):
 * that program holds no lock of ours, and must not keep the server from starting.
 */
function runsNode(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true;
  }
  return /node/i.test(path.basename(cmdline.split('\0')[0] ?? ''));
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function notAFolder(dataDir: string, why: string): ConfigError {
  return new ConfigError(`DATA_DIR must be a writable folder, got '${dataDir}' (${why})`, 'DATA_DIR');
}

/**
 * Creates DATA_DIR and its missing parents one level at a time. fs.mkdirSync's own recursive mode
 * never returns for a path under /proc (Node 20 loops on the ENOENT it gets there), and a path
 * that is, or runs through, a file must stop start-up with one line naming DATA_DIR, not a stack.
 * A folder that exists but cannot be written fails at the lock file (explainStartupError names it).
 */
function makeDataDir(dataDir: string): void {
  const missing: string[] = [];
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw notAFolder(dataDir, String(code));
    }
    if (stat) {
      if (!stat.isDirectory()) throw notAFolder(dataDir, dir === path.resolve(dataDir) ? 'it is a file' : `${dir} is a file`);
      break;
    }
    missing.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      fs.mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Made a moment ago by another process starting on the same folder: fine if it is a folder.
      if (code === 'EEXIST' && fs.statSync(dir).isDirectory()) continue;
      throw notAFolder(dataDir, String(code));
    }
  }
}

/**
 * The embedded database belongs to one process: two PGlite instances on one folder each keep their
 * own copy of the data in memory and overwrite each other's files, losing what the other accepted.
 * The lock is a file created with O_EXCL holding our pid. A process killed with SIGKILL leaves it
 * behind; the next start finds that pid dead (or its own pid, or another program's, after a
 * container restart) and takes the lock over, so a crash never blocks the restart. A time-based lock (proper-lockfile's refreshed
 * mtime) would instead make a restart wait out the staleness period, and would call a live lock stale
 * whenever PGlite holds the event loop through a long query.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  makeDataDir(dataDir);
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPid(file);
      if (holder !== undefined && holder !== process.pid && isAlive(holder) && runsNode(holder)) {
        throw new ConfigError(
          `DATA_DIR '${dataDir}' is in use by another Baton process (pid ${holder}); stop it, or set DATA_DIR to another folder (or DATABASE_URL to share a Postgres)`,
          'DATA_DIR',
        );
      }
      // Left by a process that died (or half-written by one that died while writing it).
      if (attempt >= 3) throw new ConfigError(`DATA_DIR '${dataDir}': could not take over the stale ${LOCK_FILE}`, 'DATA_DIR');
      fs.rmSync(file, { force: true });
    }
  }
  // Two starters that both found the same stale lock may both have removed it: one of them can have
  // removed the other's fresh file. Whoever's pid is in the file a moment later holds the lock.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  const holder = readPid(file);
  if (holder !== process.pid) {
    throw new ConfigError(`DATA_DIR '${dataDir}' is in use by another Baton process (pid ${holder ?? 'unknown'}) that started at the same moment`, 'DATA_DIR');
  }
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
