import { loadConfig } from '../../server/config';
import { ConfigError } from '../../server/errors';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has a default for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      demoTenant: true,
      rateLimitPerMinute: 600,
      unauthenticatedRateLimitPerMinute: 60,
      bodyLimit: '1mb',
      workerConcurrency: 64,
      defaultWaitMinutes: 10,
      openai: { model: 'gpt-4o-mini', timeoutMs: 20000, maxInputTokens: 6000, maxOutputTokens: 800 },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.kbDir).toMatch(/server\/kb\/sample-store$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://baton@db:5432/baton',
      DATA_DIR: '/var/lib/baton',
      LOG_LEVEL: 'debug',
      KB_DIR: '/srv/kb',
      DEMO_TENANT: 'false',
      BATON_DEMO_API_KEY: 'bt_demo_key_for_local_testing_only',
      RATE_LIMIT_PER_MINUTE: '120',
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '30',
      WORKER_CONCURRENCY: '8',
      DEFAULT_WAIT_MINUTES: '4',
      OPENAI_API_KEY: 'sk-test-123456',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      OPENAI_MODEL: 'llama3.1:8b',
      OPENAI_TIMEOUT_MS: '15000',
      OPENAI_MAX_INPUT_TOKENS: '3000',
      OPENAI_MAX_OUTPUT_TOKENS: '600',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://baton@db:5432/baton',
      dataDir: '/var/lib/baton',
      logLevel: 'debug',
      kbDir: '/srv/kb',
      demoTenant: false,
      demoApiKey: 'bt_demo_key_for_local_testing_only',
      rateLimitPerMinute: 120,
      unauthenticatedRateLimitPerMinute: 30,
      bodyLimit: '1mb',
      workerConcurrency: 8,
      defaultWaitMinutes: 4,
      openai: {
        apiKey: 'sk-test-123456',
        baseUrl: 'http://localhost:11434/v1',
        model: 'llama3.1:8b',
        timeoutMs: 15000,
        maxInputTokens: 3000,
        maxOutputTokens: 600,
      },
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', DEMO_TENANT: ' ' })).toMatchObject({ port: 3000, demoTenant: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', "PORT must be an integer between 0 and 65535, got 'abc'"],
    [{ PORT: '65536' }, 'PORT', "PORT must be an integer between 0 and 65535, got '65536'"],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'"],
    [{ DEMO_TENANT: 'maybe' }, 'DEMO_TENANT', "DEMO_TENANT must be true or false, got 'maybe'"],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE', "RATE_LIMIT_PER_MINUTE must be an integer between 1 and 1000000, got '0'"],
    [{ WORKER_CONCURRENCY: '2.5' }, 'WORKER_CONCURRENCY', "WORKER_CONCURRENCY must be an integer between 1 and 100, got '2.5'"],
    [{ DEFAULT_WAIT_MINUTES: '-3' }, 'DEFAULT_WAIT_MINUTES', "DEFAULT_WAIT_MINUTES must be an integer between 1 and 1440, got '-3'"],
    [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL', "OPENAI_BASE_URL must be a URL starting with http:// or https://, got 'localhost:11434'"],
    [{ OPENAI_MODEL: 'gpt 4' }, 'OPENAI_MODEL', expect.stringMatching(/^OPENAI_MODEL must be a model name/)],
    [{ OPENAI_TIMEOUT_MS: '20s' }, 'OPENAI_TIMEOUT_MS', "OPENAI_TIMEOUT_MS must be an integer between 100 and 600000, got '20s'"],
    [{ OPENAI_MAX_INPUT_TOKENS: '100' }, 'OPENAI_MAX_INPUT_TOKENS', "OPENAI_MAX_INPUT_TOKENS must be an integer between 500 and 1000000, got '100'"],
  ])('rejects %j naming %s', (env, variable, message) => {
    const err = configError(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toEqual(message);
  });

  it('names a wrong secret without repeating its value', () => {
    const db = configError({ DATABASE_URL: 'mysql://root:hunter2@db/baton' });
    expect(db.message).toBe('DATABASE_URL must be a URL starting with postgres:// or postgresql://');
    const port = configError({ DATABASE_URL: 'postgres://baton:hunter2@db:99999/baton' });
    expect(port.message).toMatch(/^DATABASE_URL is not a valid URL \(check the host, the port/);
    expect(port.message).not.toContain('hunter2');
    const key = configError({ BATON_DEMO_API_KEY: 'short pw' });
    expect(key.variable).toBe('BATON_DEMO_API_KEY');
    expect(key.message).not.toContain('short pw');
    const openai = configError({ OPENAI_API_KEY: 'sk-1' });
    expect(openai.variable).toBe('OPENAI_API_KEY');
    expect(openai.message).not.toContain('sk-1');
  });
});
