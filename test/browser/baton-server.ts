import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { loadConfig } from '../../server/config';
import { createAssembleHandoffHandler } from '../../server/jobs/assemble-handoff';
import { createAssemblyFailedHandler } from '../../server/jobs/assembly-failed';
import { createLogger } from '../../server/logger';
import { backends, uniqueSchema } from '../helpers/database';
import { openHarness, type Harness } from '../http/harness';

/** A real Baton HTTP server on loopback (PGlite), for the browser to talk to. */
export interface BatonServer {
  url: string;
  h: Harness;
  /** Runs the real assembly job for a handoff (what a worker would do). */
  assemble(tenantId: string, handoffId: string): Promise<void>;
  /** Runs the real dead-letter job for a handoff (what a worker does once assembly used up its retries). */
  failAssembly(tenantId: string, handoffId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBatonServer(testFile: string): Promise<BatonServer> {
  const h = await openHarness(backends()[0]!, uniqueSchema(testFile));
  const server: Server = createServer(h.makeApp());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent' }));
  const assembleJob = createAssembleHandoffHandler({ store: h.store, writer: new OfflineBriefWriter(), kb: h.kb, logger });
  const failedJob = createAssemblyFailedHandler({ store: h.store, logger });
  return {
    url: `http://127.0.0.1:${port}`,
    h,
    assemble: (tenantId, handoffId) => assembleJob({ tenantId, handoffId }),
    failAssembly: (tenantId, handoffId) => failedJob({ tenantId, handoffId }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.close();
    },
  };
}
