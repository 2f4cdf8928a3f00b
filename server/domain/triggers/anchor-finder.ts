import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/**
 * Finds the anchors of a phrase regex (anchors.ts) from its syntax. Run when the phrase tables
 * change (`npm run build:anchors` writes anchors.json), and by the tests; the server reads the
 * written file and never parses a regex (parsing every rule's regexes took 200-300 ms at start and
 * left garbage that slowed the first conversations after).
 *
 * Found from the regex's syntax tree (regexpp, the ECMAScript grammar as ESLint reads it): in each
 * alternative, a stretch of fixed text ("wrong (?:item|size)s?") between word boundaries is spelt
 * out, and its words that sit between boundaries are words of any match. A regex whose words
 * cannot be told (an alternative that is all `\w+` or `[^.]*`, a back-reference) has no anchors and
 * is always scanned.
 *
 * Words are read the way wordsOf() (anchors.ts) splits a message, so both sides agree: runs of ASCII
 * letters and digits (what `\b` bounds), and runs that also take the accented Latin letters
 * (what the phrase tables' `(?<![A-Za-z0-9\u00C0-\u024F])` bounds), lower-cased.
 */

/** `\b`: the character beside it is no ASCII letter, digit or `_`. */
const ASCII_EDGE = '\u0001';
/** `(?<![A-Za-z0-9À-ɏ])`, `(?![…])`, `^`, `$`: no letter of any kind beside it. */
const LETTER_EDGE = '\u0002';
/** A character that is no letter (space, apostrophe, hyphen, `\s`): a word ends at it, for both readings. */
const GAP = ' ';

/** Letters and digits of a word, lower-cased: ASCII and the accented Latin block. */
const WORD_CHAR_RE = /^[a-z0-9\u00e0-\u024f]$/;
const ASCII_WORD_RE = /^[a-z0-9]+$/;

/** Whether a character of a spelling is part of a word (not a gap or an edge mark). */
function isWordChar(c: string): boolean {
  return c !== GAP && c !== ASCII_EDGE && c !== LETTER_EDGE;
}

/** Whether a spelling holds no word character: only gaps and edges (or nothing). */
function isGap(spelling: string): boolean {
  for (const c of spelling) if (isWordChar(c)) return false;
  return true;
}

/** The most spellings one stretch of a regex may expand to before it is cut in two. */
const MAX_SPELLINGS = 256;
/** The widest character class spelt out letter by letter (`[sz]` is; `[a-z]` is not). */
const MAX_CLASS_CHARS = 8;
/** The most repeats of a quantifier spelt out (`(?: \w+){0,3}` is not spelt, being `\w`). */
const MAX_REPEAT = 3;

/** A character of the regex as the message's words read it: a lower-case word character, or GAP. */
function asWordChar(codePoint: number): string | undefined {
  const lower = String.fromCodePoint(codePoint).toLowerCase();
  if (lower.length !== 1) return undefined; // "İ" lower-cases to two characters: not spelt
  return WORD_CHAR_RE.test(lower) ? lower : GAP;
}

function product(left: readonly string[], right: readonly string[]): string[] | undefined {
  if (left.length * right.length > MAX_SPELLINGS) return undefined;
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return [...out];
}

function union(lists: ReadonlyArray<readonly string[]>): string[] | undefined {
  const out = new Set<string>();
  for (const list of lists) for (const s of list) out.add(s);
  return out.size > MAX_SPELLINGS ? undefined : [...out];
}

/** Whether a class (or set) covers every ASCII letter and digit, and whether also À-ɏ. */
function coverage(node: AST.CharacterClass): { ascii: boolean; latin: boolean } {
  const covered = (from: number, to: number) =>
    node.elements.some((e) => e.type === 'CharacterClassRange' && e.min.value <= from && e.max.value >= to);
  const property = node.elements.some(
    (e) => e.type === 'CharacterSet' && e.kind === 'property' && !e.negate && (e.key === 'L' || e.key === 'Letter'),
  );
  const digits = covered(0x30, 0x39) || node.elements.some((e) => e.type === 'CharacterSet' && (e.kind === 'digit' || (e.kind === 'property' && (e.key === 'N' || e.key === 'Nd'))) && !e.negate);
  const ascii = digits && (property || (covered(0x41, 0x5a) && covered(0x61, 0x7a)));
  return { ascii, latin: ascii && (property || covered(0xc0, 0x24f)) };
}

/**
 * The word edge a look-around asserts, or '' for none (it consumes nothing: it narrows a match,
 * never widens it). `(?<![letters])` and `(?![letters])` are edges, of the kind the letters name;
 * `(?=\s*[.!?])` is one when everything it looks for starts with a gap.
 */
function lookaroundEdge(node: AST.LookaroundAssertion): string {
  if (!node.negate) {
    const ends = endsOfAlternatives(node.alternatives);
    if (ends.empty) return '';
    return node.kind === 'lookahead' ? ends.first : ends.last;
  }
  if (node.alternatives.length !== 1) return '';
  const [only, ...rest] = node.alternatives[0]!.elements;
  if (!only || rest.length > 0 || only.type !== 'CharacterClass' || only.negate) return '';
  const { ascii, latin } = coverage(only);
  return latin ? LETTER_EDGE : ascii ? ASCII_EDGE : '';
}

/**
 * Every spelling of a piece of regex that matches a fixed, short list of texts, written as the
 * message's words read them (edges as marks); undefined when it matches open-ended text.
 */
function spell(node: AST.Element | AST.Alternative): string[] | undefined {
  if (spellings.has(node)) return spellings.get(node);
  const spelled = spellAfresh(node);
  spellings.set(node, spelled);
  return spelled;
}

/** Spellings of the nodes of the regex being read: a group is spelt once, not once per run that holds it. */
const spellings = new WeakMap<AST.Node, string[] | undefined>();

function spellAfresh(node: AST.Element | AST.Alternative): string[] | undefined {
  switch (node.type) {
    case 'Alternative': {
      let out: string[] | undefined = [''];
      for (const element of node.elements) {
        const part = spell(element);
        out = part && product(out, part);
        if (!out) return undefined;
      }
      return out;
    }
    case 'Character': {
      const c = asWordChar(node.value);
      return c === undefined ? undefined : [c];
    }
    case 'CharacterSet':
      if (node.kind === 'space' && !node.negate) return [GAP];
      // `\W` is no ASCII letter or digit, but may be "é": it bounds ASCII words only, as `\b` does.
      if (node.kind === 'word' && node.negate) return [ASCII_EDGE];
      return undefined;
    case 'CharacterClass': {
      if (node.negate) return undefined;
      const chars = new Set<string | undefined>();
      for (const e of node.elements) {
        if (e.type === 'Character') chars.add(asWordChar(e.value));
        else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS_CHARS) {
          for (let c = e.min.value; c <= e.max.value; c++) chars.add(asWordChar(c));
        } else if (e.type === 'CharacterSet' && e.kind === 'space' && !e.negate) chars.add(GAP);
        else return undefined;
      }
      if (chars.has(undefined) || chars.size > MAX_CLASS_CHARS) return undefined;
      return [...chars] as string[];
    }
    case 'Group':
    case 'CapturingGroup': {
      const parts = node.alternatives.map(spell);
      return parts.every((p): p is string[] => p !== undefined) ? union(parts) : undefined;
    }
    case 'Quantifier': {
      const one = spell(node.element);
      if (!one) return undefined;
      // A run of spaces or punctuation (`\s+`, `[,.!\s]*`) parts words as one such character does.
      if (one.every(isGap)) return node.min >= 1 ? one : union([[''], one]);
      if (node.max > MAX_REPEAT) return undefined;
      const counts: string[][] = [];
      let repeated: string[] | undefined = [''];
      for (let k = 0; k <= node.max && repeated; k++) {
        if (k >= node.min) counts.push(repeated);
        repeated = k < node.max ? product(repeated, one) : repeated;
      }
      return repeated ? union(counts) : undefined;
    }
    case 'Assertion':
      if (node.kind === 'word') return [node.negate ? '' : ASCII_EDGE];
      if (node.kind === 'start' || node.kind === 'end') return [LETTER_EDGE];
      return [lookaroundEdge(node as AST.LookaroundAssertion)];
    default:
      return undefined; // back-references and the like
  }
}

/**
 * The longest whole word of a spelling: a run of word characters with an edge or a gap on both
 * sides inside the spelling (a run at the spelling's end may go on into the text beside it). A
 * word with accented letters needs letter edges or gaps: `\b` does not bound "é".
 */
function wholeWord(spelling: string): string | undefined {
  let best: string | undefined;
  let start = -1;
  for (let i = 0; i <= spelling.length; i++) {
    const c = spelling[i];
    const inWord = c !== undefined && isWordChar(c);
    if (inWord && start < 0) start = i;
    if (inWord || start < 0) continue;
    const word = spelling.slice(start, i);
    const before = spelling[start - 1];
    const bounded = start > 0 && c !== undefined && (ASCII_WORD_RE.test(word) || (before !== ASCII_EDGE && c !== ASCII_EDGE));
    if (bounded && (!best || word.length > best.length)) best = word;
    start = -1;
  }
  return best;
}

/**
 * One word of each spelling (followed by `end`), or undefined when a spelling has none or the
 * words would cost more than `limit` (a cheaper set is already known).
 */
function wordsOfSpellings(spellings: readonly string[], end: string, limit = Infinity): Set<string> | undefined {
  const words = new Set<string>();
  let spent = 0;
  for (const spelling of spellings) {
    const word = wholeWord(spelling + end);
    if (!word) return undefined;
    if (words.has(word)) continue;
    words.add(word);
    spent += wordCost(word);
    if (spent >= limit) return undefined;
  }
  return words;
}

/**
 * What checking a set of anchors costs, in messages let through: short words ("i", "the", "this")
 * are in nearly every message, so a set of them filters nothing; longer words are rarer.
 */
function wordCost(word: string): number {
  return word.length >= 5 ? 1 : word.length === 4 ? 4 : word.length === 3 ? 16 : 64;
}

function cost(words: ReadonlySet<string> | undefined): number {
  if (!words) return Infinity;
  let total = 0;
  for (const w of words) total += wordCost(w);
  return total;
}

function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  return cost(b) < cost(a) ? b : a;
}

/** The edge a character makes: a gap or ASCII edge, or '' for a word character. */
function edgeOf(c: string): string {
  if (c === ASCII_EDGE) return ASCII_EDGE;
  return isWordChar(c) ? '' : GAP;
}

/** The weaker of two edges: a gap bounds every word, an ASCII edge ASCII words only, '' none. */
function weaker(a: string, b: string): string {
  if (a === '' || b === '') return '';
  return a === ASCII_EDGE || b === ASCII_EDGE ? ASCII_EDGE : GAP;
}

/** The edges a piece of regex shows at its start and end ('' where a word character may be), and whether it may match nothing. */
interface Ends {
  first: string;
  last: string;
  empty: boolean;
}

const NEUTRAL: Ends = { first: GAP, last: GAP, empty: true };
const OPEN: Ends = { first: '', last: '', empty: false };

function endsOfSpellings(spellings: readonly string[]): Ends {
  const ends = { ...NEUTRAL, empty: false };
  for (const s of spellings) {
    if (s === '') ends.empty = true;
    else {
      ends.first = weaker(ends.first, edgeOf(s[0]!));
      ends.last = weaker(ends.last, edgeOf(s[s.length - 1]!));
    }
  }
  return ends;
}

/** The edge shown where a sequence of pieces starts (or, read backwards, ends); `beyond` past them all. */
function edgeOfSequence(sequence: Iterable<Ends>, end: 'first' | 'last', beyond: string): string {
  let edge = GAP;
  for (const ends of sequence) {
    edge = weaker(edge, ends[end]);
    if (edge === '' || !ends.empty) return edge;
  }
  return weaker(edge, beyond);
}

/** Ends of a piece of regex, also of one too open-ended to spell (`(?:\w+ )?` ends with a space or nothing). */
function endsOf(node: AST.Element | AST.Alternative, spelled = spell(node)): Ends {
  if (spelled) return endsOfSpellings(spelled);
  switch (node.type) {
    case 'Quantifier': {
      const inner = endsOf(node.element);
      return { ...inner, empty: inner.empty || node.min === 0 };
    }
    case 'Group':
    case 'CapturingGroup':
      return endsOfAlternatives(node.alternatives);
    case 'Alternative': {
      const parts = node.elements.map((e) => endsOf(e));
      return {
        first: edgeOfSequence(parts, 'first', GAP),
        last: edgeOfSequence([...parts].reverse(), 'last', GAP),
        empty: parts.every((e) => e.empty),
      };
    }
    default:
      return OPEN;
  }
}

function endsOfAlternatives(alternatives: readonly AST.Alternative[]): Ends {
  return alternatives.map((a) => endsOf(a)).reduce((x, y) => ({
    first: weaker(x.first, y.first),
    last: weaker(x.last, y.last),
    empty: x.empty || y.empty,
  }));
}

/** The most pieces spelt together in one run (a word's letters are one piece). */
const MAX_RUN = 4;

/**
 * Anchors of one alternative: the cheapest word list that one run of its spellable pieces (between
 * the edges around it), or one of its groups (all of whose alternatives have anchors), guarantees.
 * `before` and `after` are the edges the text around the alternative shows, when it is a group's.
 */
function alternativeAnchors(alternative: AST.Alternative, before: string, after: string): Set<string> | undefined {
  // Pieces with one spelling each (the letters of a word) are joined into one piece.
  const elements: Array<AST.Element | undefined> = [];
  const parts: Array<string[] | undefined> = [];
  for (const element of alternative.elements) {
    const part = spell(element);
    const last = parts.length - 1;
    if (part?.length === 1 && parts[last]?.length === 1) {
      parts[last] = [parts[last]![0]! + part[0]!];
      elements[last] = undefined; // no longer one element: not a group to look into
    } else {
      parts.push(part);
      elements.push(element);
    }
  }
  const ends = parts.map((part, i) => (part ? endsOfSpellings(part) : endsOf(elements[i]!, part)));
  const edgeBefore = (i: number) => edgeOfSequence(ends.slice(0, i).reverse(), 'last', before);
  const edgeAfter = (i: number) => edgeOfSequence(ends.slice(i + 1), 'first', after);
  let best: Set<string> | undefined;
  for (let from = 0; from < parts.length; from++) {
    let run: string[] | undefined = [edgeBefore(from)];
    for (let to = from; to < parts.length && to < from + MAX_RUN; to++) {
      const part = parts[to];
      run = part && product(run, part);
      if (!run) break;
      best = better(best, wordsOfSpellings(run, edgeAfter(to), cost(best)));
    }
    const element = elements[from];
    const inner = element?.type === 'Quantifier' && element.min >= 1 ? element.element : element;
    if (inner?.type === 'Group' || inner?.type === 'CapturingGroup') {
      // A group said more than once borders on itself, not only on the text around it.
      const repeated = element?.type === 'Quantifier' && element.max > 1;
      best = better(best, alternativesAnchors(inner.alternatives, repeated ? '' : edgeBefore(from), repeated ? '' : edgeAfter(from)));
    }
  }
  return best;
}

function alternativesAnchors(alternatives: readonly AST.Alternative[], before = '', after = ''): Set<string> | undefined {
  const all = new Set<string>();
  for (const alternative of alternatives) {
    const words = alternativeAnchors(alternative, before, after);
    if (!words) return undefined;
    for (const w of words) all.add(w);
  }
  return all;
}

/**
 * The words one of which every match of `re` contains whole, or undefined when they cannot be
 * told. Regexes with the `u` flag have none: Unicode case folding matches "ſ" for "s", which
 * lower-casing the message does not.
 */
export function findAnchors(re: RegExp): ReadonlySet<string> | undefined {
  if (re.flags.includes('u') || re.flags.includes('v')) return undefined;
  let pattern: AST.Pattern;
  try {
    pattern = parseRegExpLiteral(re).pattern;
  } catch {
    return undefined;
  }
  const words = alternativesAnchors(pattern.alternatives);
  return words && words.size > 0 ? words : undefined;
}
