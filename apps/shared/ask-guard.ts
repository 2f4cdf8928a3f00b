import phrases from './ask-phrases.json';

/**
 * The save guard's reading of an agent's reply: which sentences ask the customer for something the
 * brief already holds (an order number, an email, a phone, a tracking number, "what seems to be the
 * problem"). Pure and table-driven: the phrases per language live in ask-phrases.json.
 */

export type AskKind = 'order_id' | 'email' | 'phone' | 'tracking_number' | 'problem';

/** What the brief holds, per kind: the values the customer already gave (for `problem`, the summary). */
export type HeldFacts = Partial<Record<AskKind, string[]>>;

export interface RedundantAsk {
  kind: AskKind;
  /** The reply's sentence that asks. */
  sentence: string;
  /** What the customer already gave for it. */
  held: string[];
}

interface PhraseTable {
  cues: Record<string, string[]>;
  topics: Record<AskKind, Record<string, string[]>>;
}

// JavaScript's \b knows only ASCII letters ("pasó?" has none after the ó): use a Unicode boundary.
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

function compile(sources: string[]): RegExp[] {
  return sources.map((source) => new RegExp(source.split('\\b').join(BOUNDARY), 'iu'));
}

function allLanguages(byLanguage: Record<string, string[]>): RegExp[] {
  return compile(Object.values(byLanguage).flat());
}

const table = phrases as unknown as PhraseTable;
const CUES = allLanguages(table.cues);
const TOPICS = (Object.keys(table.topics) as AskKind[]).map((kind) => ({ kind, patterns: allLanguages(table.topics[kind]) }));
/** "What seems to be the problem" asks by itself; the others need a request cue in the sentence. */
const ASKS_BY_ITSELF: ReadonlySet<AskKind> = new Set(['problem']);

/** Rich-text replies arrive as HTML: tags out, the few entities an editor writes decoded. */
export function replyText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function sentences(text: string): string[] {
  return (text.normalize('NFC').match(/[^.!?\n]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function mentionsValue(sentence: string, values: string[]): boolean {
  const lower = sentence.toLowerCase();
  return values.some((value) => value.length > 2 && lower.includes(value.toLowerCase()));
}

/** The reply's asks for facts the brief already holds, at most one per kind. */
export function findRedundantAsks(reply: string, held: HeldFacts): RedundantAsk[] {
  const found: RedundantAsk[] = [];
  const parts = sentences(reply.length > 20_000 ? reply.slice(0, 20_000) : reply);
  for (const { kind, patterns } of TOPICS) {
    const values = held[kind] ?? [];
    if (values.length === 0) continue;
    const sentence = parts.find(
      (s) =>
        patterns.some((p) => p.test(s)) &&
        (ASKS_BY_ITSELF.has(kind) || CUES.some((c) => c.test(s))) &&
        // Quoting the value back ("is 48213 the right order number?") confirms, it does not ask again.
        (kind === 'problem' || !mentionsValue(s, values)),
    );
    if (sentence) found.push({ kind, sentence, held: values });
  }
  return found;
}

/** What a brief holds for the guard: the customer's facts and, for "what is the problem", the summary. */
export function heldFacts(facts: { order_ids?: string[]; emails?: string[]; phones?: string[]; tracking_numbers?: string[] }, summary: string): HeldFacts {
  return {
    order_id: facts.order_ids ?? [],
    email: facts.emails ?? [],
    phone: facts.phones ?? [],
    tracking_number: facts.tracking_numbers ?? [],
    problem: summary.trim() ? [summary.trim()] : [],
  };
}
