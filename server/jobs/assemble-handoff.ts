import type pino from 'pino';
import { sameBriefContent } from '../brief/same-brief';
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
 * The `handoff-assemble` job: writes the assembled brief as the handoff's next version when it adds
 * something to the latest one (connectors' context, a failing source); otherwise no version is
 * written. Either way, storing it (or not) and moving the handoff from `received` to `assembled`
 * happen in one conditional statement, with `afterAssembled` in the same transaction pointing at the
 * version now shown, so a retried or duplicated job adds nothing. The rules' decision is never
 * changed here.
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
    // The connectors start at once; the tenant is read while they work (assembly takes as long as
    // the slowest connector, plus as little of our own as possible). gather never throws: a failing
    // connector is marked in sources and the brief goes on without it.
    const [tenant, gathered] = await Promise.all([
      deps.store.getTenant(data.tenantId),
      deps.gather ? deps.gather(data.tenantId, handoff) : Promise.resolve<GatheredContext>({ customerContext: {}, sources: [] }),
    ]);
    if (!tenant) {
      logger.warn('tenant not found; skipped');
      return;
    }
    const { brief: latest, ...decision } = handoff.assessment;
    // The conversation's own time, as when the handoff was first assessed, so the brief reads the same.
    const now = conversationTime(handoff.conversation, new Date(handoff.created_at));
    // Nothing gathered (a tenant with no connectors) and the brief shown is this writer's: written with
    // the handoff moments ago from the same conversation and decision, it is the assembled brief, and
    // writing it again would cost a second brief's CPU per handoff on the thread that serves requests.
    const nothingGathered = Object.keys(gathered.customerContext).length === 0 && gathered.sources.length === 0;
    const brief = nothingGathered && latest.writer === deps.writer.name
      ? latest
      : await deps.writer.write(handoff.conversation, decision, {
          policy: tenant.policy,
          kb: deps.kb,
          now,
          customerContext: gathered.customerContext,
          sources: gathered.sources,
        });
    const afterAssembled = deps.afterAssembled;
    const then = afterAssembled && ((tx: Sql, stored: { version: number }) => afterAssembled(tx, { tenantId: data.tenantId, handoffId: data.handoffId, version: stored.version }));
    const transition = { from: 'received', to: 'assembled' } as const;
    if (brief === latest || sameBriefContent(latest, brief)) {
      // Nothing new (no connectors, or they found nothing): the shown version stays the brief, the
      // handoff is assembled all the same, and what follows assembly points at that version.
      const current = await deps.store.advanceStatus(data.tenantId, data.handoffId, handoff.brief_version, transition, then);
      if (current) {
        logger.info({ version: current.version }, 'brief assembled; nothing new, no version written');
        return;
      }
      // Still `received` means a version was added since it was read: compare again on a retry.
      if ((await deps.store.getHandoff(data.tenantId, data.handoffId))?.status === 'received') {
        throw new Error('a newer brief version was stored while assembling; retrying against it');
      }
      logger.info('another run assembled it first; nothing changed');
      return;
    }
    const version = await deps.store.advanceBrief(data.tenantId, data.handoffId, brief, transition, then);
    if (version) logger.info({ version: version.version, writer: brief.writer }, 'brief assembled');
    else logger.info('another run assembled it first; nothing stored');
  };
}
