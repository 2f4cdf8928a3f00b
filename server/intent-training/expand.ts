import type { Category, TriggerCode } from '../domain/codes';
import { OWN_SUITE } from './own-suite';
import { mulberry32, shuffleInPlace } from './random';

/** At most this many sentences per pattern: a pattern with 5×7×4 choices must not outweigh a set. */
export const PER_PATTERN = 40;
const SEED = 7;

const GROUP_RE = /\{([^{}]*)\}/;

/** Every combination of a pattern's `{a|b}` groups, in a fixed order. */
export function expandPattern(pattern: string): string[] {
  const m = GROUP_RE.exec(pattern);
  if (!m) return [pattern.replace(/\s+/g, ' ').replace(/ ([,?!.])/g, '$1').trim()];
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  return m[1]!.split('|').flatMap((choice) => expandPattern(before + choice + after));
}

export interface SuiteRow {
  text: string;
  label: string;
  codes: TriggerCode[];
  category: Category | null;
}

/** The own suite as sentences: each pattern expanded, then a seeded sample of PER_PATTERN of them. */
export function expandSuite(): SuiteRow[] {
  const random = mulberry32(SEED);
  const out: SuiteRow[] = [];
  OWN_SUITE.forEach((pattern) => {
    const all = [...new Set(expandPattern(pattern.text))];
    shuffleInPlace(all, random);
    const label = `${pattern.codes.join('+') || pattern.category}`;
    for (const text of all.slice(0, PER_PATTERN)) out.push({ text, label, codes: pattern.codes, category: pattern.category });
  });
  return out;
}
