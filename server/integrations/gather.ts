import type { ConnectorContext, GatheredContext } from '../connectors/types';
import { gatherContext, type FanOutOptions } from '../connectors/fan-out';
import type { HandoffRecord } from '../store/types';
import type { TenantIntegrations } from './tenant-integrations';

/**
 * The brief's `customer_context` and `sources` for a handoff: every connector the tenant has,
 * asked at once. A tenant with none gets an empty context (the offline brief is complete without).
 */
export function contextGatherer(integrations: TenantIntegrations, options: FanOutOptions = {}) {
  return async (tenantId: string, handoff: HandoffRecord): Promise<GatheredContext> => {
    const built = await integrations.forTenant(tenantId);
    const connectors = [...built.values()].flatMap((i) => (i.connector ? [i.connector] : []));
    const { brief: _brief, ...decision } = handoff.assessment;
    const context: ConnectorContext = {
      tenantId,
      conversation: handoff.conversation,
      facts: decision.facts,
      ticket: handoff.ticket,
      customerEmail: handoff.conversation.customer?.email ?? decision.facts.emails[0],
    };
    return gatherContext(connectors, context, options);
  };
}
