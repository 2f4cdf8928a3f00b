import OpenAI from 'openai';
import pino from 'pino';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { OpenAIBriefWriter, type OpenAIBriefWriterOptions } from '../../integrations/openai/openai-brief-writer';

/**
 * Shapes of the OpenAI Chat Completions API (POST /v1/chat/completions), as documented: a
 * `chat.completion` object with `choices[].message.{content, refusal}` and `usage`, and errors as
 * `{ error: { message, type, param, code } }`.
 */
export const OPENAI_ORIGIN = 'https://api.openai.com';
export const COMPLETIONS_PATH = '/v1/chat/completions';

export function completion(
  message: { content: string | null; refusal?: string | null },
  usage = { prompt_tokens: 812, completion_tokens: 143 },
  finishReason = 'stop',
) {
  return {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1741569952,
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_44709d6fcb',
    choices: [
      { index: 0, message: { role: 'assistant', content: message.content, refusal: message.refusal ?? null, annotations: [] }, logprobs: null, finish_reason: finishReason },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    service_tier: 'default',
  };
}

/** A model answer that matches the brief schema. */
export function modelAnswer(overrides: Record<string, unknown> = {}) {
  return {
    summary: 'Ana has waited a week past the promised date for order #48213 and the tracking page did not help.',
    warm_intro: 'Hi Ana, I am taking over from our assistant and I can see order #48213 is late.',
    next_steps: [{ action: 'Check the carrier scan history for order #48213.', why: 'The order is a week late.', policy_id: null }],
    suggested_category: null,
    ...overrides,
  };
}

export function errorBody(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

export const silentLogger = pino({ level: 'silent' });

/** The writer on a real OpenAI client (default base URL, no client retries), with test-sized waits. */
export function makeWriter(overrides: Partial<OpenAIBriefWriterOptions> = {}, baseURL?: string): OpenAIBriefWriter {
  return new OpenAIBriefWriter({
    client: new OpenAI({ apiKey: 'sk-test-key-for-nock-only', maxRetries: 0, ...(baseURL ? { baseURL } : {}) }),
    model: 'gpt-4o-mini',
    timeoutMs: 2000,
    maxInputTokens: 6000,
    maxOutputTokens: 800,
    draftWriter: new OfflineBriefWriter(),
    logger: silentLogger,
    defaultRetryWaitMs: 50,
    ...overrides,
  });
}
