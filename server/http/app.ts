import express from 'express';
import { authenticate } from './authenticate';
import type { AppDeps, RouteDeps } from './deps';
import { answerOptions, methodNotAllowed } from './allowed-methods';
import { errorHandler, notFound } from './error-handler';
import { httpLogger } from './http-logger';
import { queryGuard } from './query-guard';
import { requestHead } from './request-head';
import { addressRateLimit, refusedCredentialsLimit, tenantRateLimit } from './rate-limit';
import { assessRoute } from './routes/assess';
import { createHandoffRoute } from './routes/create-handoff';
import { getBriefRoute } from './routes/get-brief';
import { getHandoffRoute } from './routes/get-handoff';
import { getUsageRoute } from './routes/get-usage';
import { getSlackAlertRoute } from './routes/get-slack-alert';
import { healthzRoute } from './routes/healthz';
import { sidebarAppsRoutes } from './routes/sidebar-apps';

export type { AppDeps } from './deps';

/** Routes that take no API key but credentials of their own (rate-limit.ts refusedCredentialsLimit). */
const ROUTES_WITH_OWN_CREDENTIALS = ['/webhooks', '/embed', '/widgets', '/admin', '/slack'];

/**
 * The HTTP API (CONTRACT.md §5). No global body parser: each route parses JSON itself, so webhook
 * receivers mounted later can verify signatures on the raw bytes.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(httpLogger(deps.logger));
  app.use(requestHead);
  app.use(queryGuard);
  app.use(answerOptions(app));
  app.use(ROUTES_WITH_OWN_CREDENTIALS, refusedCredentialsLimit(deps.config.unauthenticatedRateLimitPerMinute));
  for (const receiver of deps.receivers ?? []) app.use(receiver);

  const routeDeps: RouteDeps = {
    ...deps,
    guard: [
      authenticate(deps.store, addressRateLimit(deps.config.unauthenticatedRateLimitPerMinute)),
      tenantRateLimit(deps.config.rateLimitPerMinute),
    ],
  };
  app.use(healthzRoute(routeDeps));
  app.use(assessRoute(routeDeps));
  app.use(createHandoffRoute(routeDeps));
  app.use(getHandoffRoute(routeDeps));
  app.use(getUsageRoute(routeDeps));
  app.use(getBriefRoute(routeDeps));
  app.use(getSlackAlertRoute(routeDeps));
  app.use(sidebarAppsRoutes(routeDeps));

  app.use(methodNotAllowed(app));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
