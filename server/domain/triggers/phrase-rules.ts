/**
 * Regex builders for the phrase tables, called at module load only. No `u` flag unless a pattern
 * uses `\p{…}`: case-insensitive Unicode matching is several times slower in V8, and accented
 * Latin letters match (and case-fold) fine without it.
 */
const NEEDS_UNICODE_RE = /\\p\{/;

function build(alternatives: string[], flags: string): RegExp {
  const source = alternatives.map((a) => `(?:${a})`).join('|');
  return new RegExp(source, NEEDS_UNICODE_RE.test(source) ? `${flags}u` : flags);
}

/** One case-insensitive global regex from alternatives. */
export function anyOf(...alternatives: string[]): RegExp {
  return build(alternatives, 'gi');
}

/** Same, without `g`: for `unless` tests, which must be stateless. */
export function test(...alternatives: string[]): RegExp {
  return build(alternatives, 'i');
}

/** Word boundaries that also work next to accented Latin letters (JS `\b` is ASCII-only). */
const LETTER = 'A-Za-z0-9\\u00C0-\\u024F';
export const B = `(?<![${LETTER}])`;
export const E = `(?![${LETTER}])`;
