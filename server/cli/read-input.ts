import { readFile } from 'node:fs/promises';

/**
 * One record of CLI input: the parsed JSON value, or why it could not be parsed. `line` is 1-based:
 * the line number for JSONL, 1 for a single document, the element's position for a top-level array.
 */
export type InputRecord =
  | { line: number; value: unknown }
  | { line: number; error: { code: 'invalid_json'; message: string } };

/**
 * Splits CLI input into records. A whole document that parses as JSON is one conversation (it may be
 * pretty-printed over many lines); a top-level array is a list of conversations, one record per element;
 * anything else is JSONL, one value per non-blank line. Input where no line parses at all is reported
 * once, with the whole document's parse error, rather than as one error per fragment of a broken
 * pretty-printed document.
 */
export function splitInput(text: string): InputRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return [];
  let wholeError: string;
  try {
    const value: unknown = JSON.parse(body);
    if (Array.isArray(value)) return value.map((item, i) => ({ line: i + 1, value: item }));
    return [{ line: 1, value }];
  } catch (err) {
    wholeError = (err as Error).message;
  }

  const records: InputRecord[] = [];
  let parsedAny = false;
  body.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      records.push({ line: i + 1, value: JSON.parse(raw) });
      parsedAny = true;
    } catch (err) {
      records.push({ line: i + 1, error: { code: 'invalid_json', message: `not valid JSON: ${(err as Error).message}` } });
    }
  });
  if (!parsedAny) return [{ line: 1, error: { code: 'invalid_json', message: `not valid JSON or JSONL: ${wholeError}` } }];
  return records;
}

/** Reads all of FILE, or stdin when FILE is `-` or absent. */
export async function readSource(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file !== undefined && file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
