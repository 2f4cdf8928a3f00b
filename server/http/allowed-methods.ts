import type { Express, RequestHandler } from 'express';
import { BatonError } from '../errors';

/** The parts of Express's router (package `router` 2.x) that say which route answers a path. */
interface LayerLike {
  route?: { methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
  match(path: string): { path: string } | false;
}

function routerStack(app: Express): LayerLike[] {
  return (app as unknown as { router: { stack: LayerLike[] } }).router.stack;
}

/**
 * The methods the app's routes answer at `path` (as `Allow` lists them), found the way Express
 * matches a request, through routers mounted inside routers. Empty when no route has the path.
 */
export function allowedMethods(app: Express, path: string): string[] {
  const found = new Set<string>();
  const walk = (layers: LayerLike[], rest: string) => {
    for (const layer of layers) {
      const matched = layer.match(rest);
      if (!matched) continue;
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) if (!method.startsWith('_')) found.add(method.toUpperCase());
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, rest.slice(matched.path.length) || '/');
      }
    }
  };
  walk(routerStack(app), path);
  if (found.size === 0) return [];
  if (found.has('GET')) found.add('HEAD');
  found.add('OPTIONS');
  return [...found].sort();
}

/**
 * `OPTIONS` answered on purpose: 204 with `Allow`, no key needed, and no CORS headers. Baton is
 * called server to server (bots, helpdesk webhooks, Slack) and the sidebars call it through the
 * helpdesk's own proxy (ZAF `client.request`), so no browser page needs cross-origin access; without
 * CORS headers a browser preflight from another origin fails, which is what we want.
 */
export function answerOptions(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allow = allowedMethods(app, req.path);
    if (allow.length === 0) return next();
    res.setHeader('Allow', allow.join(', '));
    res.status(204).end();
  };
}

/** After every route: a path some route answers, with another method, is 405 with `Allow` (not 404). */
export function methodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const allow = allowedMethods(app, req.path);
    if (allow.length === 0) return next();
    res.setHeader('Allow', allow.join(', '));
    next(new BatonError(`${req.method} is not allowed on ${req.path}; use ${allow.join(', ')}`, 405, 'method_not_allowed'));
  };
}
