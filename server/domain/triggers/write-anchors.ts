import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { phraseRegexes } from './all-rules';
import { findAnchors } from './anchor-finder';
import { anchorKey, type StoredAnchors } from './anchors';

/**
 * `npm run build:anchors`: finds the anchors of every regex the phrase rules read messages with
 * (anchor-finder.ts) and writes them to anchors.json, which the server reads. Run after changing a
 * phrase table; test/domain/anchors.test.ts says when it is due.
 */

export const ANCHORS_FILE = path.join(__dirname, 'anchors.json');

export function computeAnchors(): StoredAnchors {
  const out: StoredAnchors = {};
  for (const re of phraseRegexes()) {
    const words = findAnchors(re);
    out[anchorKey(re)] = words ? [...words].sort() : null;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

if (require.main === module) {
  const anchors = computeAnchors();
  // One regex per line, so a changed phrase shows as a changed line.
  const lines = Object.entries(anchors).map(([key, words]) => `  ${JSON.stringify(key)}: ${JSON.stringify(words)}`);
  writeFileSync(ANCHORS_FILE, `{\n${lines.join(',\n')}\n}\n`);
  const anchored = Object.values(anchors).filter(Boolean).length;
  console.log(`${ANCHORS_FILE}: ${anchored} of ${Object.keys(anchors).length} regexes have anchors`);
}
