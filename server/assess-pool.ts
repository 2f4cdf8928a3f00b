import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AssessRequest, Assessor } from './assess';
import { runAssessWork, type AssessTask, type AssessWork } from './assess-task';
import type { AssessReply, AssessWorkerData } from './assess-worker';
import type { BriefContext, BriefWriter } from './brief/writer';
import type { Conversation } from './domain/conversation';
import type { Assessment, Brief, Decision } from './domain/decision';
import { BatonError, RateLimitedError } from './errors';
import type { KnowledgeSearch } from './kb/types';
import type { Logger } from './logger';

/**
 * Assessment off the event loop. assess() is linear but a 1 MB conversation still takes a few
 * hundred milliseconds of CPU; on the main thread that is a few hundred milliseconds in which
 * /healthz and every other request wait. Conversations with more text than `offloadAboveChars` run
 * in a worker thread; smaller ones (nearly all) run in-thread, where they cost less than the round
 * trip to a worker would (measured by `npm run bench:worst-case`). The same holds for the background
 * jobs that assess a helpdesk's conversation or write the assembled brief of a long one (`forJobs`).
 */

export interface AssessPoolOptions {
  /** The knowledge-base folder the workers load: the one `kb` was loaded from. */
  kbDir?: string;
  /** For conversations assessed in-thread; loaded from `kbDir`. */
  kb?: KnowledgeSearch;
  /** For conversations assessed in-thread; the workers use the offline writer, so this should be one too. */
  writer: BriefWriter;
  logger: Logger;
  /** Worker threads (default: one per spare core, at least one, at most two). */
  threads?: number;
  /** Message text (characters) above which a conversation is assessed in a worker. */
  offloadAboveChars?: number;
  /** Conversations waiting for a worker before more are refused with 429 (memory stays bounded). */
  maxWaiting?: number;
  /** A worker that takes longer is ended (and replaced) and the request fails, instead of hanging. */
  taskTimeoutMs?: number;
}

export const DEFAULT_OFFLOAD_ABOVE_CHARS = 16_000;
const DEFAULT_MAX_WAITING = 32;
const DEFAULT_TASK_TIMEOUT_MS = 30_000;
/** A 1 MB conversation needs tens of megabytes; a runaway one ends its worker, not the server. */
const WORKER_HEAP_MB = 512;

/** 429 with Retry-After, as for the rate limit, saying why. */
class PoolFullError extends RateLimitedError {
  constructor() {
    super(1);
    this.message = 'too many long conversations are being assessed; retry after 1s';
  }
}

/**
 * The same conversation would take as long again, so no retry is offered: 422 naming `messages`.
 * Nothing the API accepts should come near the limit (docs/BENCHMARKS.md, worst case); this keeps a
 * case we have not found from answering 500.
 */
export class AssessmentTimeoutError extends BatonError {
  constructor(timeoutMs: number) {
    super(`the conversation could not be assessed within ${timeoutMs / 1000} s; send fewer or shorter messages`, 422, 'assessment_timeout', 'messages');
  }
}

interface Pending {
  task: AssessTask;
  resolve(result: Assessment | Brief): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: Pending;
  timer?: NodeJS.Timeout;
}

/**
 * From source (tsx, ts-jest) the worker is TypeScript and needs tsx registered in its thread; from
 * the build (`node dist/server/main.js`) it is plain JavaScript.
 */
function spawn(data: AssessWorkerData): Worker {
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const entry = path.join(__dirname, `assess-worker${path.extname(__filename)}`);
  if (entry.endsWith('.js')) return new Worker(entry, options);
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function textLength(conversation: Conversation): number {
  let n = 0;
  for (const message of conversation.messages) n += message.text.length;
  return n;
}

export class AssessPool implements Assessor {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  /** Tasks run in a worker so far (the rest ran in-thread). */
  offloaded = 0;
  private closed = false;
  private readonly threads: number;
  private readonly offloadAboveChars: number;
  private readonly maxWaiting: number;
  private readonly taskTimeoutMs: number;
  private started?: Promise<void>;

  /**
   * For background jobs (a helpdesk's conversation assessed, an assembled brief written): the same
   * offloading, but a long conversation waits for a worker however many already wait. A job's own
   * concurrency bounds them, and a refused job would only fail and, after its last retry, be lost.
   * The writer is the pool's offline writer (the workers run that one).
   */
  readonly forJobs: { assessor: Assessor; writer: BriefWriter };

  constructor(private readonly options: AssessPoolOptions) {
    this.threads = options.threads ?? Math.min(2, Math.max(1, os.availableParallelism() - 1));
    this.offloadAboveChars = options.offloadAboveChars ?? DEFAULT_OFFLOAD_ABOVE_CHARS;
    this.maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    this.forJobs = {
      assessor: { assess: (conversation, request) => this.run({ kind: 'assess', conversation, request }, false) as Promise<Assessment> },
      writer: {
        name: options.writer.name,
        write: (conversation: Conversation, decision: Decision, context: BriefContext) => {
          const { kb: _sameKbInWorkers, ...request } = context;
          return this.run({ kind: 'write', conversation, decision, request }, false) as Promise<Brief>;
        },
      },
    };
  }

  /**
   * Starts the workers if they are not yet started; resolves when every worker has loaded the
   * knowledge base, rejects when one could not start.
   */
  ready(): Promise<void> {
    return this.startWorkers();
  }

  /**
   * The workers start with the first long conversation, not with the server: each holds its own copy
   * of the engine and the knowledge base (about 45 MB resident), which a server that never sees a
   * long conversation should not pay for. That first conversation waits for them (a second or two).
   */
  private startWorkers(): Promise<void> {
    if (!this.started) {
      const ready = Array.from({ length: this.threads }, () => this.start());
      this.started = Promise.all(ready).then(() => undefined);
      // Nobody need wait for it: a worker that cannot start is logged, and its work runs in-thread.
      this.started.catch((err: unknown) => this.options.logger.error({ err }, 'assessment pool did not start'));
    }
    return this.started;
  }

  /** For requests: a long conversation beyond the waiting room is refused (429), not queued. */
  assess(conversation: Conversation, request: AssessRequest): Promise<Assessment> {
    return this.run({ kind: 'assess', conversation, request }, true) as Promise<Assessment>;
  }

  private run(work: AssessWork, refuseWhenFull: boolean): Promise<Assessment | Brief> {
    const long = !this.closed && textLength(work.conversation) > this.offloadAboveChars;
    if (long) void this.startWorkers().catch(() => undefined);
    // With no worker (closed, or none could start) a long conversation is slower for everyone, but answered.
    if (!long || this.slots.size === 0) return runAssessWork(work, this.options.writer, this.options.kb);
    if (refuseWhenFull && this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new PoolFullError());
    }
    return new Promise<Assessment | Brief>((resolve, reject) => {
      this.waiting.push({ task: { ...work, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the workers; conversations still waiting fail, later ones are assessed in-thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('assessment pool closed'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
  }

  private start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: spawn({ kbDir: this.options.kbDir }), ready: false };
      this.slots.add(slot);
      slot.worker.on('message', (reply: AssessReply) => {
        if ('ready' in reply) {
          slot.ready = true;
          resolve();
        } else {
          this.finish(slot, reply);
        }
        this.dispatch();
      });
      slot.worker.on('error', (err) => {
        this.options.logger.error({ err }, 'assessment worker failed');
        slot.running?.reject(new Error(`assessment worker failed: ${err.message}`));
        slot.running = undefined;
      });
      slot.worker.on('exit', (code) => {
        clearTimeout(slot.timer);
        this.slots.delete(slot);
        slot.running?.reject(new Error(`assessment worker stopped (exit code ${code})`));
        if (!slot.ready) {
          this.noWorkerLeft();
          reject(new Error(`assessment worker could not start (exit code ${code})`));
          return;
        }
        // A worker that ran fine once is replaced; one that cannot start would only fail again.
        if (!this.closed) this.start().catch((err: unknown) => this.replacementFailed(err));
      });
    });
  }

  private replacementFailed(err: unknown): void {
    this.options.logger.error({ err }, 'assessment worker not replaced');
    this.noWorkerLeft();
  }

  /** Conversations waiting for a worker that will never come are assessed in-thread instead. */
  private noWorkerLeft(): void {
    if (this.slots.size > 0) return;
    const { writer, kb } = this.options;
    for (const pending of this.waiting.splice(0)) {
      runAssessWork(pending.task, writer, kb).then(pending.resolve, pending.reject);
    }
  }

  private finish(slot: Slot, reply: Exclude<AssessReply, { ready: true }>): void {
    const pending = slot.running;
    clearTimeout(slot.timer);
    slot.running = undefined;
    if (!pending || pending.task.id !== reply.id) return;
    if ('result' in reply) {
      this.offloaded += 1;
      pending.resolve(reply.result);
    } else {
      pending.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (!slot.ready || slot.running) continue;
      const pending = this.waiting.shift()!;
      slot.running = pending;
      slot.timer = setTimeout(() => {
        this.options.logger.error({ timeout_ms: this.taskTimeoutMs }, 'assessment took too long; worker ended');
        slot.running = undefined;
        pending.reject(new AssessmentTimeoutError(this.taskTimeoutMs));
        void slot.worker.terminate();
      }, this.taskTimeoutMs);
      slot.worker.postMessage(pending.task);
    }
  }
}
