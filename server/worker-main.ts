import { loadConfig } from './config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { exitOnStartupError, logStrayRejections, stopOnSignals } from './main';
import { startRuntime } from './runtime';

/**
 * `npm run worker`: job workers only, for scaling them apart from the API. Needs a shared Postgres:
 * the embedded database belongs to the one process that opened it (and `npm start` runs workers too).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL must be set for npm run worker: the embedded database serves one process, and npm start already runs the workers',
      'DATABASE_URL',
    );
  }
  const logger = createLogger(config);
  logStrayRejections(logger);
  // The demo tenant is the API process's business.
  const runtime = await startRuntime({ ...config, demoTenant: false }, { http: false, workers: true, logger });
  stopOnSignals(runtime);
  logger.info({ concurrency: config.workerConcurrency }, 'Baton worker running');
}

main().catch(exitOnStartupError);
