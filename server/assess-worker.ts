import { parentPort, workerData } from 'node:worker_threads';
import { assess, type AssessRequest } from './assess';
import { OfflineBriefWriter } from './brief/offline-writer';
import type { Conversation } from './domain/conversation';
import type { Assessment } from './domain/decision';
import { loadKnowledgeBase } from './kb/load-markdown';

/**
 * A worker thread of the assessment pool (assess-pool.ts): the same assess() with the same offline
 * writer and the same knowledge-base folder as the server, so a conversation gets the same answer
 * in whichever thread it runs. The policy comes with each task (it is the tenant's).
 */

export interface AssessWorkerData {
  kbDir?: string;
}

export interface AssessTask {
  id: number;
  conversation: Conversation;
  request: AssessRequest;
}

export type AssessReply =
  | { ready: true }
  | { id: number; assessment: Assessment }
  | { id: number; error: { message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('assess-worker runs only as a worker thread');
const { kbDir } = workerData as AssessWorkerData;
const writer = new OfflineBriefWriter();

void (async () => {
  const kb = kbDir ? await loadKnowledgeBase(kbDir) : undefined;
  port.on('message', (task: AssessTask) => {
    assess(task.conversation, { ...task.request, writer, kb }).then(
      (assessment) => port.postMessage({ id: task.id, assessment } satisfies AssessReply),
      (err: unknown) => {
        const error = err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
        port.postMessage({ id: task.id, error } satisfies AssessReply);
      },
    );
  });
  port.postMessage({ ready: true } satisfies AssessReply);
})();
