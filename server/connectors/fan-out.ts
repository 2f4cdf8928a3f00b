import type { SourceStatus } from '../domain/decision';
import { describeFailure } from './connector-error';
import type { ConnectorContext, ContextConnector, GatheredContext } from './types';

export const DEFAULT_CONNECTOR_TIMEOUT_MS = 2000;

export interface FanOutOptions {
  /** Each connector's whole budget, retry included. */
  timeoutMs?: number;
  /** Called once per failed attempt (for logs); never receives credentials. */
  onFailure?: (kind: string, attempt: number, error: string) => void;
}

function abortError(): Error {
  return Object.assign(new Error('timeout'), { name: 'AbortError' });
}

/** Settles with the connector's result, or rejects when `signal` aborts first (a connector that ignores its signal still cannot hold the brief). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * A vendor that is down costs every brief its whole budget (retries, back-off, the timeout) while it
 * stays down, and a backlog of assembly jobs (a restart after a burst) then drains at the job
 * concurrency divided by that budget. So a connector whose last OUTAGE_LIMIT calls all failed for an
 * outage is not asked for OUTAGE_PAUSE_MS: its briefs go on without it at once, marked in `sources`
 * as for any failure. After the pause it is asked again; one success clears the count. Kept per
 * connector object, which lives as long as the tenant's integration settings (tenant-integrations.ts),
 * so reconnecting an integration starts afresh.
 */
const OUTAGE_LIMIT = 5;
const OUTAGE_PAUSE_MS = 30_000;

interface Outage {
  failuresInARow: number;
  lastError: string;
  pausedUntil: number;
}

const outages = new WeakMap<ContextConnector, Outage>();

function pausedOutage(connector: ContextConnector, now: number): Outage | undefined {
  const outage = outages.get(connector);
  return outage && outage.pausedUntil > now ? outage : undefined;
}

function noteFailure(connector: ContextConnector, error: string, isOutage: boolean, now: number): void {
  if (!isOutage) {
    outages.delete(connector);
    return;
  }
  const outage = outages.get(connector) ?? { failuresInARow: 0, lastError: error, pausedUntil: 0 };
  outage.failuresInARow += 1;
  outage.lastError = error;
  if (outage.failuresInARow >= OUTAGE_LIMIT) outage.pausedUntil = now + OUTAGE_PAUSE_MS;
  outages.set(connector, outage);
}

async function runOne(
  connector: ContextConnector,
  context: ConnectorContext,
  options: Required<Pick<FanOutOptions, 'timeoutMs'>> & FanOutOptions,
): Promise<{ section?: Record<string, unknown>; source: SourceStatus }> {
  const paused = pausedOutage(connector, Date.now());
  if (paused) {
    const error = `${paused.lastError}; not asked after ${paused.failuresInARow} failures in a row`;
    return { source: { kind: connector.kind, ok: false, error } };
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  // Connectors only read, so one more try is safe when the first failed fast for a passing reason.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const section = await untilAborted(connector.fetch(context, signal), signal);
      outages.delete(connector);
      return { section, source: { kind: connector.kind, ok: true } };
    } catch (err) {
      const failure = describeFailure(err, signal.aborted);
      options.onFailure?.(connector.kind, attempt, failure.error);
      if (attempt >= 2 || !failure.retriable || signal.aborted) {
        noteFailure(connector, failure.error, failure.outage, Date.now());
        return { source: { kind: connector.kind, ok: false, error: failure.error } };
      }
    }
  }
}

/**
 * Asks every connector at once, each within its own timeout, and never fails: a connector that
 * errs or is too slow is marked in `sources` and the brief goes on without it. Sections are keyed
 * by the connector's kind, in the connectors' order.
 */
export async function gatherContext(
  connectors: readonly ContextConnector[],
  context: ConnectorContext,
  options: FanOutOptions = {},
): Promise<GatheredContext> {
  const settled = await Promise.all(
    connectors.map((c) => runOne(c, context, { ...options, timeoutMs: options.timeoutMs ?? DEFAULT_CONNECTOR_TIMEOUT_MS })),
  );
  const customerContext: Record<string, unknown> = {};
  connectors.forEach((c, i) => {
    const section = settled[i]!.section;
    if (section !== undefined) customerContext[c.kind] = section;
  });
  return { customerContext, sources: settled.map((s) => s.source) };
}
