import { Router } from 'express';
import { NotFoundError } from '../../errors';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';
import { handoffViewJson, modelUsageView } from '../handoff-view';
import { handoffUsage } from '../../store/brief-usage';
import { deliveryFailures } from '../../store/delivery-failures';
import { standingFor } from '../queue-standing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One handoff with its latest brief. Another tenant's handoff, like a malformed id, is simply not found. */
export function getHandoffRoute(deps: RouteDeps): Router {
  return Router().get('/v1/handoffs/:id', ...deps.guard, async (req, res) => {
    const tenant = tenantOf(res);
    const id = String(req.params.id);
    const handoff = UUID.test(id) ? await deps.store.getHandoffView(tenant.id, id) : null;
    if (!handoff) throw new NotFoundError(`no handoff ${id}`);
    const standing = await standingFor(deps, tenant.id, handoff.assessment, handoff);
    const [calls, failures] = await Promise.all([handoffUsage(deps.store.db, tenant.id, handoff.id), deliveryFailures(deps.store.db, tenant.id, handoff.id)]);
    res.type('json').send(
      handoffViewJson(handoff, standing, {
        ...(calls.length > 0 ? { model_usage: modelUsageView(calls) } : {}),
        ...(failures.length > 0 ? { delivery_failures: failures } : {}),
      }),
    );
  });
}
