import fs from 'node:fs';
import path from 'node:path';
import type pino from 'pino';
import { loadConfig, type Config } from './config';
import { DEMO_KEY_FILE } from './demo-tenant';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { startRuntime, type Runtime } from './runtime';

/**
 * `npm start`: the API and the workers in one process. Prints where it listens and, with the demo
 * tenant, a key and a curl line that work as printed.
 */
/**
 * A copy of the first signal arriving this soon after it is the same request to stop: Ctrl-C in a
 * terminal, `systemctl stop` and `kill -- -pgid` signal the whole process group, and `npm start`
 * forwards what it gets to this process as well, so the server receives the one signal twice.
 */
export const REPEAT_WINDOW_MS = 1000;

export function stopOnSignals(runtime: Runtime): void {
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first) {
      if (signal === first.signal && Date.now() - first.at < REPEAT_WINDOW_MS) return;
      runtime.logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    first = { signal, at: Date.now() };
    runtime.logger.info({ signal }, 'signal received; draining');
    runtime.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        runtime.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * A promise that fails with nothing awaiting it is a bug (a call started, then abandoned), but its
 * failure is that one call's: Node's default, ending the process, would cut every request in flight
 * and, when a job's work set it off, do so again on every retry after the restart. Logged instead.
 */
export function logStrayRejections(logger: pino.Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'a promise failed with nothing waiting for it (a bug); the server goes on');
  });
}

/** Start-up failures end the process with a one-line reason and exit code 1. */
export function exitOnStartupError(err: unknown): never {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else {
    process.stderr.write(`Baton could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}

function curlExample(url: string, keyExpression: string): string {
  const body = JSON.stringify({
    id: 'conv-1',
    messages: [{ role: 'customer', text: 'Where is order #48213? I want to talk to a real person.' }],
    ticket: { provider: 'zendesk', id: '12345' },
  });
  return `curl -s -X POST ${url}/v1/handoffs -H "Authorization: Bearer ${keyExpression}" -H 'Content-Type: application/json' -d '${body}'`;
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The demo key is a secret: printed once, on the start that mints it (so the person who just typed
 * `npm start` can copy it), never written to the log and never printed again. Later starts say where
 * it is kept; a key set in BATON_DEMO_API_KEY is the operator's and is not echoed.
 */
function demoKeyLines(config: Config, runtime: Runtime, keptBefore: string | undefined): string[] {
  if (!runtime.demoApiKey) return [];
  if (config.demoApiKey) {
    return ['Demo tenant: its API key is BATON_DEMO_API_KEY', `Try: ${curlExample(runtime.url!, '$BATON_DEMO_API_KEY')}`];
  }
  const file = path.relative(process.cwd(), path.join(config.dataDir, DEMO_KEY_FILE)) || DEMO_KEY_FILE;
  const lines = runtime.demoApiKey === keptBefore ? [] : [`Demo API key: ${runtime.demoApiKey} (shown this once)`];
  lines.push(`Demo tenant: its API key is kept in ${file}; read it with: cat ${file}`);
  lines.push(`Try: ${curlExample(runtime.url!, `$(cat ${file})`)}`);
  return lines;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  logStrayRejections(logger);
  const keptBefore = readIfPresent(path.join(config.dataDir, DEMO_KEY_FILE));
  const runtime = await startRuntime(config, { http: true, workers: true, logger });
  stopOnSignals(runtime);
  // Plain stdout lines, not log records: these are for the person who just typed `npm start`.
  process.stdout.write(`Baton listening on ${runtime.url}\n`);
  for (const line of demoKeyLines(config, runtime, keptBefore)) process.stdout.write(`${line}\n`);
}

if (require.main === module) main().catch(exitOnStartupError);
