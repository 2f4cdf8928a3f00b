import MiniSearch, { type SearchResult } from 'minisearch';
import type { KbArticle, KbMatch, KnowledgeSearch } from './types';
import { processTerm } from './terms';

/**
 * Relevance floor. BM25 always ranks something first, so the score alone cannot say "nothing here
 * is relevant". An article counts only when it matches enough of the query's meaningful terms (stop
 * words removed): half of them, rounded up, but never more than MAX_REQUIRED_TERMS so a long
 * customer message can still find its article. "do you sell gift cards for dogs on mars" has five
 * meaningful terms; an article sharing only "gift" and "card" with it (2 of 5) is not an answer to it.
 * Among the articles that pass, those scoring under RELATIVE_FLOOR of the best one are passing
 * mentions (one shared word in a long article), not answers, and are dropped too.
 */
const REQUIRED_SHARE = 0.5;
const RELATIVE_FLOOR = 0.1;
const MAX_REQUIRED_TERMS = 4;
const DEFAULT_LIMIT = 3;

/** Title words say what an article is about; tags are curated synonyms; the body is evidence. */
const BOOST = { title: 3, tags: 2, body: 1 };

const MAX_TERM_LENGTH = 64;
/**
 * Terms of one query. A question has a dozen; the first ones say what it is about. minisearch
 * expands every term by prefix and fuzzy match, so a 1 MB message of distinct words took over a
 * second as one query.
 */
const MAX_QUERY_TERMS = 64;
/**
 * Searches remembered, least recently used forgotten first. The articles never change after the index
 * is built, and a search's result depends only on its processed terms (digits are dropped), so the
 * rules and the writer asking about the same sentence, a conversation assessed again at each new
 * message, and "where is order 48213" after "where is order 51007" are answered from memory.
 */
const REMEMBERED_SEARCHES = 2048;

/**
 * A two-term question needs both: "opening hours" sharing only "open" with a parcel article, or
 * "store in Berlin" sharing "store" with store credit, is not answered by it.
 */
export function requiredTerms(queryTerms: number): number {
  if (queryTerms <= 2) return queryTerms;
  return Math.min(Math.ceil(queryTerms * REQUIRED_SHARE), MAX_REQUIRED_TERMS);
}

/**
 * Query terms as the index sees them (processed, deduplicated), the first `limit` of them: reading
 * stops there, so a query costs the same for a sentence and for a megabyte.
 */
export function meaningfulTerms(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const terms = new Set<string>();
  for (const [token] of text.matchAll(/[\p{L}\p{N}']+/gu)) {
    if (terms.size >= limit) break;
    // No word is this long; minisearch's fuzzy match allocates length² bytes per term (a 1 MB token
    // asked for a terabyte), so such tokens are noise to drop, not terms to search.
    if (token.length > MAX_TERM_LENGTH) continue;
    // Order numbers, amounts and dates name this customer's case, never an article's topic; counted
    // as terms they raised the bar ("cancel order #5521" needed a match for "5521").
    if (/\d/.test(token)) continue;
    const term = processTerm(token);
    if (term) terms.add(term);
  }
  return [...terms];
}

function validate(articles: KbArticle[]): void {
  const seen = new Set<string>();
  articles.forEach((a, i) => {
    for (const field of ['id', 'title', 'body'] as const) {
      if (typeof a[field] !== 'string' || a[field].trim() === '') {
        throw new Error(`knowledge base article ${i} (${a.id ?? 'no id'}): ${field} must be a non-empty string`);
      }
    }
    if (seen.has(a.id)) throw new Error(`knowledge base article ${i}: duplicate id ${a.id}`);
    seen.add(a.id);
  });
}

/**
 * A policy / help-centre knowledge base searched with BM25+ (minisearch). Modest prefix (terms of
 * four letters or more, after stemming) and fuzzy (one edit in terms of seven or more) matching absorb plurals and
 * typos without letting "card" match "cart".
 */
export class KnowledgeBase implements KnowledgeSearch {
  private readonly byId: Map<string, KbArticle>;
  private readonly index: MiniSearch<KbArticle>;
  /** Per article, the terms it is about: its title's words and its one-word tags. */
  private readonly about: Map<string, Set<string>>;
  private readonly recent = new Map<string, readonly KbMatch[]>();

  private constructor(articles: KbArticle[]) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
    this.about = new Map(articles.map((a) => [a.id, aboutTerms(a)]));
    this.index = new MiniSearch<KbArticle>({
      fields: ['title', 'body', 'tags'],
      extractField: (doc, field) => {
        const value = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' ') : (value as string | undefined) ?? '';
      },
      processTerm,
      searchOptions: {
        boost: BOOST,
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 7 ? 1 : false),
        combineWith: 'OR',
      },
    });
    this.index.addAll(articles);
  }

  static fromArticles(articles: KbArticle[]): KnowledgeBase {
    validate(articles);
    return new KnowledgeBase(articles);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): KbArticle | undefined {
    return this.byId.get(id);
  }

  all(): KbArticle[] {
    return [...this.byId.values()];
  }

  search(text: string, limit = DEFAULT_LIMIT): KbMatch[] {
    const terms = meaningfulTerms(text, MAX_QUERY_TERMS);
    if (terms.length === 0 || limit <= 0) return [];
    const key = `${limit} ${terms.join(' ')}`;
    let matches = this.recent.get(key);
    if (matches) {
      this.recent.delete(key); // re-inserted below: most recently used last
    } else {
      matches = this.rank(terms, limit);
      if (this.recent.size >= REMEMBERED_SEARCHES) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(key, matches);
    return [...matches];
  }

  private rank(terms: string[], limit: number): readonly KbMatch[] {
    const needed = requiredTerms(terms.length);
    const relevant = this.index
      .search(terms.join(' '))
      .filter((r: SearchResult) => r.queryTerms.length >= needed || (needed === 2 && this.isAbout(r)));
    const best = relevant[0]?.score ?? 0;
    // Frozen: the same objects are handed to every caller that asks the same question.
    return Object.freeze(
      relevant
        .filter((r) => r.score >= best * RELATIVE_FLOOR)
        .slice(0, limit)
        .map((r) => Object.freeze({ article: this.byId.get(String(r.id))!, score: r.score, terms: Object.freeze([...r.queryTerms]) as string[] })),
    );
  }

  /**
   * A two-term question ("return a jacket", "parcel arrive") is answered by an article whose title or
   * one-word tag holds one of the terms, though the other appears nowhere in it: the article is about
   * what was asked. One word of a body or of a longer tag ("store" of "store credit") is not enough.
   */
  private isAbout(result: SearchResult): boolean {
    const about = this.about.get(String(result.id));
    return result.terms.some((t) => about?.has(t) ?? false);
  }
}

function aboutTerms(article: KbArticle): Set<string> {
  const terms = new Set(meaningfulTerms(article.title));
  for (const tag of article.tags ?? []) {
    const words = meaningfulTerms(tag);
    if (words.length === 1) terms.add(words[0]!);
  }
  return terms;
}
