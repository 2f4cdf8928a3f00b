import { isAxiosError } from 'axios';
import { UpstreamError } from '../errors';

/**
 * A connector failure, described in a few words for the brief's `sources` (never the vendor's
 * message or a URL, which may hold credentials or customer data) and whether trying again could help.
 */
export interface FailureDescription {
  error: string;
  retriable: boolean;
  /** The vendor is down or out of reach (no answer in time, no connection, a 5xx), not refusing this one request. */
  outage: boolean;
}

export function describeFailure(err: unknown, aborted: boolean): FailureDescription {
  if (aborted) return { error: 'timeout', retriable: false, outage: true };
  if (isAxiosError(err)) {
    const status = err.response?.status;
    if (status === undefined) {
      if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') return { error: 'timeout', retriable: false, outage: true };
      return { error: 'unreachable', retriable: true, outage: true };
    }
    if (status === 401 || status === 403) return { error: `unauthorized (HTTP ${status})`, retriable: false, outage: false };
    if (status === 404) return { error: 'not found (HTTP 404)', retriable: false, outage: false };
    if (status === 429) return { error: 'rate limited (HTTP 429)', retriable: false, outage: false };
    if (status >= 500) return { error: `unavailable (HTTP ${status})`, retriable: true, outage: true };
    return { error: `refused (HTTP ${status})`, retriable: false, outage: false };
  }
  if (err instanceof UpstreamError) return { error: err.message, retriable: err.retriable, outage: err.retriable };
  return { error: 'failed', retriable: false, outage: false };
}
