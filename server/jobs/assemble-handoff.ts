import type pino from 'pino';
import type { BriefWriter } from '../brief/writer';
import type { GatheredContext } from '../connectors/types';
import { conversationTime } from '../domain/conversation';
import type { KnowledgeSearch } from '../kb/types';
import { isUuid } from '../store/rows';
import type { HandoffRecord, Sql, Store } from '../store/types';

export interface AssembleHandoffJob {
  tenantId: string;
  handoffId: string;
}

export interface AssembleHandoffDeps {
  store: Store;
  writer: BriefWriter;
  kb?: KnowledgeSearch;
  logger: pino.Logger;
  /**
   * Runs in the transaction that stores the assembled brief: how the model's brief is enqueued
   * (progressive brief), so a crash cannot keep the job without the version or the version without it.
   */
  afterAssembled?: (tx: Sql, assembled: { tenantId: string; handoffId: string; version: number }) => Promise<void>;
  /** The tenant's connectors, asked in parallel (server/integrations/gather.ts); none: an offline brief. */
  gather?: (tenantId: string, handoff: HandoffRecord) => Promise<GatheredContext>;
}

/**
 * The `handoff-assemble` job: writes the assembled brief as the handoff's next version. Storing it
 * and moving the handoff from `received` to `assembled` happen in one conditional statement, so a
 * retried or duplicated job adds nothing. The rules' decision is never changed here.
 */
export function createAssembleHandoffHandler(deps: AssembleHandoffDeps): (data: AssembleHandoffJob) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: 'handoff-assemble', tenant: data?.tenantId, handoff: data?.handoffId });
    // A malformed payload would fail the same way on every retry: log it and let the job finish.
    if (!isUuid(data?.tenantId) || !isUuid(data?.handoffId)) {
      logger.error('job data needs tenantId and handoffId (uuids); skipped');
      return;
    }
    const handoff = await deps.store.getHandoff(data.tenantId, data.handoffId);
    if (!handoff) {
      logger.warn('handoff not found; skipped');
      return;
    }
    if (handoff.status !== 'received') {
      logger.info({ status: handoff.status }, 'already assembled; skipped');
      return;
    }
    const tenant = await deps.store.getTenant(data.tenantId);
    if (!tenant) {
      logger.warn('tenant not found; skipped');
      return;
    }
    const { brief: _previous, ...decision } = handoff.assessment;
    // The conversation's own time, as when the handoff was first assessed, so the brief reads the same.
    const now = conversationTime(handoff.conversation, new Date(handoff.created_at));
    // Never throws: a failing connector is marked in sources and the brief goes on without it.
    const gathered = deps.gather ? await deps.gather(data.tenantId, handoff) : { customerContext: {}, sources: [] };
    const brief = await deps.writer.write(handoff.conversation, decision, {
      policy: tenant.policy,
      kb: deps.kb,
      now,
      customerContext: gathered.customerContext,
      sources: gathered.sources,
    });
    const afterAssembled = deps.afterAssembled;
    const version = await deps.store.advanceBrief(
      data.tenantId,
      data.handoffId,
      brief,
      { from: 'received', to: 'assembled' },
      afterAssembled && ((tx, stored) => afterAssembled(tx, { tenantId: data.tenantId, handoffId: data.handoffId, version: stored.version })),
    );
    if (version) logger.info({ version: version.version, writer: brief.writer }, 'brief assembled');
    else logger.info('another run assembled it first; nothing stored');
  };
}
