import type { RequestHandler, Router } from 'express';
import { inThreadAssessor, type Assessor } from '../assess';
import type { BriefWriter } from '../brief/writer';
import type { Config } from '../config';
import type { KnowledgeSearch } from '../kb/types';
import type { Logger } from '../logger';
import type { Sql, Store } from '../store/types';

/** The part of the job queue the HTTP layer uses: enqueue inside the store's transaction. */
export interface HandoffJobs {
  sendInTransaction(tx: Sql, name: string, data: object, options?: object): Promise<unknown>;
}

export interface AppDeps {
  store: Store;
  jobs: HandoffJobs;
  writer: BriefWriter;
  /** Runs assess() for the routes (a worker pool for long conversations); default: in-thread with `writer` and `kb`. */
  assessor?: Assessor;
  kb?: KnowledgeSearch;
  /**
   * A model writer follows every assembled brief (OpenAI configured): no handoff is complete when
   * recorded, so every one gets its assembly job.
   */
  modelBriefs?: boolean;
  logger: Logger;
  /**
   * Routers that read their own raw bodies and check their own signatures (the Slack app, helpdesk
   * webhooks), mounted ahead of every route and never behind a body parser.
   */
  receivers?: Router[];
  config: Pick<Config, 'rateLimitPerMinute' | 'unauthenticatedRateLimitPerMinute' | 'defaultWaitMinutes'>;
}

/** What each route file gets: the app's dependencies and the auth + rate-limit chain. */
export interface RouteDeps extends AppDeps {
  guard: RequestHandler[];
}

/** The routes' assessor: the app's pool when it has one, else assess() in-thread. */
export function assessorOf(deps: AppDeps): Assessor {
  return deps.assessor ?? inThreadAssessor(deps.writer, deps.kb);
}
