import axios, { isAxiosError, type AxiosError, type AxiosInstance } from 'axios';
import axiosRetry, { isRetryableError, retryAfter } from 'axios-retry';
import { UpstreamError } from '../errors';

export interface VendorHttpOptions {
  baseURL: string;
  headers?: Record<string, string>;
  /** Per request; the fan-out's signal bounds the whole fetch anyway. */
  timeoutMs?: number;
  retries?: number;
  /** A `Retry-After` longer than this is not waited out here: the caller fails and a job retries later. */
  maxRetryAfterMs?: number;
  /** Base of the exponential back-off for server errors (ms). */
  backoffMs?: number;
}

const READS = new Set(['get', 'head', 'options']);

/**
 * A vendor's answer said "not now": 429 always means the request was not processed, so any method
 * may be sent again; a 5xx or a broken connection is retried only for reads, since a write (a note)
 * may have landed.
 */
export function shouldRetry(error: AxiosError, maxRetryAfterMs: number): boolean {
  if (error.response?.status === 429) return retryAfter(error) <= maxRetryAfterMs;
  return READS.has((error.config?.method ?? '').toLowerCase()) && (isRetryableError(error) || (!error.response && error.code !== 'ECONNABORTED' && error.code !== 'ERR_CANCELED'));
}

/**
 * The axios instance each vendor client is given: JSON, a timeout, and retries that honour
 * `Retry-After` (axios-retry reads it as seconds or an HTTP date).
 */
export function createVendorHttp(options: VendorHttpOptions): AxiosInstance {
  const http = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 10_000,
    headers: { Accept: 'application/json', 'User-Agent': 'Baton (+handoff briefs)', ...options.headers },
    // Redirects could carry our Authorization header to another host.
    maxRedirects: 0,
  });
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const backoff = options.backoffMs ?? 200;
  axiosRetry(http, {
    retries: options.retries ?? 2,
    retryCondition: (error) => shouldRetry(error, maxRetryAfterMs),
    retryDelay: (attempt, error) => Math.max(retryAfter(error), error.response?.status === 429 ? 0 : backoff * 2 ** (attempt - 1)),
  });
  return http;
}

/** The HTTP status of a vendor error, if it got that far. */
export function statusOf(error: unknown): number | undefined {
  return isAxiosError(error) ? error.response?.status : undefined;
}

/**
 * The part of a vendor's answer a client reads, checked for its kind: a 200 whose body is not what
 * the vendor documents (an empty object, an HTML page from a proxy, a renamed field) becomes one
 * UpstreamError naming the field, instead of a TypeError somewhere downstream. `key` undefined checks
 * the body itself. Retriable: such answers are usually a proxy's or an outage's, and pass.
 */
export function vendorField<T>(vendor: string, data: unknown, key: string | undefined, kind: 'object' | 'array'): T {
  const value = key === undefined ? data : isPlainObject(data) ? data[key] : undefined;
  const ok = kind === 'array' ? Array.isArray(value) : isPlainObject(value);
  if (!ok) throw new UpstreamError(`${vendor} answered without ${kind === 'array' ? 'a list' : 'an object'}${key === undefined ? '' : ` in "${key}"`}`);
  return value as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
