import { createHash } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { noWidgetBrief, widgetView } from '../../../integrations/gorgias/widget';
import { requireSecretHeader } from '../../connectors/webhook-auth';
import { BadRequestError, NotFoundError } from '../../errors';
import type { TenantIntegrations } from '../../integrations/tenant-integrations';
import { HELPDESK_EVENT } from '../../jobs/job-names';
import { isUuid } from '../../store/rows';
import type { Sql, Store } from '../../store/types';
import type { AppDeps } from '../deps';
import { handoffLink } from '../handoff-view';
import { standingFor } from '../queue-standing';
import { BODY_LIMIT } from '../json-body';

export interface HelpdeskWebhookDeps {
  store: Store;
  jobs: { sendInTransaction(tx: Sql, name: string, data: object): Promise<unknown> };
  integrations: TenantIntegrations;
  now?: () => Date;
  /** DEFAULT_WAIT_MINUTES, to fill the customer message's wait and place in line. */
  defaultWaitMinutes?: number;
}

/** Vendor event ids are bounded like every indexed field; the tenant is part of the key. */
const MAX_EVENT_ID = 200;

/**
 * The stored key of a vendor's event: tenant and vendor id, or their hash when that is longer than
 * MAX_EVENT_ID (cutting it would make two long ids with one prefix the same event, the second
 * dropped as a replay, and could split a surrogate pair).
 */
export function storedEventId(tenantId: string, vendorEventId: string): string {
  const key = `${tenantId}:${vendorEventId}`;
  return key.length <= MAX_EVENT_ID ? key : `${tenantId}:sha256:${createHash('sha256').update(vendorEventId, 'utf8').digest('hex')}`;
}

function tenantParam(req: Request): string {
  const tenant = String(req.params.tenant ?? '');
  if (!isUuid(tenant)) throw new NotFoundError('no such tenant');
  // Canonical case: the id is part of each stored event's key, so "ABC…" and "abc…" are one tenant's one event.
  return tenant.toLowerCase();
}

/**
 * Helpdesk webhooks, on the raw bytes (mounted ahead of any JSON parser): `POST
 * /webhooks/{zendesk|sunshine|gorgias}/:tenant`. The tenant's integration verifies and normalises;
 * each event is stored once per (source, tenant, vendor event id) with its job in one transaction,
 * then answered at once: 202 for new events, 200 when every event was a replay. Also `GET
 * /widgets/gorgias/:tenant`, what the Gorgias sidebar widget reads.
 */
export function helpdeskWebhookRoutes(deps: HelpdeskWebhookDeps): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });

  router.post('/webhooks/:source/:tenant', raw, async (req, res) => {
    const source = String(req.params.source);
    const tenantId = tenantParam(req);
    const owner = await deps.integrations.webhookOwner(tenantId, source);
    if (!owner) throw new NotFoundError(`no ${source} integration for this tenant`);
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (rawBody.length === 0) throw new BadRequestError('request body is empty', '(body)');
    const events = owner.integration.webhooks![source]!.receive({ rawBody, headers: req.headers }, (deps.now ?? (() => new Date()))());
    let created = 0;
    for (const event of events) {
      const eventId = storedEventId(tenantId, event.eventId);
      const stored = await deps.store.recordInboundEvent({ tenantId, source, eventId, payload: event }, async (tx) => {
        await deps.jobs.sendInTransaction(tx, HELPDESK_EVENT, { tenantId, source, eventId });
      });
      if (stored.created) created += 1;
    }
    req.log?.info({ source, events: events.length, created }, 'helpdesk webhook received');
    res.status(created > 0 ? 202 : 200).json({ received: events.length, new: created, duplicates: events.length - created });
  });

  router.get('/widgets/gorgias/:tenant', async (req, res) => {
    const tenantId = tenantParam(req);
    const gorgias = (await deps.integrations.forTenant(tenantId)).get('gorgias');
    if (!gorgias?.widgetSecret) throw new NotFoundError('no gorgias integration for this tenant');
    requireSecretHeader({ rawBody: Buffer.alloc(0), headers: req.headers }, 'x-baton-secret', gorgias.widgetSecret);
    const ticket = typeof req.query.ticket_id === 'string' ? req.query.ticket_id.trim() : '';
    if (!/^\d{1,20}$/.test(ticket)) throw new BadRequestError('query parameter ticket_id must be a Gorgias ticket id', 'ticket_id');
    const handoff = await deps.store.findHandoffByTicket(tenantId, 'gorgias', ticket);
    if (!handoff) {
      res.json(noWidgetBrief());
      return;
    }
    // The same filled customer message as GET /v1/briefs (only the wait matters to standingFor's config).
    const config = { defaultWaitMinutes: deps.defaultWaitMinutes ?? 10 } as AppDeps['config'];
    const standing = await standingFor({ store: deps.store, config }, tenantId, handoff.assessment, handoff);
    const { brief, ...decision } = handoff.assessment;
    res.json(
      widgetView({
        handoffId: handoff.id,
        status: handoff.status,
        briefVersion: handoff.brief_version,
        decision,
        brief: { ...brief, customer_message: standing.customerMessage },
        link: handoffLink(handoff.id),
      }),
    );
  });

  return router;
}
