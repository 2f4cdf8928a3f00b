import path from 'node:path';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { NotFoundError, UnauthorizedError } from '../../errors';
import { findEmbedSecret, recordBriefFeedback } from '../../store/sidebar-signals';
import type { Tenant } from '../../store/types';
import { MAX_INTEGER_COLUMN, parseOrThrow } from '../../validation';
import { appsDir, builtFile } from '../apps-dir';
import type { RouteDeps } from '../deps';
import { checkEmbedGrant, type EmbedGrant, readEmbedQuery } from '../embed-link';
import { handoffViewJson } from '../handoff-view';
import { jsonBody } from '../json-body';
import { tenantRateLimit } from '../rate-limit';
import { standingFor } from '../queue-standing';

/** The page loads only its own script and style, and talks only to this server. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const feedbackSchema = z.object({ brief_version: z.number().min(1).max(MAX_INTEGER_COLUMN).int(), helpful: z.boolean() });

function grantOf(res: Response): EmbedGrant {
  return res.locals.embedGrant as EmbedGrant;
}

/**
 * The embeddable sidebar page at a signed, short-lived link (POST /v1/embed-links makes one). The
 * link's query is the credential: it is checked on every call (page, brief, feedback) and grants one
 * ticket's brief until it expires. The signature is checked with the tenant's secret; a link for a
 * tenant with no secret, a bad signature and an expired link are all 401.
 */
export function embedSidebarRoutes(deps: RouteDeps): Router {
  const dir = path.join(appsDir(), 'embed');
  const router = Router();

  const verify: RequestHandler = async (req, res, next) => {
    const claimed = readEmbedQuery(req.query as Record<string, unknown>);
    if (!claimed) throw new UnauthorizedError('invalid link: reopen the ticket for a new one');
    const secret = await findEmbedSecret(deps.store.db, claimed.grant.tenant);
    const check = secret ? checkEmbedGrant(secret, claimed.grant, claimed.sig, new Date(Date.now())) : ({ ok: false, reason: 'bad_signature' } as const);
    if (!check.ok) {
      throw new UnauthorizedError(check.reason === 'expired' ? 'this link has expired: reopen the ticket for a new one' : 'invalid link: reopen the ticket for a new one');
    }
    const tenant = await deps.store.getTenant(check.grant.tenant);
    if (!tenant) throw new UnauthorizedError('invalid link: reopen the ticket for a new one');
    res.locals.tenant = tenant;
    res.locals.embedGrant = check.grant;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  const guard = [verify, tenantRateLimit(deps.config.rateLimitPerMinute)];

  router.get('/embed/sidebar', ...guard, (_req, res) => {
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.sendFile(path.join(dir, 'index.html'));
  });

  router.get('/embed/brief', ...guard, async (_req, res) => {
    const tenant = res.locals.tenant as Tenant;
    const grant = grantOf(res);
    const handoff = await deps.store.findHandoffViewByTicket(tenant.id, grant.provider, grant.ticket);
    if (!handoff) throw new NotFoundError(`no brief for ${grant.provider} ticket ${grant.ticket}`);
    res.type('json').send(handoffViewJson(handoff, await standingFor(deps, tenant.id, handoff.assessment, handoff)));
  });

  router.post('/embed/feedback', ...guard, ...jsonBody(), async (req, res) => {
    const tenant = res.locals.tenant as Tenant;
    const grant = grantOf(res);
    const body = parseOrThrow(feedbackSchema, req.body, '(body)');
    const handoff = await deps.store.findHandoffByTicket(tenant.id, grant.provider, grant.ticket);
    if (!handoff) throw new NotFoundError(`no brief for ${grant.provider} ticket ${grant.ticket}`);
    const stored = await recordBriefFeedback(deps.store.db, tenant.id, { handoffId: handoff.id, briefVersion: body.brief_version, helpful: body.helpful });
    if (!stored) throw new NotFoundError(`no brief version ${body.brief_version}`);
    res.status(204).end();
  });

  router.get('/embed/assets/:file', (req, res) => {
    const file = req.params.file;
    // Any other name is unknown here (falling through would answer 405 for a GET).
    if (file !== 'embed.js' && file !== 'sidebar.css') throw new NotFoundError('no such embed asset: embed.js and sidebar.css exist');
    const built = builtFile(path.join(dir, 'assets', file));
    if ('missing' in built) throw new NotFoundError(built.missing);
    res.sendFile(built.path);
  });

  return router;
}
