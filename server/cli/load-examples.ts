import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { intentExampleSchema, type IntentExample, type TenantPolicy } from '../domain/policy';
import { firstIssue } from '../validation';
import { UsageError } from './load-options';

/**
 * `--examples FILE`: a tenant's own labelled sentences for the intent model, as a JSON array or JSONL
 * of {"text", "code"?, "category"?}. They are added to the policy's `intent_examples`, so they take
 * effect at once, exactly as they would stored in the tenant's policy.
 */
export async function loadExamples(file: string | undefined, policy: TenantPolicy): Promise<TenantPolicy> {
  if (file === undefined) return policy;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--examples ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'examples');
  }
  let raw: unknown[];
  try {
    raw = text.trimStart().startsWith('[')
      ? (JSON.parse(text) as unknown[])
      : text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  } catch (err) {
    throw new UsageError(`--examples ${file}: not valid JSON or JSONL (${(err as Error).message})`, 'examples');
  }
  const result = z.array(intentExampleSchema).max(1000).safeParse(raw);
  if (!result.success) {
    const { field, message } = firstIssue(result.error, '(root)');
    throw new UsageError(`--examples ${file}: example ${field}: ${message}`, 'examples');
  }
  const examples: IntentExample[] = [...policy.intent_examples, ...result.data];
  return { ...policy, intent_examples: examples };
}
