import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Server processes for the HTTP benchmarks (npm run bench, bench:routes), started from source as `npm start` runs them. */

const ROOT = path.resolve(__dirname, '..', '..');

/** user + system CPU of a process, in ms (Linux /proc; includes all its threads). */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export interface Child {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * Node flags of a server process: on Postgres, the larger young generation that `npm start` gives
 * (package.json: --max-semi-space-size=64 when DATABASE_URL is set), for Baton and the bare baselines alike.
 */
function nodeFlags(env: Record<string, string>): string[] {
  return env.DATABASE_URL ? ['--max-semi-space-size=64'] : [];
}

/** Starts a process and waits for `pattern` (its first group is the URL) on stdout or stderr. */
export async function startChild(args: string[], env: Record<string, string>, pattern: RegExp): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags(env), '--require', 'tsx/cjs', ...args], {
    cwd: ROOT,
    // MALLOC_TRIM_THRESHOLD_ as npm start sets it (package.json), for Baton and the baselines alike.
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', MALLOC_TRIM_THRESHOLD_: '131072', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let head = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start in 240 s:\n${head}`)), 240_000);
    const onData = (chunk: Buffer) => {
      if (head.length < 20_000) head += chunk.toString();
      const match = pattern.exec(head);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}:\n${head}`)));
  });
  // Keep draining its output (the access log) so the pipe never blocks it.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  return {
    child,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
