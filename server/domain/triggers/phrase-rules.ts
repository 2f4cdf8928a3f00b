/** Builds one case-insensitive, Unicode, global regex from alternatives; called at module load only. */
export function anyOf(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'giu');
}

/** Same, without `g`: for `unless` tests, which must be stateless. */
export function test(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'iu');
}

/** Word boundary that also works before and after accented letters (JS `\b` is ASCII-only). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
