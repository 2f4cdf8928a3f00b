/** A knowledge-base (policy / help-centre) article. */
export interface KbArticle {
  id: string;
  title: string;
  url?: string;
  body: string;
  /** Optional front-matter hints, e.g. category: returns_refunds. */
  category?: string;
  tags?: string[];
}

export interface KbMatch {
  article: KbArticle;
  /** Search-library relevance score; higher is better. Only relevant matches are returned. */
  score: number;
  /** Extension: the query's meaningful terms this article matched (why it counts as relevant). */
  terms?: string[];
}

/** What the engine and the writers need from a knowledge base. */
export interface KnowledgeSearch {
  readonly size: number;
  /** Relevant articles for free text, best first; empty when nothing is relevant. */
  search(text: string, limit?: number): KbMatch[];
  get(id: string): KbArticle | undefined;
}
