import type { Amount } from '../decision';
import { matchesOf, MAX_FACTS_PER_KIND, type ClaimedSpans, type Found } from './spans';

/** `$` means the shop's own dollar when the shop prices in one, else US dollars. */
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD']);

const SYMBOLS: Record<string, string> = {
  'US$': 'USD',
  'C$': 'CAD',
  'CA$': 'CAD',
  'A$': 'AUD',
  'AU$': 'AUD',
  'NZ$': 'NZD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

const CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'INR', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'MXN', 'BRL'];

const WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', bucks: 'USD',
  euro: 'EUR', euros: 'EUR',
  quid: 'GBP',
  yen: 'JPY',
  rupee: 'INR', rupees: 'INR',
};

/**
 * A number as people write money: "1,250", "349.99", "149,00" (European decimal comma),
 * "1.250,50", "1 250,50" (only a no-break space groups: a plain one too often separates two numbers).
 */
const NUMBER = String.raw`\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SYMBOL = String.raw`US\$|CA?\$|AU?\$|NZ\$|\$|€|£|¥|₹`;
const CODE = CODES.join('|');
const WORD = Object.keys(WORDS).join('|');

// `(?!\d)` first: each digit the number gives back would otherwise rescan the rest of the run.
const SYMBOL_FIRST = new RegExp(String.raw`(${SYMBOL})\s?(${NUMBER})(?!\d)(?![\d.,]*\d)`, 'g');
const NUMBER_THEN_SYMBOL = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(€|£|¥|₹|\$)`, 'g');
const CODE_FIRST = new RegExp(String.raw`\b(${CODE})\s?(${NUMBER})(?!\d)(?![\d.,]*\d)`, 'g');
const NUMBER_THEN_CODE = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(${CODE})\b`, 'g');
const NUMBER_THEN_WORD = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(${WORD})\b`, 'gi');
/** Bare numbers count only after words that make them money ("charged me 349.99", "a refund of 80"). */
const MONEY_CONTEXT = new RegExp(
  String.raw`\b(?:charged(?:\s+me)?|billed(?:\s+me)?|refund(?:ed)?(?:\s+(?:of|me|for))?|paid|pay|cost|costs|price(?:\s+of)?|total(?:\s+of)?|amount(?:\s+of)?|fee(?:\s+of)?)\s+(?:me\s+)?(?:for\s+)?(${NUMBER})\b(?!\s*(?:%|x\b|times|items?|units?|pieces?|orders?|days?|weeks?|months?|years?|hours?|minutes?|mins?|pcs))`,
  'gi',
);

/**
 * Parses a written number. The last separator followed by one or two digits is the decimal mark;
 * three digits after it make it a thousands separator, except a lone "1.250" in euros, where the dot
 * groups thousands.
 */
export function parseNumber(raw: string, currency: string): number {
  const s = raw.replace(/[\u00a0\u202f]/g, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep < 0) return Number(s);
  const decimals = s.length - lastSep - 1;
  const separators = s.match(/[.,]/g)!.length;
  const europeanThousands = currency === 'EUR' && s[lastSep] === '.' && separators === 1;
  if (decimals === 3 && (separators > 1 || s[lastSep] === ',' || europeanThousands)) {
    return Number(s.replace(/[.,]/g, ''));
  }
  if (decimals === 3 && separators === 1) return Number(s); // "1.250" in dollars: 1.25
  const whole = s.slice(0, lastSep).replace(/[.,]/g, '');
  return Number(`${whole}.${s.slice(lastSep + 1)}`);
}

function symbolCurrency(symbol: string, shopCurrency: string): string {
  if (symbol === '$') return DOLLAR_CURRENCIES.has(shopCurrency) ? shopCurrency : 'USD';
  return SYMBOLS[symbol] ?? 'USD';
}

export function findAmounts(text: string, claimed: ClaimedSpans, shopCurrency: string): Found<Amount>[] {
  const found: Found<Amount>[] = [];
  /** Claims [start, end) as an amount unless taken already; false once enough amounts are kept. */
  const take = (start: number, end: number, raw: string, currency: string): boolean => {
    if (claimed.overlaps(start, end)) return true;
    const value = parseNumber(raw, currency);
    if (!Number.isFinite(value)) return true;
    claimed.claim(start, end);
    found.push({ at: start, value: { value, currency } });
    return found.length < MAX_FACTS_PER_KIND;
  };
  const whole = (m: RegExpExecArray, numberGroup: number, currency: string) =>
    take(m.index, m.index + m[0].length, m[numberGroup]!, currency);
  const passes: Array<[RegExp, (m: RegExpExecArray) => boolean]> = [
    [SYMBOL_FIRST, (m) => whole(m, 2, symbolCurrency(m[1]!, shopCurrency))],
    [CODE_FIRST, (m) => whole(m, 2, m[1]!.toUpperCase())],
    [NUMBER_THEN_SYMBOL, (m) => whole(m, 1, symbolCurrency(m[2]!, shopCurrency))],
    [NUMBER_THEN_CODE, (m) => whole(m, 1, m[2]!.toUpperCase())],
    [
      NUMBER_THEN_WORD,
      (m) => {
        const word = m[2]!.toLowerCase();
        const currency = word.startsWith('dollar') || word === 'bucks' ? symbolCurrency('$', shopCurrency) : WORDS[word]!;
        return whole(m, 1, currency);
      },
    ],
    [
      MONEY_CONTEXT,
      (m) => {
        // Claim only the number: the context word may also introduce a currency-marked amount elsewhere.
        const start = m.index + m[0].lastIndexOf(m[1]!);
        return take(start, start + m[1]!.length, m[1]!, shopCurrency);
      },
    ],
  ];
  for (const [regex, handle] of passes) {
    for (const m of matchesOf(regex, text)) if (!handle(m)) return found;
  }
  return found;
}
