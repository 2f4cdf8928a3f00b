import type pino from 'pino';
import type { BriefEnricher } from '../brief/writer';
import { conversationTime } from '../domain/conversation';
import type { KnowledgeSearch } from '../kb/types';
import { monthStart, recordModelCall, startModelCall, storeModelBrief, tenantUsage } from '../store/brief-usage';
import { isUuid } from '../store/rows';
import type { Store } from '../store/types';

export interface EnrichBriefJob {
  tenantId: string;
  handoffId: string;
  /** The assembled version the model improves; a handoff that moved past it is left alone. */
  version: number;
}

export interface EnrichBriefDeps {
  store: Store;
  enricher: BriefEnricher;
  kb?: KnowledgeSearch;
  logger: pino.Logger;
  /** Told when the model's brief became the shown version (e.g. to update the Slack alert in place). */
  afterStored?: (stored: { tenantId: string; handoffId: string; version: number }) => Promise<void>;
  /** For the monthly token limit (default: the system clock). */
  clock?: () => Date;
}

/**
 * The `brief-enrich` job, second step of the progressive brief: the offline brief is already stored
 * and shown; this asks the model and stores its brief as the next version. The model's failures are
 * not the job's: the enricher reports them and the offline brief stays, so the job completes and
 * pg-boss does not call the model again. Only our own failures (the database) throw and retry.
 * Every call is recorded with its tokens, used or not, and before it is made, so one cut short by a
 * crash still counts when the retry calls again.
 */
export function createEnrichBriefHandler(deps: EnrichBriefDeps): (data: EnrichBriefJob) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: 'brief-enrich', tenant: data?.tenantId, handoff: data?.handoffId });
    if (!isUuid(data?.tenantId) || !isUuid(data?.handoffId) || !Number.isInteger(data?.version)) {
      logger.error('job data needs tenantId and handoffId (uuids) and version (integer); skipped');
      return;
    }
    const handoff = await deps.store.getHandoff(data.tenantId, data.handoffId);
    const tenant = handoff ? await deps.store.getTenant(data.tenantId) : null;
    if (!handoff || !tenant) {
      logger.warn('handoff not found; skipped');
      return;
    }
    if (handoff.brief_version !== data.version) {
      logger.info({ shown: handoff.brief_version, expected: data.version }, 'a newer brief is already shown; skipped');
      return;
    }
    const model = deps.enricher.name;
    const limit = tenant.policy.model_monthly_token_limit;
    if (limit !== undefined) {
      const used = await tenantUsage(deps.store.db, tenant.id, monthStart((deps.clock ?? (() => new Date()))()));
      if (used.prompt_tokens + used.completion_tokens >= limit) {
        logger.warn({ used: used.prompt_tokens + used.completion_tokens, limit }, 'monthly token limit reached; the offline brief stays');
        await recordModelCall(deps.store.db, tenant.id, handoff.id, { model, outcome: 'over_budget', prompt_tokens: 0, completion_tokens: 0 });
        return;
      }
    }

    // Recorded before the call: a crash during it leaves the call counted (`unfinished`).
    const callId = (await startModelCall(deps.store.db, tenant.id, handoff.id, model)) ?? undefined;
    const { brief: draft, ...decision } = handoff.assessment;
    const now = conversationTime(handoff.conversation, new Date(handoff.created_at));
    const result = await deps.enricher.enrich(handoff.conversation, decision, draft, {
      policy: tenant.policy,
      kb: deps.kb,
      now,
      customerContext: draft.customer_context,
      sources: draft.sources,
    });
    const call = { model: result.model, outcome: result.outcome, ...result.usage };
    if (!result.brief) {
      await recordModelCall(deps.store.db, tenant.id, handoff.id, call, callId);
      return;
    }
    const stored = await storeModelBrief(deps.store.db, tenant.id, handoff.id, data.version, result.brief, call, callId);
    if (stored) {
      logger.info({ version: stored.version, writer: result.brief.writer, ...result.usage }, 'model brief stored');
      await deps.afterStored?.({ tenantId: tenant.id, handoffId: handoff.id, version: stored.version });
    }
    else logger.info('a newer brief came first; the model brief was not stored');
  };
}
