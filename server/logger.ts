import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log line: credentials in request headers (as
 * pino-http serialises them) and in any object we log. Secrets never reach the log.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'cookie',
  'apiKey',
  'api_key',
  'key',
  'password',
  'secret',
  'token',
  '*.apiKey',
  '*.api_key',
  '*.key',
  '*.password',
  '*.secret',
  '*.token',
  'config.databaseUrl',
  'config.demoApiKey',
  'config.openai.apiKey',
];

/**
 * What a client library's error carries about its exchange or connection: axios puts the request's
 * config (its headers, with a vendor's credentials, and its body, with customer text) and the
 * response (its headers and body) on the error; pg-pool puts the whole pg client on an idle
 * connection's error (its connection parameters, with the database password, and kilobytes more).
 * pino's standard serializer copies every field of an error.
 */
const EXCHANGE_FIELDS = ['config', 'request', 'response', 'client'] as const;

interface HttpExchange {
  config?: { method?: string; url?: string; baseURL?: string };
  response?: { status?: number };
}

/** Where a failed call went, without its query string (which can hold keys too). */
function exchangeSummary(err: HttpExchange): { method?: string; url?: string; status?: number } | undefined {
  if (!err.config && !err.response) return undefined;
  const { method, url, baseURL } = err.config ?? {};
  let where: string | undefined;
  try {
    const full = new URL(url ?? '', baseURL);
    where = `${full.origin}${full.pathname}`;
  } catch {
    where = undefined;
  }
  return { method: method?.toUpperCase(), url: where, status: err.response?.status };
}

/** Drops the exchange fields from a serialized error and from the errors nested in it. */
function scrub(serialized: Record<string, unknown>, depth = 0): void {
  for (const field of EXCHANGE_FIELDS) delete serialized[field];
  if (depth >= 3) return;
  for (const value of Object.values(serialized)) {
    if (Array.isArray(value)) value.forEach((v) => v && typeof v === 'object' && scrub(v as Record<string, unknown>, depth + 1));
    else if (value && typeof value === 'object' && 'message' in value && 'stack' in value) scrub(value as Record<string, unknown>, depth + 1);
  }
}

/** pino's error serializer, with a failed HTTP call reduced to its method, URL and status. */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown;
  if (!serialized || typeof serialized !== 'object' || serialized === err) return serialized;
  const out = serialized as Record<string, unknown>;
  const http = exchangeSummary(err as HttpExchange);
  scrub(out);
  if (http) out.http = http;
  return out;
}

/** The process's root logger; `destination` lets tests capture lines. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'baton' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}
