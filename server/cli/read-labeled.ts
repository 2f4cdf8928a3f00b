import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../errors';
import { parseLabeledCase, type LabeledCase } from './labeled-case';
import { UsageError } from './load-options';

async function labeledFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${path}: no such file or directory`);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
  if (names.length === 0) throw new UsageError(`${path}: no .jsonl files`);
  return names.map((n) => join(path, n));
}

/** Reads every case; a malformed one stops the run, since figures over a broken suite mislead. */
export async function readLabeledCases(path: string): Promise<LabeledCase[]> {
  const cases: LabeledCase[] = [];
  const names = new Set<string>();
  for (const file of await labeledFiles(path)) {
    const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
      if (raw.trim() === '') continue;
      const where = `${file}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        throw new UsageError(`${where}: not valid JSON (${(err as Error).message})`);
      }
      try {
        const labeled = parseLabeledCase(value);
        if (names.has(labeled.name)) throw new ValidationError(`name: duplicate case name "${labeled.name}"`, 'name');
        names.add(labeled.name);
        cases.push(labeled);
      } catch (err) {
        if (err instanceof ValidationError) throw new UsageError(`${where}: ${err.message}`, err.field);
        throw err;
      }
    }
  }
  return cases;
}
