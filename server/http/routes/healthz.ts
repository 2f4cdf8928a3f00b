import { Router } from 'express';
import type { RouteDeps } from '../deps';

/** Liveness that means something: the process is up and its database answers. No auth. */
export function healthzRoute({ store }: RouteDeps): Router {
  return Router().get('/healthz', async (req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok' });
    } catch (err) {
      req.log?.error({ err }, 'health check: database did not answer');
      res.status(503).json({ status: 'unavailable', error: { code: 'database_unavailable', message: 'database did not answer' } });
    }
  });
}
