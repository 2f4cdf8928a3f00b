import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Everything the process reads from its environment, read once at start-up (STYLE.md habit 4).
 * Nothing else in the server touches `process.env`: the runtime passes this object down.
 */
export interface Config {
  port: number;
  host: string;
  /** Unset: embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  logLevel: LogLevel;
  kbDir: string;
  /** Create the `demo` tenant and print its API key at start-up. */
  demoTenant: boolean;
  /** A fixed demo API key; unset: generated once and kept in `<dataDir>/demo-api-key`. */
  demoApiKey?: string;
  /** Requests per minute per tenant. */
  rateLimitPerMinute: number;
  /** Requests per minute per client address that come without a valid API key. */
  unauthenticatedRateLimitPerMinute: number;
  /** Largest JSON body accepted; fixed, not configurable. */
  bodyLimit: '1mb';
  /** Jobs each worker process runs at once. */
  workerConcurrency: number;
  /** Wait promised to customers until queues report their recent time-to-claim. */
  defaultWaitMinutes: number;
  /**
   * The OpenAI writer (docs/OPENAI.md): on when `apiKey` is set. `timeoutMs` bounds the whole model
   * step of one brief; the token figures bound one request (tenants may lower the input budget).
   */
  /** `BATON_SECRET_KEY`: seals vendor credentials at rest; unset = generated into DATA_DIR (server/secret-box.ts). */
  secretKey?: string;
  /** `BATON_ADMIN_TOKEN`: turns on the admin API (/admin/v1, docs/ADMIN-API.md); unset = no admin API. */
  adminToken?: string;
  /** The Slack app (docs/SLACK.md); absent without `SLACK_SIGNING_SECRET`. */
  slack?: {
    signingSecret: string;
    /** One-workspace mode (self-hosting): the bot token of that workspace. */
    botToken?: string;
    /** One-workspace mode: the Baton tenant (by name) the workspace belongs to. */
    tenantName: string;
    /** Many-workspace mode: the OAuth install. */
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
    /** Web API base URL (default Slack's), e.g. a stand-in on loopback. */
    apiUrl?: string;
  };
  openai: {
    apiKey?: string;
    baseUrl?: string;
    model: string;
    timeoutMs: number;
    maxInputTokens: number;
    maxOutputTokens: number;
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_KB_DIR = path.resolve(__dirname, 'kb', 'sample-store');

/** The wait promised to customers when DEFAULT_WAIT_MINUTES is unset (and by the CLI, which has no queue). */
export const DEFAULT_WAIT_MINUTES = 10;

/** Empty strings count as unset: `PORT= npm start` should mean the default, not an error. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function integer(min: number, max: number, fallback: number) {
  return optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be an integer between ${min} and ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be an integer between ${min} and ${max}`).max(max, `must be an integer between ${min} and ${max}`))
      .optional()
      .default(fallback),
  );
}

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

function flag(fallback: boolean) {
  return optionalText.pipe(
    z
      .string()
      .refine((v) => [...TRUE_WORDS, ...FALSE_WORDS].includes(v.toLowerCase()), 'must be true or false')
      .transform((v) => TRUE_WORDS.includes(v.toLowerCase()))
      .optional()
      .default(fallback),
  );
}

const url = (protocols: string[]) =>
  optionalText.pipe(
    z
      .string()
      .superRefine((v, ctx) => {
        const starts = `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
        let protocol: string;
        try {
          protocol = new URL(v).protocol;
        } catch {
          // Said apart from the scheme: "postgres://db:99999/x" does start right, its port does not parse.
          const scheme = protocols.some((p) => v.toLowerCase().startsWith(`${p}//`));
          ctx.addIssue({ code: 'custom', message: scheme ? 'is not a valid URL (check the host, the port (1 to 65535) and any special characters in the password, which must be percent-encoded)' : starts });
          return;
        }
        if (!protocols.includes(protocol)) ctx.addIssue({ code: 'custom', message: starts });
      })
      .optional(),
  );

const envSchema = z.object({
  PORT: integer(0, 65535, 3000),
  HOST: optionalText.pipe(z.string().optional().default('0.0.0.0')),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATA_DIR: optionalText.pipe(z.string().optional().default('./data')),
  LOG_LEVEL: optionalText.pipe(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional().default('info'),
  ),
  KB_DIR: optionalText.pipe(z.string().optional().default(DEFAULT_KB_DIR)),
  DEMO_TENANT: flag(true),
  BATON_DEMO_API_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,200}$/, 'must be 24 to 200 letters, digits, "_" or "-"')
      .optional(),
  ),
  RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000, 600),
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: integer(1, 1_000_000, 60),
  WORKER_CONCURRENCY: integer(1, 100, 64),
  DEFAULT_WAIT_MINUTES: integer(1, 1440, DEFAULT_WAIT_MINUTES),
  OPENAI_API_KEY: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  OPENAI_BASE_URL: url(['http:', 'https:']),
  OPENAI_MODEL: optionalText.pipe(
    z
      .string()
      .regex(/^[\w.:/-]{1,100}$/, 'must be a model name (letters, digits, ".", ":", "/", "-", "_")')
      .optional()
      .default('gpt-4o-mini'),
  ),
  BATON_SECRET_KEY: optionalText,
  BATON_ADMIN_TOKEN: optionalText.pipe(z.string().min(24, 'must be at least 24 characters (e.g. openssl rand -hex 24)').optional()),
  SLACK_SIGNING_SECRET: optionalText.pipe(z.string().min(16, 'must be the app\'s signing secret (Basic Information)').optional()),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().regex(/^xoxb-[\w-]+$/, 'must be a bot token starting with xoxb-').optional()),
  SLACK_TENANT: optionalText.pipe(z.string().optional().default('demo')),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SLACK_API_URL: url(['http:', 'https:']),
  OPENAI_TIMEOUT_MS: integer(100, 600_000, 20_000),
  OPENAI_MAX_INPUT_TOKENS: integer(500, 1_000_000, 6000),
  OPENAI_MAX_OUTPUT_TOKENS: integer(100, 100_000, 800),
});

/** Variables whose value must never appear in an error message or a log line. */
const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'BATON_DEMO_API_KEY',
  'OPENAI_API_KEY',
  'BATON_SECRET_KEY',
  'BATON_ADMIN_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
]);

/** Slack runs in one of two modes (docs/SLACK.md); a half-set mode is a mistake worth stopping for. */
function slackConfig(e: z.infer<typeof envSchema>): Config['slack'] {
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (!e.SLACK_SIGNING_SECRET) {
    const stray = e.SLACK_BOT_TOKEN ? 'SLACK_BOT_TOKEN' : oauth.some(Boolean) ? 'SLACK_CLIENT_ID' : undefined;
    if (stray) throw new ConfigError(`SLACK_SIGNING_SECRET must be set when ${stray} is (docs/SLACK.md)`, 'SLACK_SIGNING_SECRET');
    return undefined;
  }
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    const missing = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'][oauth.findIndex((v) => !v)]!;
    throw new ConfigError(`${missing} must be set for the Slack OAuth install (with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)`, missing);
  }
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    tenantName: e.SLACK_TENANT,
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    apiUrl: e.SLACK_API_URL,
  };
}

/**
 * Reads and validates the environment. Throws ConfigError naming the first wrong variable, what is
 * wrong and (unless it is a secret) the value it got.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k]]));
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const raw = env[variable];
    const got = SECRET_VARIABLES.has(variable) ? '' : `, got '${raw ?? ''}'`;
    throw new ConfigError(`${variable} ${issue.message}${got}`, variable);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    kbDir: path.resolve(e.KB_DIR),
    demoTenant: e.DEMO_TENANT,
    demoApiKey: e.BATON_DEMO_API_KEY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    unauthenticatedRateLimitPerMinute: e.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    bodyLimit: '1mb',
    workerConcurrency: e.WORKER_CONCURRENCY,
    defaultWaitMinutes: e.DEFAULT_WAIT_MINUTES,
    secretKey: e.BATON_SECRET_KEY,
    adminToken: e.BATON_ADMIN_TOKEN,
    slack: slackConfig(e),
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
      maxInputTokens: e.OPENAI_MAX_INPUT_TOKENS,
      maxOutputTokens: e.OPENAI_MAX_OUTPUT_TOKENS,
    },
  };
}
