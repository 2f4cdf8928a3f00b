import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  demoKey?: string;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  crash(): Promise<void>;
  /** SIGTERM, and waits for the exit code. */
  terminate(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** For afterAll: no child outlives the suite, whatever failed. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The demo tenant's key: BATON_DEMO_API_KEY, else the file `npm start` keeps it in. */
function demoKeyOf(env: Record<string, string>): string | undefined {
  if (env.BATON_DEMO_API_KEY) return env.BATON_DEMO_API_KEY;
  try {
    return fs.readFileSync(path.join(env.DATA_DIR ?? path.join(ROOT, 'data'), 'demo-api-key'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Runs `server/main.ts` in a real process, as `npm start` does, and waits for its start-up lines.
 * Node loads tsx itself (rather than the tsx CLI, which runs a second process) so that a kill
 * reaches the server, not a wrapper.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));

  const ready = await new Promise<{ url: string; demoKey?: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const url = /Baton listening on (\S+)/.exec(out)?.[1];
      // With the demo tenant its lines follow the listening line; wait for them. The key itself is
      // printed only on the start that mints it, so it is read where it is kept.
      if (url && (/^Try: /m.test(out) || env.DEMO_TENANT === 'false')) {
        clearTimeout(timer);
        resolve({ url, demoKey: env.DEMO_TENANT === 'false' ? undefined : demoKeyOf(env) });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });

  return {
    child,
    ...ready,
    output: () => out,
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async terminate() {
      child.kill('SIGTERM');
      const code = await exited(child);
      // The exit code alone says nothing of why; the log does.
      if (code !== 0) console.error(`server exited with ${code} on SIGTERM; its output:\n${out.slice(-4000)}`);
      return code;
    },
  };
}

/** Polls `fn` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
