import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIError } from 'openai';
import type { Logger } from '../../server/logger';
import type { Conversation } from '../../server/domain/conversation';
import type { Brief, Decision, NextStep } from '../../server/domain/decision';
import type { BriefContext, BriefEnricher, BriefEnrichment, BriefWriter, TokenUsage } from '../../server/brief/writer';
import { MODEL_BRIEF_SCHEMA_NAME, modelBriefJsonSchema, modelBriefSchema, type ModelBrief } from './brief-schema';
import { buildBriefRequest, systemPromptFor, type BriefRequest, type ResponseMode } from './build-request';

export interface OpenAIBriefWriterOptions {
  /** Built by the caller with `maxRetries: 0`: the one retry below is ours (see `complete`). */
  client: OpenAI;
  model: string;
  /** The whole model step for one brief, waits and the retry included (default 20 000). */
  timeoutMs: number;
  /** Input tokens one request may carry, unless the tenant's policy says otherwise. */
  maxInputTokens: number;
  maxOutputTokens: number;
  /** Writes the brief `write()` starts from (the offline writer). */
  draftWriter: BriefWriter;
  logger: Logger;
  /** Longest `Retry-After` worth waiting for; longer means give up at once (default 10 000). */
  maxRetryWaitMs?: number;
  /** Wait before the retry when the server names none (default 1 000). */
  defaultRetryWaitMs?: number;
}

/** Why no enriched brief came back; becomes the usage row's `outcome`. */
class Fallback extends Error {
  constructor(
    readonly outcome: string,
    message: string,
    readonly usage: TokenUsage = { prompt_tokens: 0, completion_tokens: 0 },
  ) {
    super(message);
  }
}

const NO_USAGE: TokenUsage = { prompt_tokens: 0, completion_tokens: 0 };

/** `retry-after-ms` (OpenAI's), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function retriable(error: unknown): error is APIError {
  return error instanceof OpenAI.APIError && typeof error.status === 'number' && (error.status === 429 || error.status >= 500);
}

/** A server without JSON-schema output says so in a 400 naming the parameter. */
function lacksJsonSchema(error: unknown): boolean {
  return error instanceof OpenAI.APIError && error.status === 400 && /response_format|json_schema/i.test(error.message);
}

function classify(error: unknown): Fallback {
  if (error instanceof Fallback) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) {
    return new Fallback('timeout', 'the model did not answer in time');
  }
  if (error instanceof OpenAI.APIError && error.status === 429) return new Fallback('rate_limited', error.message);
  if (error instanceof OpenAI.APIError && typeof error.status === 'number' && error.status >= 500) {
    return new Fallback('server_error', error.message);
  }
  return new Fallback('error', error instanceof Error ? error.message : String(error));
}

function usageOf(completion: OpenAI.Chat.ChatCompletion): TokenUsage {
  return {
    prompt_tokens: completion.usage?.prompt_tokens ?? 0,
    completion_tokens: completion.usage?.completion_tokens ?? 0,
  };
}

/**
 * The OpenAI writer: asks an OpenAI-compatible server (OpenAI, Azure OpenAI, vLLM, Ollama,
 * llama.cpp) once per brief for structured output and lays the model's prose over the offline
 * brief. The rules' decision is never sent back for change: the model answers only `ModelBrief`
 * (prose and a suggested category). Any failure leaves the offline brief in place.
 */
export class OpenAIBriefWriter implements BriefWriter, BriefEnricher {
  readonly name: string;
  /** Flips once a server refuses JSON-schema output; later briefs ask for JSON mode directly. */
  private mode: ResponseMode = 'json_schema';

  constructor(private readonly options: OpenAIBriefWriterOptions) {
    this.name = `openai:${options.model}`;
  }

  /** The whole brief in one call (offline draft, then the model): what `assess` would use. */
  async write(conversation: Conversation, decision: Decision, context: BriefContext): Promise<Brief> {
    const draft = await this.options.draftWriter.write(conversation, decision, context);
    const result = await this.enrich(conversation, decision, draft, context);
    return result.brief ?? draft;
  }

  async enrich(conversation: Conversation, decision: Decision, draft: Brief, context: BriefContext): Promise<BriefEnrichment> {
    const model = this.options.model;
    const budget = context.policy.model_input_token_budget ?? this.options.maxInputTokens;
    const request = buildBriefRequest(conversation, decision, draft, budget);
    const logger = this.options.logger.child({ writer: this.name });
    if (Object.keys(request.redactions.summary()).length > 0 || request.omittedTurns > 0) {
      // Counts only: never the values.
      logger.info({ redacted: request.redactions.summary(), omitted_turns: request.omittedTurns }, 'request prepared');
    }
    try {
      const completion = await this.complete(request);
      const usage = usageOf(completion);
      const answer = this.read(completion, usage);
      return { brief: this.merge(draft, answer, request), outcome: 'enriched', model, usage };
    } catch (error) {
      const fallback = classify(error);
      logger.warn({ outcome: fallback.outcome, reason: fallback.message }, 'model brief not used; the offline brief stays');
      return { brief: null, outcome: fallback.outcome, model, usage: fallback.usage };
    }
  }

  /**
   * One brief, one logical request, within `timeoutMs` overall. The client's own retries are off
   * (`maxRetries: 0`) because they would retry timeouts too and could sleep past our deadline:
   * here a 429 or 5xx gets exactly one retry after its `Retry-After`, only when that wait still
   * fits, and a timeout gets none. A server that rejects JSON-schema output is asked again in JSON
   * mode (a different request, not a retry).
   */
  private async complete(request: BriefRequest): Promise<OpenAI.Chat.ChatCompletion> {
    const { client, model, timeoutMs, maxOutputTokens } = this.options;
    const maxWait = this.options.maxRetryWaitMs ?? 10_000;
    const defaultWait = this.options.defaultRetryWaitMs ?? 1_000;
    const deadline = Date.now() + timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    let retried = false;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Fallback('timeout', 'the model did not answer in time');
      const mode = this.mode;
      try {
        return await client.chat.completions.create(
          {
            model,
            messages: [
              { role: 'system', content: systemPromptFor(mode) },
              { role: 'user', content: JSON.stringify(request.document) },
            ],
            response_format:
              mode === 'json_schema'
                ? { type: 'json_schema', json_schema: { name: MODEL_BRIEF_SCHEMA_NAME, strict: true, schema: modelBriefJsonSchema() } }
                : { type: 'json_object' },
            // `max_tokens` rather than `max_completion_tokens`: every compatible server reads it.
            max_tokens: maxOutputTokens,
          },
          { timeout: remaining, signal, maxRetries: 0 },
        );
      } catch (error) {
        if (mode === 'json_schema' && lacksJsonSchema(error)) {
          this.mode = 'json_object';
          this.options.logger.warn({ writer: this.name }, 'the server has no JSON-schema output; using JSON mode and validating');
          continue;
        }
        if (!retried && retriable(error)) {
          const wait = retryAfterMs(error.headers) ?? defaultWait;
          if (wait <= maxWait && wait < deadline - Date.now()) {
            retried = true;
            await sleep(wait, undefined, { signal }).catch(() => undefined);
            continue;
          }
        }
        throw error;
      }
    }
  }

  /** The answer's JSON, validated with the same schema that was sent. */
  private read(completion: OpenAI.Chat.ChatCompletion, usage: TokenUsage): ModelBrief {
    const message = completion.choices[0]?.message;
    if (!message) throw new Fallback('invalid_output', 'the answer has no choices', usage);
    if (message.refusal) throw new Fallback('refused', 'the model refused', usage);
    if (!message.content) throw new Fallback('invalid_output', 'the answer has no content', usage);
    let json: unknown;
    try {
      json = JSON.parse(message.content);
    } catch {
      const cut = completion.choices[0]?.finish_reason === 'length' ? ' (cut at max_tokens)' : '';
      throw new Fallback('invalid_output', `the answer is not JSON${cut}`, usage);
    }
    const parsed = modelBriefSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Fallback('invalid_output', `the answer does not match the schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`, usage);
    }
    return parsed.data;
  }

  /** The model's prose over the draft; the draft keeps everything the model may not touch. */
  private merge(draft: Brief, answer: ModelBrief, request: BriefRequest): Brief {
    const restore = (text: string) => request.redactions.restore(text);
    const steps: NextStep[] = answer.next_steps.map((step) => {
      const policy = step.policy_id ? request.policies.get(step.policy_id) : undefined;
      return { action: restore(step.action), why: restore(step.why), ...(policy ? { policy } : {}) };
    });
    return {
      ...draft,
      summary: restore(answer.summary),
      warm_intro: restore(answer.warm_intro),
      next_steps: steps.length > 0 ? steps : draft.next_steps,
      ...(answer.suggested_category ? { suggested_category: answer.suggested_category } : {}),
      writer: this.name,
    };
  }
}
