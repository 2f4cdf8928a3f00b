import fs from 'node:fs';
import path from 'node:path';
import { parseRegExpLiteral } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { normalizeText } from '../../server/domain/text';
import { findAnchors } from '../../server/domain/triggers/anchor-finder';
import { AnchorIndex, storedAnchorsOf, wordsOf } from '../../server/domain/triggers/anchors';
import { phraseRegexes } from '../../server/domain/triggers/all-rules';
import { ANCHORS_FILE, computeAnchors } from '../../server/domain/triggers/write-anchors';

/**
 * The prefilter of the phrase rules (anchors.ts): a message holding none of a regex's anchor words
 * is not scanned with it, so the anchors must be words every match contains. The finder is checked
 * on the constructs the phrase tables use; the anchors the server reads (anchors.json) on generated
 * matches of every rule's alternatives and on every message the test fixtures hold.
 */

const LETTER = 'A-Za-z0-9\\u00C0-\\u024F';
const words = (re: RegExp) => {
  const found = findAnchors(re);
  return found ? [...found].sort() : undefined;
};

describe('findAnchors', () => {
  test('spells a word with its optional endings', () => {
    expect(words(/\bcomplain(?:t|ts|ing)?\b/gi)).toEqual(['complain', 'complaining', 'complaint', 'complaints']);
  });

  test('picks the cheapest words of an alternative: long words over short common ones', () => {
    expect(words(/\bwrong (?:item|size)s?\b/gi)).toEqual(['wrong']);
    expect(words(/\b(?:that|this|it) (?:isn't|is not) (?:what|helpful|right)\b/gi)).toEqual(['helpful', 'right', 'what']);
  });

  test('takes a word after open-ended text when the text ends with a space', () => {
    expect(words(/\b(?:my|the) (?:\w+ )?order\b/gi)).toEqual(['order']);
  });

  test('reads letter edges, line starts and look-aheads as word edges', () => {
    expect(words(new RegExp(`(?<![${LETTER}])réclamation(?![${LETTER}])`, 'gi'))).toEqual(['réclamation']);
    expect(words(/(?:^|[.!?]\s*)terrible(?=\s*(?:[.!?]|$))/gi)).toEqual(['terrible']);
  });

  test('a word that may run on into other letters is no anchor', () => {
    expect(words(/\w+exception/gi)).toBeUndefined();
    expect(words(/\bun\w+able\b/gi)).toBeUndefined(); // "unbelievable" holds no word "un"
    expect(words(/\banaphyla\w*/gi)).toBeUndefined();
    // `\b` does not bound "é": /\bcafé\b/ matches inside "cafés".
    expect(words(/\bcafé\b/gi)).toBeUndefined();
  });

  test('one alternative without anchors leaves the whole regex without', () => {
    expect(words(/\brefund\b|\d{5,}/gi)).toBeUndefined();
  });

  test('a group said more than once is not bounded by the text around it', () => {
    // "abab" holds no whole word "ab": the group's instances border on each other.
    expect(/ (?:ab)+ /.test(' abab ')).toBe(true);
    expect(words(/ (?:ab)+ /g)).toBeUndefined();
  });

  test('regexes with the u flag have none: Unicode case folding reads "ſ" as "s"', () => {
    expect(/\bstop\b/iu.test('ſtop')).toBe(true);
    expect(words(/\bstop\b/giu)).toBeUndefined();
  });
});

describe('wordsOf', () => {
  test('reads accented words whole, and their ASCII runs for `\\b`', () => {
    expect([...wordsOf("Je veux parler à quelqu'un, s'il vous PLAÎT")].sort()).toEqual(
      ['il', 'je', 'parler', 'pla', 'plaît', 'quelqu', 's', 't', 'un', 'veux', 'vous', 'à'].sort(),
    );
  });

  test('splits before lower-casing: the Kelvin sign is no letter to a regex', () => {
    expect(/\bbar\b/i.test('\u212Abar')).toBe(true);
    expect(wordsOf('\u212Abar').has('bar')).toBe(true);
  });
});

const indexes = new Map<RegExp, AnchorIndex>();

function mayMatch(re: RegExp, text: string | ReadonlySet<string>): boolean {
  let index = indexes.get(re);
  if (!index) indexes.set(re, (index = new AnchorIndex([re])));
  return index.mayMatch(typeof text === 'string' ? wordsOf(text) : text)(re);
}

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

describe('the anchors the server reads (anchors.json)', () => {
  const regexes = phraseRegexes();

  test('are those of the phrase tables as they are now (else: npm run build:anchors)', () => {
    expect(JSON.parse(fs.readFileSync(ANCHORS_FILE, 'utf8'))).toEqual(computeAnchors());
  });

  test('most regexes have anchors', () => {
    const anchored = regexes.filter((re) => storedAnchorsOf(re) !== undefined).length;
    expect(anchored / regexes.length).toBeGreaterThan(0.9);
  });

  test('a regex the file does not know has none: it is run on every message', () => {
    const edited = /\bsomething nobody wrote\b/gi;
    expect(storedAnchorsOf(edited)).toBeUndefined();
    expect(new AnchorIndex([edited]).mayMatch(wordsOf('hello'))(edited)).toBe(true);
  });

  test('on generated matches of each alternative, with letters, accents and case around them', () => {
    // fast-check generates strings for a subset of regex syntax: word edges are dropped to generate,
    // and a sample counts only when the rule's own regex matches it.
    const EDGES = new RegExp(`\\(\\?<!\\[${LETTER.replace(/\\/g, '\\\\')}\\]\\)|\\(\\?!\\[${LETTER.replace(/\\/g, '\\\\')}\\]\\)|\\\\b`, 'g');
    const beside = fc.constantFrom('', ' ', 'é', 'x', '_', '-', "'", '\u212A', 'ß', '1', '.', 'É', 'İ');
    let checked = 0;
    for (const re of regexes) {
      if (!storedAnchorsOf(re)) continue;
      for (const alternative of parseRegExpLiteral(re).pattern.alternatives) {
        const source = alternative.raw.replace(EDGES, '');
        if (/\(\?<?[=!]/.test(source)) continue; // other look-arounds: fast-check cannot generate them
        const generated = fc.stringMatching(new RegExp(`^(?:${source})$`));
        const text = fc
          .tuple(beside, generated, beside, fc.constantFrom('lower', 'upper', 'title'))
          .map(([a, s, b, kase]) => {
            const t = a + s + b;
            return kase === 'upper' ? t.toUpperCase() : kase === 'title' ? t.replace(/\b\w/g, (c) => c.toUpperCase()) : t;
          });
        fc.assert(
          fc.property(text, (t) => {
            if (!matches(re, t)) return true;
            checked++;
            return mayMatch(re, t);
          }),
          { numRuns: 15, seed: 20261203 },
        );
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  test('on every message of the test fixtures, and most pairs are skipped', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(5000);
    const textWords = texts.map(wordsOf);
    let pairs = 0;
    let skipped = 0;
    for (const re of regexes) {
      for (const [i, text] of texts.entries()) {
        const may = mayMatch(re, textWords[i]!);
        pairs++;
        if (!may) skipped++;
        if (!may && matches(re, text)) throw new Error(`${re.source.slice(0, 80)}… matches ${JSON.stringify(text)} without its anchors`);
      }
    }
    expect(skipped / pairs).toBeGreaterThan(0.6);
  });
});

/** The `text` of every message in the fixtures' JSONL files (labelled conversations and message sets). */
function fixtureTexts(): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') texts.push(normalizeText(v));
        else walk(v);
      }
    }
  };
  for (const dir of ['labeled', 'holdout', 'outside', 'dev', 'lookalikes']) {
    const folder = path.join(__dirname, '../fixtures', dir);
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) if (line.trim()) walk(JSON.parse(line));
    }
  }
  return texts;
}
