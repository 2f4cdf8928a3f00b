import { listAttempted } from '../../server/brief/attempted';
import { BRIEF_READS_CHARS, customerSentences, sentencesOf, withoutPleasantries } from '../../server/brief/customer-text';
import { listOfFirst } from '../../server/brief/fact-phrases';
import { writeNextSteps } from '../../server/brief/next-steps';
import { writeWarmIntro } from '../../server/brief/warm-intro';
import { parseConversation } from '../../server/domain/conversation';
import type { AttemptedSolution } from '../../server/domain/decision';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { decision } from './build';

/** Reading long customer text: sliced segmentation finds the same sentences, and no read is unbounded. */

const wholeSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wholeSentences = (text: string) => [...wholeSegmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);

describe('sentencesOf on long text', () => {
  it('finds the same sentences as one segmenter pass over the whole text', () => {
    const lines = [
      'Order #%n was charged $349.99 twice, e.g. on the 3rd and the 4th.',
      'Why has nobody answered me?!',
      'I waited %n days\nand the parcel is still not here',
      'Mr. Smith at the depot said it left on Friday.',
    ];
    const text = Array.from({ length: 300 }, (_, n) => lines[n % lines.length]!.replace('%n', String(n))).join(' ');
    expect(text.length).toBeGreaterThan(10_000);
    expect(sentencesOf(text)).toEqual(wholeSentences(text));
  });

  it('loses no character of one long token and never splits a surrogate pair', () => {
    const token = 'ab😀'.repeat(5_000);
    const sentences = sentencesOf(token);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.join('')).toBe(token);
    for (const sentence of sentences) expect(sentence).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('returns a one-sentence turn whole, as the segmenter does', () => {
    for (const text of ['That did not help at all.', '  I want a refund!!  ', 'no punctuation here', 'Où est ma commande ?']) {
      expect(sentencesOf(text)).toEqual(wholeSentences(text));
    }
  });
});

describe('sentencesOf and ordinal numbers', () => {
  it('does not end a sentence at a day or ordinal number with a dot', () => {
    expect(sentencesOf('Hallo, ich habe am 3. November bestellt, und das Paket ist kaputt. Bitte helfen Sie mir.')).toEqual([
      'Hallo, ich habe am 3. November bestellt, und das Paket ist kaputt.',
      'Bitte helfen Sie mir.',
    ]);
    expect(sentencesOf('Jeg bestilte den 14. december. Pakken er ikke kommet.')).toEqual(['Jeg bestilte den 14. december.', 'Pakken er ikke kommet.']);
    expect(sentencesOf('Das ist schon zum 2. Mal passiert! Ich will mein Geld zurück.')).toEqual(['Das ist schon zum 2. Mal passiert!', 'Ich will mein Geld zurück.']);
  });

  it('still ends a sentence at a year, an amount or an order number with a dot', () => {
    expect(sentencesOf('I ordered it in 2024. It broke.')).toEqual(['I ordered it in 2024.', 'It broke.']);
    expect(sentencesOf('It cost $349.99. I want it back.')).toEqual(['It cost $349.99.', 'I want it back.']);
    expect(sentencesOf('My order is #60117. Where is it?')).toEqual(['My order is #60117.', 'Where is it?']);
  });
});

describe('reading customer text for the brief', () => {
  it('strips any number of leading pleasantries', () => {
    expect(withoutPleasantries(`${'thanks, '.repeat(20_000)}my parcel is lost`)).toBe('my parcel is lost');
  });

  it('reads the first BRIEF_READS_CHARS of each message', () => {
    const early = 'My blender arrived with a cracked jug.';
    const late = 'The courier threw it over the fence.';
    const filler = 'I am still waiting for an answer about it. '.repeat(Math.ceil(BRIEF_READS_CHARS / 40));
    const conversation = parseConversation({ messages: [{ role: 'customer', text: `${early} ${filler}${late}` }] });
    const texts = customerSentences(conversation).map((s) => s.text);
    expect(texts[0]).toBe(early);
    expect(texts).not.toContain(late);
    // The sentence the budget cuts through is left out, not quoted as a fragment.
    expect(texts[texts.length - 1]).toBe('I am still waiting for an answer about it.');
    expect(texts.join(' ').length).toBeLessThanOrEqual(BRIEF_READS_CHARS);
  });
});

describe('naming many articles', () => {
  it('lists the first few and counts the rest', () => {
    expect(listOfFirst(['a', 'b'], 3)).toBe('a and b');
    expect(listOfFirst(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c and 2 more');
  });

  it('keeps the warm intro and the next steps short when the bot sent hundreds of articles', () => {
    const messages: object[] = [{ role: 'customer', text: 'My parcel is lost.' }];
    const attempted: AttemptedSolution[] = [];
    for (let i = 0; i < 400; i += 1) {
      messages.push({ role: 'bot', text: 'See this.', kb_articles: [{ id: `kb-${i}`, title: `Article ${i}` }], helpful: false });
      attempted.push({ by: 'bot', what: 'See this.', outcome: 'not_helpful', kb_article: `kb-${i}` });
    }
    const conversation = parseConversation({ messages });
    const d = decision({ category: 'order_status' });
    const intro = writeWarmIntro(conversation, d, attempted);
    expect(intro).toContain('the "Article 0" article, the "Article 1" article, the "Article 2" article and 397 more');
    expect(intro).not.toContain('Article 3"');
    const titles = new Map(attempted.map((a, i) => [a.kb_article!, `Article ${i}`]));
    const steps = writeNextSteps({ decision: d, policy: DEFAULT_POLICY, customerText: '', attempted, articleTitles: titles });
    const resend = steps.find((s) => s.action.startsWith('Do not resend'));
    expect(resend?.action).toContain('"Article 4" (kb-4) and 395 more');
    expect(resend?.action).not.toContain('kb-5');
  });

  it('names the first few articles of one answer that cited hundreds', () => {
    const kbArticles = Array.from({ length: 400 }, (_, i) => ({ id: `kb-${i}`, title: `Article ${i}` }));
    const conversation = parseConversation({
      messages: [
        { role: 'customer', text: 'My parcel is lost.' },
        { role: 'bot', text: 'These should help.', kb_articles: kbArticles, helpful: false },
      ],
    });
    const [attempt] = listAttempted(conversation);
    expect(attempt?.what).toBe('sent articles "Article 0", "Article 1", "Article 2" and 397 more: These should help.');
  });
});
