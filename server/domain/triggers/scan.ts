import type { Conversation } from '../conversation';
import { INTENT_CODES } from '../intent/intent-codes';
import {
  countCommonWords,
  customerLanguage,
  detect,
  GENERAL_ASK_RE,
  languagesToRead,
  type CommonWordCounts,
  type Detection,
  type LanguageCode,
} from '../language';
import { isNegated, normalizeText, refusedAfter, sentenceAround, type NegationMode } from '../text';
import { AnchorIndex, wordsOf } from './anchors';

/**
 * One pass over the messages: every phrase rule runs against each message of its role once, and
 * the hits are grouped by key. Trigger families then reason over hits, never over raw text, so the
 * cost is (messages × rules) regex scans with no regex built per call.
 */

export type Role = 'customer' | 'bot';

export interface PhraseRule {
  /** A trigger code or an internal signal (e.g. `sarcasm`, `cat:order_status`, `bot:offer`). */
  key: string;
  /** Compiled once, with the `g` flag (lastIndex is reset before each use). */
  re: RegExp;
  /** Whose messages the rule reads; customer by default (only customers say what they want). */
  role?: Role;
  /** Skip a match that sits inside this kind of negation. */
  neg?: NegationMode;
  /** Skip a match when this holds for its sentence (e.g. "refund policy", "got my refund"). */
  unless?: (sentence: string) => boolean;
  /**
   * Other languages' phrases for the same key (language/index.ts withLanguages), with the `g` flag:
   * a message is read with `re` and with those of the languages whose common words it holds.
   */
  readIn?: ReadonlyMap<LanguageCode, RegExp>;
  /**
   * The same phrases, sticky: a match of another language's counts only when it is a phrase of a
   * language the message may be written in (pedido is Spanish and Portuguese alike).
   */
  foreign?: ReadonlyMap<LanguageCode, RegExp>;
}

export interface Hit {
  message: number;
  quote: string;
  /** Character offset of the quote in the message. */
  at: number;
}

export interface MessageView {
  index: number;
  role: string;
  text: string;
  /** Same length as `text`; what the rules read. */
  norm: string;
  /** The conversation's message the view was made from: what is worked out once per message is kept by it. */
  message?: object;
}

export class Hits {
  private readonly byKey = new Map<string, Hit[]>();

  add(key: string, hit: Hit): void {
    const list = this.byKey.get(key);
    if (list) list.push(hit);
    else this.byKey.set(key, [hit]);
  }

  get(key: string): Hit[] {
    return this.byKey.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Keeps the key's hits that pass `keep`; the key is gone when none does. */
  keep(key: string, keep: (hit: Hit) => boolean): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const kept = list.filter(keep);
    if (kept.length === 0) this.byKey.delete(key);
    else if (kept.length < list.length) this.byKey.set(key, kept);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }
}

export function viewMessages(conversation: Conversation): MessageView[] {
  return conversation.messages.map((m, index) => ({ index, role: m.role, text: m.text, norm: normalizeText(m.text), message: m }));
}

/**
 * Matches of one rule in one message that may be set aside (negated, or excepted by `unless`) before
 * the rule gives up on the message. Each costs a look at its clause and sentence; a message that
 * repeats "refund policy" a hundred thousand times would otherwise cost seconds, and no real
 * message states a request only after two hundred refusals of it.
 */
const MAX_SET_ASIDE = 200;

/** Languages per message, detected on first need (most messages never need it) and kept for the decision. */
const detected = new WeakMap<MessageView, Detection>();

function detectionOf(view: MessageView): Detection {
  let found = detected.get(view);
  if (!found) detected.set(view, (found = detect(view.norm)));
  return found;
}

/** The languages a message may be written in; undefined when that cannot be told (then: all of them). */
export function languagesOf(view: MessageView): ReadonlySet<LanguageCode> | undefined {
  return detectionOf(view).languages;
}

/** The language a message is written in, when detection is sure of it. */
export function mainLanguageOf(view: MessageView): LanguageCode | undefined {
  return detectionOf(view).main;
}

/**
 * The length of the foreign phrase at `index` in a language the message may be written in (all of
 * them when it is too short or unclear to tell), or undefined when it is a phrase of other languages only.
 */
function phraseInLanguage(view: MessageView, foreign: ReadonlyMap<LanguageCode, RegExp>, index: number): number | undefined {
  const languages = languagesOf(view);
  let length: number | undefined;
  for (const [code, re] of foreign) {
    if (languages && !languages.has(code)) continue;
    re.lastIndex = index;
    const m = re.exec(view.norm);
    if (m && m[0].length > (length ?? 0)) length = m[0].length;
  }
  return length;
}

/** Each message's count of the other languages' common words, and the languages it is read in, made once per message. */
const commonWords = new WeakMap<MessageView, { counted: CommonWordCounts; toRead: readonly LanguageCode[] }>();

function commonWordsOf(view: MessageView): { counted: CommonWordCounts; toRead: readonly LanguageCode[] } {
  let found = commonWords.get(view);
  if (!found) {
    const counted = countCommonWords(view.norm);
    commonWords.set(view, (found = { counted, toRead: languagesToRead(counted) }));
  }
  return found;
}

/**
 * Whether the message may be in another of our languages: it shows their common words, or is too
 * short to tell (language/index.ts languagesToRead). Counting words is far cheaper than detection.
 */
export function showsOtherLanguage(view: MessageView): boolean {
  return commonWordsOf(view).toRead.length > 0;
}

/** The rule's regexes for this message: English first, then those of the languages it shows words of. */
function regexesFor(rule: PhraseRule, view: MessageView): RegExp[] {
  const regexes = [rule.re];
  if (!rule.readIn) return regexes;
  for (const code of commonWordsOf(view).toRead) {
    const re = rule.readIn.get(code);
    if (re) regexes.push(re);
  }
  return regexes;
}

/** The first non-empty match of `re` in `text` at or after `from`. */
function matchFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  let m = re.exec(text);
  while (m && m[0].length === 0) {
    re.lastIndex = m.index + 1;
    m = re.exec(text);
  }
  return m;
}

/** The language the customer writes in (language/index.ts customerLanguage), from the counts the scan made. */
export function customerLanguageOf(views: readonly MessageView[]): LanguageCode {
  const customer = views.filter((v) => v.role === 'customer');
  return customerLanguage(
    customer.map((v) => v.norm),
    customer.map((v) => commonWordsOf(v).counted),
  );
}

/**
 * The rule's first match in the message that is not set aside. With other languages read, the
 * regexes are read side by side and the leftmost match of any is taken (English first at the same
 * place, then PACKS order), as one regex joining them would: after a match set aside, all resume
 * past it; a phrase of a language the message is not written in is passed over by one character.
 */
function firstHit(rule: PhraseRule, view: MessageView, mayMatch: (re: RegExp) => boolean): Hit | undefined {
  const text = view.norm;
  const regexes = regexesFor(rule, view);
  // A regex that cannot match (none of its anchor words is in the message) is never run; its slot
  // stays empty, as if it had found nothing.
  const next = regexes.map((re) => (mayMatch(re) ? matchFrom(re, text, 0) : null));
  let setAside = 0;
  for (;;) {
    let pick = -1;
    for (let k = 0; k < next.length; k++) {
      const m = next[k];
      if (m && (pick < 0 || m.index < next[pick]!.index)) pick = k;
    }
    if (pick < 0) return undefined;
    const m = next[pick]!;
    if (setAside++ >= MAX_SET_ASIDE) return undefined;
    let length = m[0].length;
    if (pick > 0) {
      const inLanguage = phraseInLanguage(view, rule.foreign!, m.index);
      if (inLanguage === undefined) {
        next[pick] = matchFrom(regexes[pick]!, text, m.index + 1);
        continue;
      }
      length = inLanguage;
    }
    const passed =
      (rule.neg && isNegated(text, m.index, rule.neg, () => languagesOf(view))) ||
      (rule.neg === 'want' && refusedAfter(text, { index: m.index, length })) ||
      (rule.unless && rule.unless(sentenceAround(text, { index: m.index, length })));
    if (!passed) return { message: view.index, quote: view.text.slice(m.index, m.index + length), at: m.index };
    const end = m.index + m[0].length;
    for (let k = 0; k < next.length; k++) {
      if (next[k] && next[k]!.index < end) next[k] = matchFrom(regexes[k]!, text, end);
    }
  }
}

/**
 * Codes that need a case of the customer's own, now: a message that says it asks in general or for
 * later ("how long do refunds take? just curious", "what happens if my card is ever stolen?") holds
 * none of them. A request for a person, danger and a price quote are read whatever the framing.
 */
const ABOUT_A_CASE: ReadonlySet<string> = new Set(
  INTENT_CODES.filter((code) => code !== 'human_requested' && code !== 'safety' && code !== 'custom_pricing'),
);

/** Whether a customer message says it asks in general, read once per message (rules and model alike). */
const inGeneral = new WeakMap<MessageView, boolean>();

/** The code needs a case of the customer's own and this customer message asks in general: set it aside. */
export function askedInGeneral(key: string, view: MessageView): boolean {
  if (view.role !== 'customer' || !ABOUT_A_CASE.has(key)) return false;
  let general = inGeneral.get(view);
  if (general === undefined) inGeneral.set(view, (general = GENERAL_ASK_RE.test(view.norm)));
  return general;
}

/**
 * Each message's words, as anchors are spelt (anchors.ts), made once per message of a conversation:
 * the decision, the bot-answer reading and the brief each make their own views of the same
 * messages, so the words are kept by the conversation's message, not by the view.
 */
const messageWords = new WeakMap<object, ReadonlySet<string>>();

function wordsOfView(view: MessageView): ReadonlySet<string> {
  const key = view.message ?? view;
  let words = messageWords.get(key);
  if (!words) messageWords.set(key, (words = wordsOf(view.norm)));
  return words;
}

/** Every regex the rules read messages with: each rule's own and, unless `english` only, its other languages' (readIn). */
export function regexesOfRules(rules: readonly PhraseRule[], which: 'all' | 'english' = 'all'): RegExp[] {
  return [...new Set(which === 'english' ? rules.map((r) => r.re) : rules.flatMap((r) => [r.re, ...(r.readIn?.values() ?? [])]))];
}

/** Each rule table's anchor index (anchors.ts), over every regex its rules read with, built on first use. */
const anchorIndexes = new WeakMap<readonly PhraseRule[], AnchorIndex>();

function anchorIndexOf(rules: readonly PhraseRule[]): AnchorIndex {
  let index = anchorIndexes.get(rules);
  if (!index) anchorIndexes.set(rules, (index = new AnchorIndex(regexesOfRules(rules))));
  return index;
}

/** Runs every rule over the messages of its role; at most one hit per rule per message. */
export function scan(views: readonly MessageView[], rules: readonly PhraseRule[]): Hits {
  const hits = new Hits();
  const index = anchorIndexOf(rules);
  for (const view of views) {
    if (view.role !== 'customer' && view.role !== 'bot') continue;
    const mayMatch = index.mayMatch(wordsOfView(view));
    for (const rule of rules) {
      if ((rule.role ?? 'customer') !== view.role) continue;
      if (askedInGeneral(rule.key, view)) continue;
      const hit = firstHit(rule, view, mayMatch);
      if (hit) hits.add(rule.key, hit);
    }
  }
  return hits;
}
