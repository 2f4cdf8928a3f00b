import { matchesOf, MAX_FACTS_PER_KIND, type ClaimedSpans, type Found } from './spans';

/**
 * Order ids in the formats shops print. Each pattern's group 1 is the id as the shop shows it (no
 * `#`). Ids need at least four characters (Shopify starts at #1001), so "order 3 items" or "#2 in
 * line" are not ids.
 */
const PATTERNS: RegExp[] = [
  // Amazon: 123-1234567-1234567
  /\b(\d{3}-\d{7}-\d{7})\b/g,
  // ORD-12345, ORDER_12345
  /\b(ORD(?:ER)?[-_#]\d{4,12})\b/gi,
  // order 48213, order no. 48213, order number: A-10023, order #1001, order id is 48213
  // Spaces appear once between tokens: adjacent optional `\s*` made a run of spaces after "order" cubic.
  /\border(?:\s+(?:no\.?|nr\.?|num(?:ber)?\.?|id|ref(?:erence)?))?(?:\s+(?:is|was)(?=\s))?\s*(?:[:#]\s*)?(?:#\s*)?([A-Z]{0,4}-?\d[\dA-Z-]{3,24})/gi,
  // The same in the other languages we read: pedido 55120, commande n° 66410, Bestellung Nr. 88120.
  /(?<![A-Za-z\u00C0-\u024F])(?:pedido|encomenda|commande|bestellung|bestelling|ordine|ordre)(?:\s+(?:n[º°o]\.?|nr\.?|num(?:ero|éro|ber)?\.?|no\.?))?\s*(?:[:#]\s*)?(?:#\s*)?(\d[\dA-Z-]{3,24})/gi,
  // #48213 (not an HTML entity &#1234;)
  /(?<![\w&])#\s?([A-Z]{0,3}-?\d{4,12})\b/gi,
];

const YEAR = /^(?:19|20)\d{2}$/;

/** A bare four-digit year after "order" ("my order 2024 …") is too likely a year to report as an id. */
function plausible(id: string, whole: string): boolean {
  if (!/\d/.test(id)) return false;
  if (YEAR.test(id) && !/#|\b(?:no|nr|num|number|id)\b/i.test(whole)) return false;
  return true;
}

export function findOrderIds(text: string, claimed: ClaimedSpans): Found<string>[] {
  const found: Found<string>[] = [];
  for (const regex of PATTERNS) {
    for (const m of matchesOf(regex, text)) {
      if (found.length >= MAX_FACTS_PER_KIND) return found;
      const id = m[1]!.replace(/-+$/, '').toUpperCase();
      const start = m.index + m[0].lastIndexOf(m[1]!);
      const end = start + m[1]!.length;
      if (claimed.overlaps(start, end) || !plausible(id, m[0])) continue;
      claimed.claim(start, end);
      found.push({ at: start, value: id });
    }
  }
  return found;
}
