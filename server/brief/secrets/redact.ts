import { LINKING_WORDS, NOT_A_VALUE, NOT_SECRET_QUALIFIERS, SECRET_CONTEXT } from './secret-words';

/**
 * Secrets in customer text (cards, government ids, passwords, one-time codes, credentials), found so
 * that Baton never repeats them where others read: withholdSecrets for what it writes itself, and
 * redaction before anything leaves for a model. Pure: text in, text out, with every secret replaced
 * by a placeholder (`[CARD_1]`, `[PASSWORD_1]`) kept in a `Redactions` table that stays on our side.
 * The table maps placeholders in the model's answer back to what an agent may see: the last four
 * digits of a card, a label for everything else (see `display`). No full secret is ever written into
 * a brief, whichever writer wrote it, because briefs are posted to Slack and helpdesk notes.
 */

export type SecretKind = 'CARD' | 'GOV_ID' | 'PASSWORD' | 'CODE' | 'SECRET';

interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

const LABELS: Record<Exclude<SecretKind, 'CARD'>, string> = {
  GOV_ID: '[government id withheld]',
  PASSWORD: '[password withheld]',
  CODE: '[one-time code withheld]',
  SECRET: '[credential withheld]',
};

function display(kind: SecretKind, value: string): string {
  if (kind === 'CARD') return `[card ending ${value.replace(/\D/g, '').slice(-4)}]`;
  return LABELS[kind];
}

/** The placeholders of one request: the same secret gets the same placeholder everywhere in it. */
export class Redactions {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, { kind: SecretKind; value: string }>();
  private readonly counts = new Map<SecretKind, number>();

  placeholderFor(kind: SecretKind, value: string): string {
    const key = `${kind}\u0000${value}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const placeholder = `[${kind}_${n}]`;
    this.byValue.set(key, placeholder);
    this.byPlaceholder.set(placeholder, { kind, value });
    return placeholder;
  }

  /** How many distinct secrets of each kind were removed (safe to log: no values). */
  summary(): Partial<Record<SecretKind, number>> {
    return Object.fromEntries(this.counts);
  }

  /** Placeholders in the model's text become what an agent may see; unknown ones stay as written. */
  restore(text: string): string {
    return text.replace(/\[(CARD|GOV_ID|PASSWORD|CODE|SECRET)_\d+\]/g, (placeholder) => {
      const entry = this.byPlaceholder.get(placeholder);
      return entry ? display(entry.kind, entry.value) : placeholder;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Detectors. Each returns spans over the original text; overlaps are settled afterwards.

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 13–19 digits (spaces or dashes between), issuer digit 2–6, Luhn-valid: a payment card. */
const CARD = /(?<![\d+][ -]?)[2-6](?:[ -]?\d){12,18}(?![ -]?\d)/g;

/** US SSN with separators (area not 000/666/9xx, group not 00, serial not 0000). */
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;

/** UK National Insurance number: two prefix letters (not the unused pairs), six digits, suffix A–D. */
const UK_NI = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

/** Credentials with a well-known shape (vendors document these prefixes so scanners can find them). */
const KNOWN_TOKENS: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\bsk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI, Anthropic
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g, // Stripe
  /\bgh[pousr]_[A-Za-z0-9]{30,}/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google API keys
  // A header segment of at most 512 characters (a JWT's is tens): unbounded, a run of "eyJJJJJJJJ-"
  // was scanned to its end from each of its starts.
  /\beyJ[A-Za-z0-9_-]{8,512}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs (base64url JSON header)
  // The token's first character is checked before the lookbehind: at every position of a long run of
  // spaces, a lookbehind first would scan back over the whole run (quadratic time).
  /(?=[A-Za-z0-9._~+/-])(?<=\bBearer\s+)[A-Za-z0-9._~+/-]{16,}=*/g,
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A long random-looking string: a run of 20+ letters and digits mixing upper case, lower case and
 * at least two digits with high entropy, or 32+ hex digits. UUIDs, words joined by hyphens and
 * all-caps references (order and tracking numbers) are left alone.
 */
function looksRandom(token: string): boolean {
  if (UUID.test(token)) return false;
  const longestRun = token.split(/[^A-Za-z0-9]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (/^[0-9a-fA-F]{32,}$/.test(longestRun) && /\d/.test(longestRun) && /[a-fA-F]/.test(longestRun)) return true;
  if (longestRun.length < 20) return false;
  const digits = longestRun.replace(/\D/g, '').length;
  return /[a-z]/.test(longestRun) && /[A-Z]/.test(longestRun) && digits >= 2 && entropy(longestRun) >= 3.5;
}

const TOKEN = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{20,}(?![A-Za-z0-9+/_=-])/g;

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** Longest words first so "verification code" wins over "code". */
function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeWord).join('|');
}

const NOT_LETTER = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';
// Every repetition takes a separator or a linking word after its spaces: with both optional, a run
// of spaces could be split between eight `\\s*` in polynomially many ways, and "my token", 100 spaces
// and a quote took 71 s.
const LINKS = `(?:\\s*(?:[:=#]|->|=>|(?:${alternation(LINKING_WORDS)})${WORD_END})){0,6}\\s*(?:[:=#]\\s*)?`;

/** The value after a context word: a quoted string, or the next token. */
const VALUE = `(?:(["'“‘«])([^"'”’»\\n]{1,100})["'”’»]|([^\\s"'“‘«][^\\s]{0,99}))`;

function contextRule(words: readonly string[]): RegExp {
  // `d`: match indices, to know where the value sits inside the match.
  return new RegExp(`${NOT_LETTER}(?:${alternation(words)})${WORD_END}${LINKS}${VALUE}`, 'dgiu');
}

const NOT_A_VALUE_SET = new Set(NOT_A_VALUE.map((w) => w.toLowerCase()));
const QUALIFIER_BEFORE = new RegExp(`${NOT_LETTER}(?:${alternation(NOT_SECRET_QUALIFIERS)})\\s*$`, 'iu');

interface ContextKind {
  kind: SecretKind;
  rule: RegExp;
  /**
   * Whether this candidate is the secret. `explicit`: it was quoted or came after ':' or '=', so
   * even a plain word is meant as the value ("password: sunshine").
   */
  accepts(value: string, explicit: boolean): boolean;
  /** Trailing sentence punctuation is not part of codes and ids (passwords keep theirs). */
  trimEnd: boolean;
}

const digitCount = (v: string) => v.replace(/\D/g, '').length;

const CONTEXT_KINDS: ContextKind[] = [
  {
    kind: 'PASSWORD',
    rule: contextRule(SECRET_CONTEXT.password),
    trimEnd: false,
    accepts: (value, explicit) => {
      if (value.startsWith('[')) return false;
      const bare = value.replace(/[.,;:!?)]+$/, '');
      if (NOT_A_VALUE_SET.has(bare.toLowerCase())) return false;
      // "my password is sunshine" cannot be told from "my password is gone" without a dictionary:
      // a plain lowercase word is taken only when the customer marked it as the value.
      if (explicit) return bare.length >= 1;
      return bare.length >= 3 && !/^\p{Ll}+$/u.test(bare);
    },
  },
  {
    kind: 'SECRET',
    rule: contextRule(SECRET_CONTEXT.credential),
    trimEnd: true,
    accepts: (value) => value.length >= 12 && (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))),
  },
  {
    kind: 'GOV_ID',
    rule: contextRule(SECRET_CONTEXT.governmentId),
    trimEnd: true,
    accepts: (value) => /^[A-Za-z0-9][A-Za-z0-9./-]{3,24}$/.test(value) && digitCount(value) >= 4,
  },
  {
    kind: 'CODE',
    rule: contextRule(SECRET_CONTEXT.code),
    trimEnd: true,
    accepts: (value) => /^[A-Za-z0-9-]{3,12}$/.test(value) && digitCount(value) >= 3 && digitCount(value) <= 10,
  },
];

function contextSpans(text: string, spec: ContextKind): Span[] {
  const spans: Span[] = [];
  spec.rule.lastIndex = 0;
  for (let m = spec.rule.exec(text); m; m = spec.rule.exec(text)) {
    const quoted = m.indices![2] !== undefined;
    const [valueStart, rawEnd] = (quoted ? m.indices![2] : m.indices![3])!;
    let value = text.slice(valueStart, rawEnd);
    if (spec.trimEnd) value = value.replace(/[.,;:!?)\]}]+$/, '');
    if (QUALIFIER_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const explicit = quoted || /[:=]/.test(text.slice(m.index, valueStart));
    if (!spec.accepts(value, explicit)) continue;
    spans.push({ start: valueStart, end: valueStart + value.length, kind: spec.kind });
  }
  return spans;
}

function regexSpans(text: string, rule: RegExp, kind: SecretKind, keep: (match: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  rule.lastIndex = 0;
  for (let m = rule.exec(text); m; m = rule.exec(text)) {
    if (keep(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return spans;
}

/** Every secret in `text`, non-overlapping, in order. Earlier detectors win ties. */
export function findSecrets(text: string): Span[] {
  const found: Span[] = [
    ...KNOWN_TOKENS.flatMap((rule) => regexSpans(text, rule, 'SECRET')),
    ...regexSpans(text, CARD, 'CARD', (m) => luhn(m.replace(/\D/g, ''))),
    ...regexSpans(text, SSN, 'GOV_ID'),
    ...regexSpans(text, UK_NI, 'GOV_ID'),
    ...CONTEXT_KINDS.flatMap((spec) => contextSpans(text, spec)),
    ...regexSpans(text, TOKEN, 'SECRET', looksRandom),
  ];
  const order = new Map(found.map((span, i) => [span, i]));
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || order.get(a)! - order.get(b)!);
  const kept: Span[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** `text` with each secret replaced by its placeholder in `redactions`. */
export function redactText(text: string, redactions: Redactions): string {
  const spans = findSecrets(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + redactions.placeholderFor(span.kind, text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}

/** Every string inside `value` (objects, arrays), redacted; keys are ours and left as they are. */
export function redactDeep<T>(value: T, redactions: Redactions): T {
  if (typeof value === 'string') return redactText(value, redactions) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactions)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redactions)])) as T;
  }
  return value;
}

/**
 * `text` as Baton writes it for people other than the customer (the offline brief, which helpdesk
 * notes and Slack alerts carry; evidence quoted in Slack): each secret replaced by what an agent may
 * see, a card's last four digits or a label. The conversation itself, and the decision's evidence
 * quotes answered to the bot that sent them, stay as the customer wrote them.
 */
export function withholdSecrets(text: string): string {
  const spans = findSecrets(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + display(span.kind, text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}
