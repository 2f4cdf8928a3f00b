import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { firstIssue } from '../validation';
import { KnowledgeBase } from './knowledge-base';
import type { KbArticle } from './types';

/** A knowledge-base file that cannot become an article; the message names the file. */
export class KnowledgeBaseFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'KnowledgeBaseFileError';
  }
}

const MARKDOWN = /\.(?:md|markdown)$/i;

const frontMatterSchema = z.looseObject({
  // YAML reads `id: 12` as a number; ids are strings in the contract.
  id: z.union([z.string().trim().min(1), z.number()]).transform(String).optional(),
  title: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  category: z.string().trim().min(1).optional(),
  tags: z
    .union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string()])
    .transform((t) => (Array.isArray(t) ? t : t.split(',')).map((s) => s.trim()).filter(Boolean))
    .optional(),
});

const FIRST_HEADING = /^#[ \t]+(.+?)[ \t#]*$/m;

/** Front matter may be YAML (the default) or JSON; `---js` would be run with eval by gray-matter. */
const FRONT_MATTER_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);
const refuseCode = {
  parse(): never {
    throw new Error('JavaScript front matter is not allowed');
  },
};
/** gray-matter's own engines minus the ones that evaluate code (a second guard behind the list above). */
const MATTER_OPTIONS = { engines: { javascript: refuseCode, js: refuseCode, coffee: refuseCode } };

/**
 * One Markdown article. Front matter may give `id`, `title`, `url`, `category`, `tags`; without
 * them the id is the file name less its extension and the title the first `#` heading.
 */
export function parseArticle(fileName: string, markdown: string): KbArticle {
  const language = matter.language(markdown).name.toLowerCase();
  if (markdown.startsWith('---') && !FRONT_MATTER_LANGUAGES.has(language)) {
    throw new KnowledgeBaseFileError(fileName, `front matter must be YAML or JSON, not "${language}"`);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's content-keyed cache, which would share `data` objects.
    parsed = matter(markdown, MATTER_OPTIONS);
  } catch (err) {
    throw new KnowledgeBaseFileError(fileName, `front matter is not valid YAML: ${(err as Error).message}`);
  }
  const front = frontMatterSchema.safeParse(parsed.data ?? {});
  if (!front.success) {
    const { field, message } = firstIssue(front.error, '(root)');
    throw new KnowledgeBaseFileError(fileName, `front matter ${field}: ${message}`);
  }
  const body = parsed.content.trim();
  if (body === '') throw new KnowledgeBaseFileError(fileName, 'article has no body');
  const title = front.data.title ?? FIRST_HEADING.exec(body)?.[1]?.trim();
  if (!title) throw new KnowledgeBaseFileError(fileName, 'no title: add `title:` front matter or a `# heading`');
  const id = front.data.id ?? path.basename(fileName).replace(MARKDOWN, '');

  const article: KbArticle = { id, title, body };
  if (front.data.url) article.url = front.data.url;
  if (front.data.category) article.category = front.data.category;
  if (front.data.tags?.length) article.tags = front.data.tags;
  return article;
}

/** Every `.md` / `.markdown` file in `dir` (not recursive), in file-name order. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const names = (await readdir(dir)).filter((n) => MARKDOWN.test(n)).sort();
  const articles: KbArticle[] = [];
  const files = new Map<string, string>();
  for (const name of names) {
    const article = parseArticle(name, await readFile(path.join(dir, name), 'utf8'));
    const earlier = files.get(article.id);
    if (earlier) throw new KnowledgeBaseFileError(name, `duplicate article id ${article.id} (also in ${earlier})`);
    files.set(article.id, name);
    articles.push(article);
  }
  return KnowledgeBase.fromArticles(articles);
}
