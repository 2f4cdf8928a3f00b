import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBaseFileError, loadKnowledgeBase, parseArticle } from '../../server/kb/load-markdown';

describe('parseArticle', () => {
  it('reads id, title, url, category and tags from front matter', () => {
    const article = parseArticle(
      'refunds.md',
      '---\nid: kb-9\ntitle: "Refunds: when"\nurl: https://help.example.com/r\ncategory: returns_refunds\ntags: [refund, money back]\n---\n# Heading\nBody text.',
    );
    expect(article).toEqual({
      id: 'kb-9',
      title: 'Refunds: when',
      url: 'https://help.example.com/r',
      category: 'returns_refunds',
      tags: ['refund', 'money back'],
      body: '# Heading\nBody text.',
    });
  });

  it('falls back to the file name and the first heading', () => {
    const article = parseArticle('lost-parcels.md', 'Intro line\n\n# Lost parcels #\n\nWhat to do.');
    expect(article.id).toBe('lost-parcels');
    expect(article.title).toBe('Lost parcels');
    expect(article.url).toBeUndefined();
  });

  it('keeps numeric ids as strings and accepts comma-separated tags', () => {
    const article = parseArticle('x.md', '---\nid: 12\ntags: a, b\n---\n# T\nbody');
    expect(article.id).toBe('12');
    expect(article.tags).toEqual(['a', 'b']);
  });

  it.each([
    ['broken YAML', '---\ntitle: a: b\n---\n# T\nbody', /bad\.md: front matter is not valid YAML/],
    ['no title', 'just text, no heading', /bad\.md: no title/],
    ['no body', '---\ntitle: T\n---\n', /bad\.md: article has no body/],
    ['a non-http url', '---\nurl: javascript:alert(1)\n---\n# T\nbody', /bad\.md: front matter url/],
  ])('names the file on %s', (_why, markdown, message) => {
    expect(() => parseArticle('bad.md', markdown)).toThrow(message);
    expect(() => parseArticle('bad.md', markdown)).toThrow(KnowledgeBaseFileError);
  });

  it.each(['js', 'javascript', 'JS', ' javascript ', 'coffee'])('refuses ---%s front matter without running it', (language) => {
    const sandbox = globalThis as { frontMatterRan?: boolean };
    delete sandbox.frontMatterRan;
    const markdown = `---${language}\n{ id: (globalThis.frontMatterRan = true, 'kb-evil') }\n---\n# Title\nbody`;
    expect(() => parseArticle('evil.md', markdown)).toThrow(/evil\.md: front matter/);
    expect(sandbox.frontMatterRan).toBeUndefined();
  });

  it('still reads JSON front matter', () => {
    expect(parseArticle('j.md', '---json\n{ "id": "kb-j", "title": "From JSON" }\n---\nbody').title).toBe('From JSON');
  });
});

describe('loadKnowledgeBase', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baton-kb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the Markdown files of a folder and ignores others', async () => {
    await writeFile(path.join(dir, 'a.md'), '# Returns\nReturn within 30 days.');
    await writeFile(path.join(dir, 'b.markdown'), '# Shipping\nShips in 2 days.');
    await writeFile(path.join(dir, 'notes.txt'), 'not an article');
    const kb = await loadKnowledgeBase(dir);
    expect(kb.size).toBe(2);
    expect(kb.get('b')?.title).toBe('Shipping');
    expect(kb.search('return within 30 days')[0]?.article.id).toBe('a');
  });

  it('a bad file fails the load with its name', async () => {
    await writeFile(path.join(dir, 'good.md'), '# Good\nfine');
    await writeFile(path.join(dir, 'empty.md'), '');
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/empty\.md/);
  });

  it('two files with one id fail, naming both', async () => {
    await writeFile(path.join(dir, 'one.md'), '---\nid: same\n---\n# One\nx');
    await writeFile(path.join(dir, 'two.md'), '---\nid: same\n---\n# Two\ny');
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/two\.md: duplicate article id same \(also in one\.md\)/);
  });
});
