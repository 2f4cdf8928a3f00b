import { parentPort, workerData } from 'node:worker_threads';
import { assess, type AssessRequest } from './assess';
import { OfflineBriefWriter } from './brief/offline-writer';
import type { BriefContext } from './brief/writer';
import type { Conversation } from './domain/conversation';
import type { Assessment, Brief, Decision } from './domain/decision';
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

/** What a brief is written with in a worker: the writer's context but the KB, which the worker has. */
export type WriteRequest = Omit<BriefContext, 'kb'>;

export type AssessTask =
  | { id: number; kind: 'assess'; conversation: Conversation; request: AssessRequest }
  | { id: number; kind: 'write'; conversation: Conversation; decision: Decision; request: WriteRequest };

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
    const work: Promise<Assessment | Brief> =
      task.kind === 'assess'
        ? assess(task.conversation, { ...task.request, policy: sameExamples.policy(task.request.policy), writer, kb })
        : writer.write(task.conversation, task.decision, { ...task.request, kb });
    work.then(
      (result) => port.postMessage({ id: task.id, result } satisfies AssessReply),
      (err: unknown) => {
        const error = err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
        port.postMessage({ id: task.id, error } satisfies AssessReply);
      },
    );
  });
  port.postMessage({ ready: true } satisfies AssessReply);
})();
