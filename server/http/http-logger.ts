import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
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
    // Health checks arrive every few seconds from orchestrators and would drown the log.
    autoLogging: { ignore: (req) => req.url === '/healthz' },
  });
}
