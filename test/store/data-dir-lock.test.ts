import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../server/errors';
import { LOCK_FILE, lockDataDir } from '../../server/store/data-dir-lock';

/** A folder whose lock file names `pid`, as a process that held it would have left it. */
function lockedBy(pid: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-lock-'));
  fs.writeFileSync(path.join(dir, LOCK_FILE), `${pid}\n`);
  return dir;
}

async function running(command: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

describe('the DATA_DIR lock', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it('refuses a folder whose lock names a live Node process', async () => {
    const node = await running(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(node);
    const dir = lockedBy(node.pid!);
    expect(() => lockDataDir(dir)).toThrow(ConfigError);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(node.pid));
  });

  it('takes over a lock whose pid is dead, or now another program’s (a pid reused after a restart)', async () => {
    const sleep = await running('sleep', ['60']);
    children.push(sleep);
    const dead = await running(process.execPath, ['-e', '']);
    await new Promise((resolve) => (dead.exitCode !== null ? resolve(undefined) : dead.once('exit', resolve)));
    for (const pid of [sleep.pid!, dead.pid!]) {
      const dir = lockedBy(pid);
      const lock = lockDataDir(dir);
      expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
      lock.release();
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    }
  });
});
