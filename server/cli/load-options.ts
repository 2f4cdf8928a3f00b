import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_POLICY, tenantPolicySchema, unknownPolicyFields, type TenantPolicy } from '../domain/policy';
import { loadKnowledgeBase } from '../kb/load-markdown';
import type { KnowledgeSearch } from '../kb/types';
import { firstIssue } from '../validation';

/** A problem with how the CLI was called (arguments, --config, --kb): exit code 2, nothing assessed. */
export class UsageError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads `--config FILE` as a TenantPolicy. Fields left out take the contract's defaults; a wrong field
 * is named so the user knows what to fix. Unknown fields are reported as warnings, because a typo
 * (`refund_treshold`) would otherwise silently leave the default in force.
 */
export async function loadPolicy(file: string | undefined, warn: (line: string) => void): Promise<TenantPolicy> {
  if (file === undefined) return DEFAULT_POLICY;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--config ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--config ${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = tenantPolicySchema.safeParse(raw);
  if (!result.success) {
    const { field, message } = firstIssue(result.error, '(root)');
    throw new UsageError(`--config ${file}: field ${field}: ${message}`, field);
  }
  for (const key of unknownPolicyFields(raw as object)) warn(`--config ${file}: unknown field ${key} ignored`);
  return result.data;
}

/** Loads `--kb DIR` (Markdown articles); none when the option is absent. */
export async function loadKb(dir: string | undefined): Promise<KnowledgeSearch | undefined> {
  if (dir === undefined) return undefined;
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`--kb ${dir}: not a directory`, 'kb');
  try {
    return await loadKnowledgeBase(dir);
  } catch (err) {
    throw new UsageError(`--kb ${dir}: ${(err as Error).message}`, 'kb');
  }
}
