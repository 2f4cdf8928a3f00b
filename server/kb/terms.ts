/**
 * How the knowledge base turns text into search terms: lower-case, stop words and support filler
 * dropped, and a light suffix strip so "refunded", "refunds" and "refund" meet. It is deliberately
 * not a full stemmer (minisearch has none and one would be a dependency for little gain): it only
 * removes endings that English inflection adds, and prefix search covers the rest ("cancel" →
 * "cancellation").
 */

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can cannot could did do does doing don done down during each few for from
  further had has have having he her here hers herself him himself his how i if in into is it its
  itself just let me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some still such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what
  when where which while who whom why will with would you your yours yourself yourselves
  hi hello hey thanks thank please pls ok okay yes yeah sure dear regards cheers sorry
  get got gets getting want wanted wants need needed needs help like know tell told say says said
  ask asked go going went make made take one two long never im ive id youre dont didnt doesnt cant wont isnt
  hasnt havent wasnt werent arent shouldnt couldnt wouldnt yet
  really just still already even much many way thing things something anything someone anyone
  today yesterday tomorrow day days week weeks time again`.split(/\s+/),
);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

/**
 * Strips one inflectional ending, keeping at least four letters of stem, and undoubles a final
 * consonant the ending doubled ("shipped" → "ship", "cancelled" → "cancel").
 */
export function lightStem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let term = word.endsWith('ies') && word.length > 5 ? `${word.slice(0, -3)}y` : word;
  if (term.endsWith('ery')) return term.slice(0, -1); // delivery → deliver
  for (const suffix of ['ing', 'ed', 'es', 'e', 's']) {
    if (!term.endsWith(suffix)) continue;
    if (suffix === 's' && term.endsWith('ss')) return term;
    const stem = term.slice(0, -suffix.length);
    if (stem.length < 4) continue;
    term = stem.length > 4 && /([b-df-hj-np-rt-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
    break;
  }
  return term;
}

/** One token as indexed and searched; null drops it. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/['’]/g, '');
  if (t.length < 2 || isStopWord(t)) return null;
  return lightStem(t);
}
