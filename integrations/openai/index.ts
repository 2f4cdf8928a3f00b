import OpenAI from 'openai';
import type { BriefWriter } from '../../server/brief/writer';
import type { Config } from '../../server/config';
import type { Logger } from '../../server/logger';
import { OpenAIBriefWriter } from './openai-brief-writer';

/**
 * What the server registers: the OpenAI writer built from the config, or none when no key is set.
 * `baseURL` makes any OpenAI-compatible server work (Azure OpenAI's v1 API, vLLM, Ollama,
 * llama.cpp); unset, the client's default (https://api.openai.com/v1) is used.
 */
export function createOpenAIBriefWriter(
  config: Config['openai'],
  parts: { logger: Logger; draftWriter: BriefWriter },
): OpenAIBriefWriter | undefined {
  if (!config.apiKey) return undefined;
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    timeout: config.timeoutMs,
    // The writer makes its own single retry within its deadline (see OpenAIBriefWriter.complete).
    maxRetries: 0,
  });
  return new OpenAIBriefWriter({
    client,
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxInputTokens: config.maxInputTokens,
    maxOutputTokens: config.maxOutputTokens,
    draftWriter: parts.draftWriter,
    logger: parts.logger,
  });
}
