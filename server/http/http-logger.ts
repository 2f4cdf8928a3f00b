import { pinoHttp } from 'pino-http';
import { serializeError, type Logger } from '../logger';
import { requestId } from './request-id';

/**
 * Access log plus `req.log`, a child logger that carries `request_id` on every line it writes, so
 * handlers log through it rather than the root logger.
 */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'request_id' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // One short line per request: what was asked, by whom, and the answer. The default serializers
    // copy every request and response header into every line, which cost more CPU than most routes
    // (docs/BENCHMARKS.md, "empty route + pino-http"); headers carry credentials besides.
    serializers: {
      req: (req: { method?: string; url?: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
        method: req.method,
        url: req.url,
        remote_address: req.remoteAddress,
        user_agent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode?: number }) => ({ status_code: res.statusCode }),
      // pino-http's own default is pino's standard one, which copies a failed HTTP call's headers.
      err: serializeError,
    },
    // Health checks arrive every few seconds from orchestrators and would drown the log.
    autoLogging: { ignore: (req) => req.url === '/healthz' },
  });
}
