import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { secretsEqual } from '../../connectors/webhook-auth';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../errors';
import type { IntegrationStore } from '../../integrations/integration-store';
import type { SlackStore } from '../../../integrations/slack/slack-store';
import { adminSlackRoutes } from './admin-slack';
import type { TenantAdmin } from '../../store/tenant-admin';
import type { Store, Tenant } from '../../store/types';
import { FIRST_KEY_LABEL } from '../../store/api-keys';
import { POLICY_FIELDS, unknownPolicyFields } from '../../domain/policy';
import { parseOrThrow } from '../../validation';
import { jsonBody } from '../json-body';

export interface AdminDeps {
  store: Store;
  admin: TenantAdmin;
  integrations: IntegrationStore;
  /** Slack routes and workspace links (admin-slack.ts). */
  slack?: SlackStore;
  /** BATON_ADMIN_TOKEN; without it the admin API does not exist (404). */
  adminToken?: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

// Strict: a misspelt field ("lable", "setings") would otherwise be dropped and its default stored.
const createTenantBody = z.strictObject({ name: z.string().trim().min(1).max(100), policy: z.record(z.string(), z.unknown()).optional() });
const keyBody = z.strictObject({ label: z.string().max(100).optional() }).default({});
const connectBody = z.strictObject({ settings: z.record(z.string(), z.unknown()).default({}), secrets: z.record(z.string(), z.unknown()).default({}) });

/**
 * A policy's own fields only: the schema would drop a misspelt one ("refund_treshold") and fill
 * its default, so a typo would silently reset the field it meant. `prefix` names where it sits.
 */
function refuseUnknownPolicyFields(policy: unknown, prefix: string): void {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw new ValidationError('must be a JSON object (send {} to reset every field to its default)', prefix ? prefix.slice(0, -1) : '(body)');
  }
  const [unknown] = unknownPolicyFields(policy);
  if (unknown !== undefined) throw new ValidationError(`unknown policy field (known: ${[...POLICY_FIELDS].join(', ')})`, `${prefix}${unknown}`);
}

/** `{ policy }` or the policy itself; with `policy`, nothing beside it (it would be ignored). */
function policyOfBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('body must be a JSON object: { policy } or the policy itself', '(body)');
  }
  if (!Object.hasOwn(body, 'policy')) {
    refuseUnknownPolicyFields(body, '');
    return body;
  }
  const extra = Object.keys(body).find((key) => key !== 'policy');
  if (extra !== undefined) throw new ValidationError('unknown field beside policy (put policy fields inside policy)', extra);
  const { policy } = body as { policy: unknown };
  refuseUnknownPolicyFields(policy, 'policy.');
  return policy;
}

/** Where each webhook source of a provider is sent (relative to the server's URL). */
const WEBHOOK_PATHS: Record<string, string[]> = { zendesk: ['zendesk', 'sunshine'], gorgias: ['gorgias'] };

/**
 * The admin API (docs/ADMIN-API.md): tenants, their API keys, policy and integrations, behind
 * `Authorization: Bearer $BATON_ADMIN_TOKEN` compared in constant time. Secrets go in, never out.
 */
export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  if (!deps.adminToken) return router;
  const token = deps.adminToken;

  const guard: RequestHandler = (req, _res, next) => {
    const match = BEARER.exec(req.headers.authorization ?? '');
    if (!match || !secretsEqual(match[1]!, token)) throw new UnauthorizedError('admin API: send Authorization: Bearer <BATON_ADMIN_TOKEN>');
    next();
  };

  const tenantOr404 = async (id: string): Promise<Tenant> => {
    const tenant = await deps.store.getTenant(id);
    if (!tenant) throw new NotFoundError('tenant not found');
    return tenant;
  };

  const base = '/admin/v1';
  router.use(base, guard);

  router.get(`${base}/tenants`, async (_req, res) => {
    res.json({ tenants: await deps.admin.listTenants() });
  });

  router.post(`${base}/tenants`, ...jsonBody(), async (req, res) => {
    const body = parseOrThrow(createTenantBody, req.body, '(body)');
    if (body.policy !== undefined) refuseUnknownPolicyFields(body.policy, 'policy.');
    const { tenant, apiKey } = await deps.store.createTenantWithKey({ name: body.name, policy: body.policy as never }, FIRST_KEY_LABEL);
    res.status(201).json({ tenant, api_key: { id: apiKey.id, key: apiKey.key } });
  });

  router.get(`${base}/tenants/:id`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    res.json({ tenant, integrations: await deps.integrations.list(tenant.id) });
  });

  router.put(`${base}/tenants/:id/policy`, ...jsonBody(), async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    // An empty body, null, an array or a misspelt field must not reset the policy to its defaults: `{}` says that.
    const policy = await deps.admin.setPolicy(tenant.id, policyOfBody(req.body));
    // Requests authenticate with the tenant (and its policy) remembered for a moment: not this one's.
    deps.store.forgetAuthenticated();
    res.json({ policy });
  });

  router.get(`${base}/tenants/:id/keys`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    res.json({ keys: await deps.admin.listApiKeys(tenant.id) });
  });

  router.post(`${base}/tenants/:id/keys`, ...jsonBody(), async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    const body = parseOrThrow(keyBody, req.body, '(body)');
    const key = await deps.store.createApiKey(tenant.id, body.label);
    res.status(201).json({ id: key.id, key: key.key });
  });

  router.delete(`${base}/tenants/:id/keys/:keyId`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    if (!(await deps.store.revokeApiKey(tenant.id, String(req.params.keyId)))) throw new NotFoundError('no such active key');
    res.status(204).end();
  });

  router.get(`${base}/tenants/:id/integrations`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    res.json({ integrations: await deps.integrations.list(tenant.id) });
  });

  router.put(`${base}/tenants/:id/integrations/:provider`, ...jsonBody(), async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    const provider = String(req.params.provider);
    const body = parseOrThrow(connectBody, req.body, '(body)');
    const integration = await deps.integrations.connect(tenant.id, provider, body);
    const webhooks = (WEBHOOK_PATHS[provider] ?? []).map((source) => `/webhooks/${source}/${tenant.id}`);
    res.json({ integration, webhooks, ...(provider === 'gorgias' ? { widget: `/widgets/gorgias/${tenant.id}?ticket_id={{ticket.id}}` } : {}) });
  });

  router.delete(`${base}/tenants/:id/integrations/:provider`, async (req, res) => {
    const tenant = await tenantOr404(String(req.params.id));
    if (!(await deps.integrations.disconnect(tenant.id, String(req.params.provider)))) throw new NotFoundError('not connected');
    res.status(204).end();
  });

  if (deps.slack) router.use(adminSlackRoutes(base, deps.slack, tenantOr404));

  return router;
}
