import { assess, type AssessRequest } from './assess';
import type { BriefContext, BriefWriter } from './brief/writer';
import type { Conversation } from './domain/conversation';
import type { Assessment, Brief, Decision } from './domain/decision';
import type { KnowledgeSearch } from './kb/types';

/**
 * The work the assessment pool (assess-pool.ts) runs, in a worker thread (assess-worker.ts) or,
 * for short conversations or with no worker left, on the calling thread: a whole assessment, or a
 * brief alone for a decision already taken (assembly, with the connectors' context).
 */

/** What a brief is written with in a worker: the writer's context but the KB, which the worker has. */
export type WriteRequest = Omit<BriefContext, 'kb'>;

export type AssessWork =
  | { kind: 'assess'; conversation: Conversation; request: AssessRequest }
  | { kind: 'write'; conversation: Conversation; decision: Decision; request: WriteRequest };

/** The same work as posted to a worker, numbered by the pool. */
export type AssessTask = AssessWork & { id: number };

export function runAssessWork(work: AssessWork, writer: BriefWriter, kb: KnowledgeSearch | undefined): Promise<Assessment | Brief> {
  return work.kind === 'assess'
    ? assess(work.conversation, { ...work.request, writer, kb })
    : writer.write(work.conversation, work.decision, { ...work.request, kb });
}
