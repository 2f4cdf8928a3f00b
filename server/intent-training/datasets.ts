import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, type Category, type TriggerCode } from '../domain/codes';
import { INTENT_CODES } from '../domain/intent/intent-codes';
import { words } from '../domain/intent/features';
import { BANKING77, CLINC150, MULTIDOGO, mapNluPlusPlus, mapSingle, neutralButSaysCode, type Target } from './label-map';
import { expandSuite } from './expand';
import heldOut from './held-out-phrases.json';

/** One labelled sentence, after the label map. */
export interface Row {
  text: string;
  source: Source;
  /** The dataset's own label(s), as `source:label`: what the model's softmax learns. */
  label: string;
  codes: TriggerCode[];
  category: Category | null;
  split: Split;
}

export type Source = 'banking77' | 'nlupp' | 'clinc150' | 'multidogo' | 'own' | 'messages';
/** Our own data (the suite's patterns, the labelled messages): repeated in training, figures reported apart. */
export const OWN_SOURCES: ReadonlySet<Source> = new Set(['own', 'messages']);
export const PUBLIC_SOURCES: readonly Source[] = ['banking77', 'nlupp', 'clinc150', 'multidogo'];
export type Split = 'train' | 'val' | 'test';

type PublicSource = Exclude<Source, 'own' | 'messages'>;
const FILES: Record<PublicSource, string> = {
  banking77: 'banking77_train.jsonl',
  nlupp: 'nlupp.jsonl',
  clinc150: 'clinc150_train.jsonl',
  multidogo: 'multidogo_train.jsonl',
};

/** Where the public data lives: `$BATON_INTENT_DATA`, else `../shared/data/intents` from the repository. */
export function dataDir(): string {
  return process.env.BATON_INTENT_DATA ?? path.resolve(__dirname, '../../../shared/data/intents');
}

/** Same words → same split, so a sentence repeated in a set cannot sit on both sides. */
function splitOf(text: string): Split {
  let h = 0x811c9dc5;
  const key = words(text).join(' ');
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  const bucket = (h >>> 0) % 100;
  return bucket < 80 ? 'train' : bucket < 90 ? 'val' : 'test';
}

const HELD_OUT = heldOut.phrases.map((p) => words(p.text).join(' '));

/** True when the row contains one of the generalisation test's phrases: such rows are never trained on. */
export function containsHeldOut(text: string): boolean {
  const key = words(text).join(' ');
  return HELD_OUT.some((h) => key.includes(h));
}

function mapRow(source: Source, raw: Record<string, unknown>): { label: string; target: Target } {
  switch (source) {
    case 'banking77':
      return { label: String(raw.label), target: mapSingle(BANKING77, String(raw.label)) };
    case 'clinc150':
      return { label: String(raw.label), target: mapSingle(CLINC150, String(raw.label)) };
    case 'nlupp': {
      const labels = (raw.labels as string[]) ?? [];
      // Its labels are compositional (62 of them, combined): the fine label is what they map to.
      const target = mapNluPlusPlus(labels, String(raw.domain), String(raw.text ?? ''));
      return { label: target.codes.join('+') || (target.category === 'other' ? 'chat' : 'none'), target };
    }
    case 'multidogo': {
      const labels = (raw.labels as string[]) ?? [];
      // A turn with several labels takes every mapped code; its category is the first one named.
      const targets = labels.map((l) => mapSingle(MULTIDOGO, l));
      const codes = [...new Set(targets.flatMap((t) => t.codes))];
      const withCodes = targets.find((t) => t.codes.length > 0);
      return {
        label: labels.find((l) => mapSingle(MULTIDOGO, l).codes.length > 0) ?? labels[0] ?? '(none)',
        target: { codes, category: (withCodes ?? targets[0])?.category ?? 'other' },
      };
    }
    default:
      throw new Error(`unknown source ${source}`);
  }
}

/** Reads one public set; fails with a clear message when the data is not there. */
export function readSource(source: PublicSource, dir = dataDir()): Row[] {
  const file = path.join(dir, FILES[source]);
  if (!existsSync(file)) {
    throw new Error(
      `intent training data not found: ${file}\n` +
        'Set BATON_INTENT_DATA to the folder holding banking77_train.jsonl, nlupp.jsonl, clinc150_train.jsonl and multidogo_train.jsonl.',
    );
  }
  const rows: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as Record<string, unknown>;
    const text = String(raw.text ?? '').trim();
    if (!text || words(text).length === 0) continue;
    const { label, target } = mapRow(source, raw);
    if (target.doubtful) continue;
    if (target.codes.length === 0 && neutralButSaysCode(text)) continue;
    rows.push({ text, source, label: `${source}:${label}`, codes: target.codes, category: target.category, split: splitOf(text) });
  }
  return rows;
}

/**
 * Our own suite, split like the others so its codes (safety, legal, …) get thresholds from validation.
 * Its validation and test sentences share patterns with training ones: their figures are optimistic
 * and reported apart from the public sets'.
 */
export function ownRows(): Row[] {
  return expandSuite().map((r) => ({ ...r, label: `own:${r.label}`, source: 'own' as const, split: splitOf(r.text) }));
}

/**
 * Our labelled customer messages (`messages/*.jsonl`, one object per line: `text`, `codes`, `category`,
 * `domain`): whole messages as customers write them to shops, insurers, telecoms, airlines, software
 * and banks, labelled from CONTRACT §3–§4 by authors who did not read the engine. The public sets
 * teach a bank app's and an assistant's words; these teach how the codes are told elsewhere.
 */
export const MESSAGES_DIR = path.join(__dirname, 'messages');

export function messageFiles(dir = MESSAGES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

const CODE_SET: ReadonlySet<string> = new Set(INTENT_CODES);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

/** One labelled-messages file; a malformed line stops training with the file, line and field named. */
export function readMessages(file: string): Row[] {
  const rows: Row[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${path.basename(file)} line ${i + 1}`;
      const raw = JSON.parse(line) as { text?: unknown; codes?: unknown; category?: unknown };
      if (typeof raw.text !== 'string' || words(raw.text).length === 0) throw new Error(`${where}: text must be a non-empty string`);
      if (!Array.isArray(raw.codes) || raw.codes.some((c) => typeof c !== 'string' || !CODE_SET.has(c))) {
        throw new Error(`${where}: codes must be a list of ${[...CODE_SET].join(', ')}`);
      }
      if (typeof raw.category !== 'string' || !CATEGORY_SET.has(raw.category)) throw new Error(`${where}: category must be one of ${CATEGORIES.join(', ')}`);
      const codes = [...new Set(raw.codes as TriggerCode[])].sort();
      rows.push({
        text: raw.text.trim(),
        source: 'messages',
        label: `messages:${codes.join('+') || 'none'}`,
        codes,
        category: raw.category as Category,
        split: splitOf(raw.text),
      });
    });
  return rows;
}

export function messageRows(dir = MESSAGES_DIR): Row[] {
  return messageFiles(dir).flatMap((f) => readMessages(f));
}

export function readAll(dir = dataDir()): Row[] {
  return [...PUBLIC_SOURCES.flatMap((s) => readSource(s as PublicSource, dir)), ...ownRows(), ...messageRows()].filter(
    (r) => !containsHeldOut(r.text),
  );
}
