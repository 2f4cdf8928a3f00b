import { Router } from 'express';
import type { RouteDeps } from '../deps';
import { briefSignalsRoutes } from './brief-signals';
import { embedSidebarRoutes } from './embed-sidebar';
import { zendeskPreviewRoutes } from './zendesk-preview';

/** Everything the helpdesk sidebar apps need from the server: signals, the embed page, the preview. */
export function sidebarAppsRoutes(deps: RouteDeps): Router {
  return Router().use(briefSignalsRoutes(deps), embedSidebarRoutes(deps), zendeskPreviewRoutes(deps));
}
