import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { parseConversation } from '../../domain/conversation';
import { HANDOFF_ASSEMBLE } from '../../jobs/job-names';
import { tenantOf } from '../authenticate';
import { assessorOf, type RouteDeps } from '../deps';
import { acceptedView, handoffLink } from '../handoff-view';
import { jsonBody } from '../json-body';
import { standingFor } from '../queue-standing';

/**
 * Records a handoff once per (tenant, conversation `id`) and enqueues its assembly in the same
 * transaction (or, when assembly would add nothing, records it assembled), then answers at once
 * with the decision and the customer message (the rules and the offline writer take milliseconds).
 * A replay of the same id answers 200 with the original handoff, whatever the new body holds: the
 * first receipt wins. Without an `id` there is no idempotency key, so every such post is a new handoff.
 */
export function createHandoffRoute(deps: RouteDeps): Router {
  return Router().post('/v1/handoffs', ...deps.guard, ...jsonBody(), async (req, res) => {
    const tenant = tenantOf(res);
    const conversation = parseConversation(req.body);
    const conversationId = conversation.id ?? randomUUID();
    const assessment = await assessorOf(deps).assess(conversation, { policy: tenant.policy });
    const input = { conversation, conversationId, assessment, queueWindowMinutes: deps.config.defaultWaitMinutes };
    // Nothing to gather and nothing to alert, write back or enrich: the brief just written is the
    // assembled one, recorded so in one statement with no job. Otherwise, recorded with its assembly job.
    const complete = deps.modelBriefs ? null : await deps.store.recordCompleteHandoff(tenant.id, input);
    const { handoff, created } = complete
      ? { handoff: complete, created: true }
      : await deps.store.recordHandoff(tenant.id, input, async (tx, record) => {
          await deps.jobs.sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: tenant.id, handoffId: record.id });
        });
    const standing = await standingFor(deps, tenant.id, handoff.assessment, handoff);
    if (created) {
      req.log?.info({ handoff_id: handoff.id, escalate: handoff.assessment.escalate }, 'handoff recorded');
      res.status(202).location(handoffLink(handoff.id));
    } else {
      res.status(200).setHeader('Idempotent-Replayed', 'true');
    }
    res.json(acceptedView(handoff, standing));
  });
}
