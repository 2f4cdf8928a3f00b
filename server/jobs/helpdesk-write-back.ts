import type pino from 'pino';
import type { IntegrationStore } from '../integrations/integration-store';
import type { TenantIntegrations } from '../integrations/tenant-integrations';
import { isUuid } from '../store/rows';
import type { Store } from '../store/types';
import { CLAIM_RECHECK_SECONDS, RetryLater } from './retry-later';

export interface HelpdeskWriteBackJob {
  tenantId: string;
  handoffId: string;
  /**
   * The brief version whose storing queued this note. Its ledger row, claim and marker are this
   * version's even when a newer one (the model's) is stored before the job runs or runs again: a
   * retry after a crash between the helpdesk's answer and the ledger row then finds the marker it
   * wrote, instead of looking for the newer version's and writing a second note. Absent (a ticket
   * linked later, a job queued before this field): the version current when the job runs.
   */
  version?: number;
}

export interface HelpdeskWriteBackDeps {
  store: Store;
  integrationStore: IntegrationStore;
  integrations: TenantIntegrations;
  logger: pino.Logger;
  /** Where agents can open a handoff in Baton, if the server has a public URL. */
  handoffUrl?: (handoffId: string) => string | undefined;
}

/** How long one write-back may talk to the helpdesk. */
const WRITE_TIMEOUT_SECONDS = 60;

/**
 * The `helpdesk-write-back` job: the handoff's current brief version as a note on its ticket, with
 * tags and group. Never twice per version: the ledger row (helpdesk_notes) is checked first, a
 * claim keeps a second job for the same note from writing at the same time, and the writer itself
 * looks for its marker on the ticket, which covers a crash between the vendor's answer and the
 * ledger row. A vendor error throws, so pg-boss retries with backoff.
 */
export function createHelpdeskWriteBackHandler(deps: HelpdeskWriteBackDeps): (data: HelpdeskWriteBackJob) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: 'helpdesk-write-back', tenant: data?.tenantId, handoff: data?.handoffId });
    if (!isUuid(data?.tenantId) || !isUuid(data?.handoffId)) {
      logger.error('job data needs tenantId and handoffId (uuids); skipped');
      return;
    }
    const handoff = await deps.store.getHandoff(data.tenantId, data.handoffId);
    if (!handoff?.ticket) return;
    const writer = (await deps.integrations.forTenant(data.tenantId)).get(handoff.ticket.provider)?.writer;
    if (!writer) return;
    const version = Number.isInteger(data.version) && data.version! >= 1 ? data.version! : handoff.brief_version;
    if (await deps.integrationStore.noteWritten(handoff.id, version, writer.provider)) {
      logger.info({ version }, 'note for this version already written');
      return;
    }
    // Two jobs can be queued for one note (the assembled brief's, and a ticket linked later): the
    // second looks again a little later, and finds the ledger row (or, if the holder died, the claim
    // lapsed). The claim outlasts the vendor timeout.
    if (!(await deps.integrationStore.claimNote(handoff.id, version, writer.provider, WRITE_TIMEOUT_SECONDS + 5))) {
      throw new RetryLater('another job is writing this note now; looking again later', CLAIM_RECHECK_SECONDS);
    }
    // The newest brief is what the agent should read, whichever version's note this is.
    const { brief, ...decision } = handoff.assessment;
    let result: Awaited<ReturnType<typeof writer.writeBrief>>;
    try {
      result = await writer.writeBrief(
        { handoffId: handoff.id, version, ticketId: handoff.ticket.id, decision, brief, handoffUrl: deps.handoffUrl?.(handoff.id) },
        AbortSignal.timeout(WRITE_TIMEOUT_SECONDS * 1000),
      );
    } catch (error) {
      // The retry must not wait for the claim to lapse (a crash instead leaves it to lapse).
      await deps.integrationStore.releaseNote(handoff.id, version, writer.provider);
      throw error;
    }
    await deps.integrationStore.recordNote(handoff.id, version, writer.provider);
    logger.info({ version, note_written: result.noteWritten, tags: result.tags }, 'brief written back to the helpdesk');
  };
}
