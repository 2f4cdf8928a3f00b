import { Router } from 'express';
import { parseConversation } from '../../domain/conversation';
import { tenantOf } from '../authenticate';
import { assessorOf, type RouteDeps } from '../deps';
import { jsonBody } from '../json-body';
import { standingFor } from '../queue-standing';

/**
 * Dry run: the decision and brief the tenant's rules would give, with nothing stored or enqueued.
 * The customer message shows the wait and the place this conversation would take in its queue now.
 */
export function assessRoute(deps: RouteDeps): Router {
  return Router().post('/v1/assess', ...deps.guard, ...jsonBody(), async (req, res) => {
    const tenant = tenantOf(res);
    const conversation = parseConversation(req.body);
    const assessment = await assessorOf(deps).assess(conversation, { policy: tenant.policy });
    const standing = await standingFor(deps, tenant.id, assessment);
    res.json({ ...assessment, brief: { ...assessment.brief, customer_message: standing.customerMessage } });
  });
}
