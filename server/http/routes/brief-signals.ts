import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { embedSecret, recordBriefFeedback, recordGuardWarning } from '../../store/sidebar-signals';
import { MAX_INTEGER_COLUMN, parseOrThrow } from '../../validation';
import { tenantOf } from '../authenticate';
import type { RouteDeps } from '../deps';
import { DEFAULT_EMBED_TTL_SECONDS, embedQuery, isEmbedPart, MAX_EMBED_TTL_SECONDS, signEmbedGrant } from '../embed-link';
import { jsonBody } from '../json-body';

const uuid = z.uuid();
const agentId = z.string().max(128).optional();

const feedbackSchema = z.object({
  handoff_id: uuid,
  brief_version: z.number().min(1).max(MAX_INTEGER_COLUMN).int(),
  helpful: z.boolean(),
  agent_id: agentId,
});

export const GUARD_KINDS = ['order_id', 'email', 'phone', 'tracking_number', 'problem'] as const;

const guardWarningSchema = z.object({
  handoff_id: uuid,
  kinds: z.array(z.enum(GUARD_KINDS)).min(1).max(GUARD_KINDS.length),
  agent_id: agentId,
});

const part = z.string().refine(isEmbedPart, 'must be 1-128 letters, digits, _ . : or -');
const embedLinkSchema = z.object({
  provider: part,
  ticket: part,
  // Bounds before int(): zod's int() names its own bound (2^53 - 1) first, which is not ours.
  ttl_seconds: z.number().min(60).max(MAX_EMBED_TTL_SECONDS).int().optional(),
});

/**
 * What the sidebars send back (authenticated like every /v1 route): the agent's helpful / not
 * helpful vote on a brief, the save guard's warnings, and signed short-lived links to the
 * embeddable sidebar page for helpdesks that can only show an iframe.
 */
export function briefSignalsRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.post('/v1/briefs/feedback', ...deps.guard, ...jsonBody(), async (req, res) => {
    const tenant = tenantOf(res);
    const body = parseOrThrow(feedbackSchema, req.body, '(body)');
    const stored = await recordBriefFeedback(deps.store.db, tenant.id, {
      handoffId: body.handoff_id,
      briefVersion: body.brief_version,
      helpful: body.helpful,
      agentId: body.agent_id,
    });
    if (!stored) throw new NotFoundError(`no brief version ${body.brief_version} for handoff ${body.handoff_id}`);
    res.status(204).end();
  });

  router.post('/v1/briefs/guard-warnings', ...deps.guard, ...jsonBody(), async (req, res) => {
    const tenant = tenantOf(res);
    const body = parseOrThrow(guardWarningSchema, req.body, '(body)');
    const count = await recordGuardWarning(deps.store.db, tenant.id, {
      handoffId: body.handoff_id,
      kinds: [...new Set(body.kinds)],
      agentId: body.agent_id,
    });
    if (count === null) throw new NotFoundError(`no handoff ${body.handoff_id}`);
    res.status(201).json({ handoff_id: body.handoff_id, guard_warnings: count });
  });

  router.post('/v1/embed-links', ...deps.guard, ...jsonBody(), async (req, res) => {
    const tenant = tenantOf(res);
    const body = parseOrThrow(embedLinkSchema, req.body, '(body)');
    const expires = Math.floor(Date.now() / 1000) + (body.ttl_seconds ?? DEFAULT_EMBED_TTL_SECONDS);
    const grant = { tenant: tenant.id, provider: body.provider, ticket: body.ticket, expires };
    const sig = signEmbedGrant(await embedSecret(deps.store.db, tenant.id), grant);
    res.status(201).json({ url: `/embed/sidebar?${embedQuery(grant, sig)}`, expires_at: new Date(expires * 1000).toISOString() });
  });

  return router;
}
