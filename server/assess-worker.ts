import { parentPort, workerData } from 'node:worker_threads';
import { runAssessWork, type AssessTask } from './assess-task';
import { OfflineBriefWriter } from './brief/offline-writer';
import type { Assessment, Brief } from './domain/decision';
import { loadKnowledgeBase } from './kb/load-markdown';
import { SameExamples } from './same-examples';

/**
 * A worker thread of the assessment pool (assess-pool.ts): the same assess() with the same offline
 * writer and the same knowledge-base folder as the server, so a conversation gets the same answer
 * in whichever thread it runs. The policy comes with each task (it is the tenant's). Besides whole
 * assessments it writes briefs alone, for assembly, which adds the connectors' context to a decision
 * already taken.
 */

export interface AssessWorkerData {
  kbDir?: string;
}

export type AssessReply =
  | { ready: true }
  | { id: number; result: Assessment | Brief }
  | { id: number; error: { message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('assess-worker runs only as a worker thread');
const { kbDir } = workerData as AssessWorkerData;
const writer = new OfflineBriefWriter();
const sameExamples = new SameExamples();

void (async () => {
  const kb = kbDir ? await loadKnowledgeBase(kbDir) : undefined;
  port.on('message', (task: AssessTask) => {
    const work = task.kind === 'assess' ? { ...task, request: { ...task.request, policy: sameExamples.policy(task.request.policy) } } : task;
    runAssessWork(work, writer, kb).then(
      (result) => port.postMessage({ id: task.id, result } satisfies AssessReply),
      (err: unknown) => {
        const error = err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
        port.postMessage({ id: task.id, error } satisfies AssessReply);
      },
    );
  });
  port.postMessage({ ready: true } satisfies AssessReply);
})();
