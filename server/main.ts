import { loadConfig } from './config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { startRuntime, type Runtime } from './runtime';

/**
 * `npm start`: the API and the workers in one process. Prints where it listens and, with the demo
 * tenant, a key and a curl line that work as printed.
 */
export function stopOnSignals(runtime: Runtime): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      runtime.logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    signalled = true;
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

/** Start-up failures end the process with a one-line reason and exit code 1. */
export function exitOnStartupError(err: unknown): never {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else {
    process.stderr.write(`Baton could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}

function curlExample(url: string, key: string): string {
  const body = JSON.stringify({
    id: 'conv-1',
    messages: [{ role: 'customer', text: 'Where is order #48213? I want to talk to a real person.' }],
    ticket: { provider: 'zendesk', id: '12345' },
  });
  return `curl -s -X POST ${url}/v1/handoffs -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' -d '${body}'`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const runtime = await startRuntime(config, { http: true, workers: true, logger });
  stopOnSignals(runtime);
  // Plain stdout lines, not log records: these are for the person who just typed `npm start`.
  process.stdout.write(`Baton listening on ${runtime.url}\n`);
  if (runtime.demoApiKey) {
    process.stdout.write(`Demo API key: ${runtime.demoApiKey}\n`);
    process.stdout.write(`Try: ${curlExample(runtime.url!, runtime.demoApiKey)}\n`);
  }
}

if (require.main === module) main().catch(exitOnStartupError);
