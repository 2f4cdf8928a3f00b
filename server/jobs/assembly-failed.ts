import type pino from 'pino';
import { isUuid } from '../store/rows';
import type { Sql, Store } from '../store/types';
import type { AssembleHandoffJob } from './assemble-handoff';

export interface AssemblyFailedDeps {
  store: Store;
  logger: pino.Logger;
  /** What follows assembly (the Slack alert, the helpdesk note), run with the brief the handoff has. */
  afterAssembled?: (tx: Sql, settled: { tenantId: string; handoffId: string; version: number }) => Promise<void>;
}

/**
 * The `handoff-assemble-failed` job (HANDOFF_ASSEMBLE's dead letter): assembly used up its retries.
 * The handoff keeps the brief it was recorded with, moves from `received` to `failed`, and what
 * follows assembly runs anyway, in the same transaction: a team that never hears of an escalation
 * loses more than one that reads it without the store's or the carrier's context. A handoff already
 * assembled (a late duplicate) is left alone, so a retried job changes nothing.
 */
export function createAssemblyFailedHandler(deps: AssemblyFailedDeps): (data: AssembleHandoffJob) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: 'handoff-assemble-failed', tenant: data?.tenantId, handoff: data?.handoffId });
    if (!isUuid(data?.tenantId) || !isUuid(data?.handoffId)) {
      logger.error('job data needs tenantId and handoffId (uuids); skipped');
      return;
    }
    const handoff = await deps.store.getHandoff(data.tenantId, data.handoffId);
    if (!handoff || handoff.status !== 'received') return;
    const after = deps.afterAssembled;
    const then = after && ((tx: Sql, current: { version: number }) => after(tx, { tenantId: data.tenantId, handoffId: data.handoffId, version: current.version }));
    const moved = await deps.store.advanceStatus(data.tenantId, data.handoffId, handoff.brief_version, { from: 'received', to: 'failed' }, then);
    if (moved) {
      logger.error({ version: moved.version }, 'brief assembly used up its retries; handoff marked failed and its first brief sent on');
      return;
    }
    // Still `received` means a version was stored since it was read: try again against it.
    if ((await deps.store.getHandoff(data.tenantId, data.handoffId))?.status === 'received') {
      throw new Error('a newer brief version was stored while marking the handoff failed; retrying');
    }
  };
}
