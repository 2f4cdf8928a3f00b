import type { TriggerCode } from '../codes';
import type { Trigger } from '../decision';
import type { IntentExample } from '../policy';
import type { Hits, MessageView, PhraseRule } from '../triggers/scan';
import type { IntentHit, IntentReading } from './read-intents';

/**
 * How the model's reading joins the rules': rules first, where they are precise. A code the rules
 * found keeps the rules' evidence; a code only the model (or a tenant example) found is added as
 * hits under the same key, so every trigger family, the category and the escalation treat it like
 * any other. A tenant's category example is a keyword-strength category signal (the tenant said
 * so). The model's own category is scored and evaluated (docs/EVALUATION.md) but does not decide:
 * on the labelled suite, adding it as a keyword signal cost 6 points of category accuracy and using
 * it only where the rules said `other` cost 5 (it learnt categories from banking and assistant
 * requests, not shops).
 */
export function mergeIntentHits(
  hits: Hits,
  reading: IntentReading,
  views: readonly MessageView[],
  rules: readonly PhraseRule[],
): Map<TriggerCode, IntentHit[]> {
  const added = new Map<TriggerCode, IntentHit[]>();
  for (const [category, list] of reading.categories) {
    for (const hit of list) if (hit.example !== undefined) hits.add(`cat:${category}`, hit);
  }
  for (const [code, list] of reading.codes) {
    if (hits.has(code)) continue;
    const kept = list.filter((hit) => hit.example !== undefined || !setAsideByRules(code, hit, views, rules));
    if (kept.length === 0) continue;
    for (const hit of kept) hits.add(code, hit);
    added.set(code, kept);
  }
  return added;
}

/**
 * The rules read this sentence, found the code's own words and set them aside (negated: "was not
 * hacked"; an exception: "what is your refund policy", "a replacement, not a refund", "charged me
 * for the bag I ordered, thanks"). Those judgements are where the rules are precise, so the model
 * defers to them: it adds recall where the rules saw nothing, never where they looked and said no.
 */
function setAsideByRules(code: TriggerCode, hit: IntentHit, views: readonly MessageView[], rules: readonly PhraseRule[]): boolean {
  const sentence = views[hit.message]!.norm.slice(hit.at, hit.at + hit.quote.length);
  return rules.some((rule) => {
    if (rule.key !== code) return false;
    rule.re.lastIndex = 0;
    const found = rule.re.test(sentence);
    rule.re.lastIndex = 0;
    return found;
  });
}

/** Says in `detail` that the model or a tenant example found the trigger, with the score. */
export function explainIntentTriggers(
  triggers: readonly Trigger[],
  added: ReadonlyMap<TriggerCode, IntentHit[]>,
  examples: readonly IntentExample[],
): Trigger[] {
  return triggers.map((t) => {
    const hits = added.get(t.code);
    if (!hits) return t;
    const best = hits.reduce((a, b) => (b.score > a.score ? b : a));
    const source =
      best.example === undefined
        ? `intent model: ${best.score.toFixed(2)}`
        : `tenant example ${best.example} "${examples[best.example]!.text}": similarity ${best.score.toFixed(2)}`;
    return { ...t, detail: `${t.detail} (${source})` };
  });
}
