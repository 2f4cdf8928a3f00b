import type { TriggerCode } from '../domain/codes';
import type { AttemptedSolution, Decision, NextStep, PolicyRef } from '../domain/decision';
import type { TenantPolicy } from '../domain/policy';
import type { KbArticle, KnowledgeSearch } from '../kb/types';
import { listOfFirst } from './fact-phrases';
import {
  CATEGORY_PLAYBOOKS,
  CATEGORY_SEARCH_WORDS,
  FIRST_PLAYS,
  LATER_PLAYS,
  type Play,
  type PlaybookContext,
  type PlayStep,
} from './playbooks';

/** Failed articles named in one step; the agent sees the rest in the conversation. */
const MAX_ARTICLES_NAMED = 5;

/** Enough to act on; a longer list gets skimmed. */
export const MAX_STEPS = 7;

function ref(article: KbArticle): PolicyRef {
  return article.url ? { id: article.id, title: article.title, url: article.url } : { id: article.id, title: article.title };
}

/**
 * The policy that best fits the customer's own words for this category: among the relevant
 * matches, an article filed under the category wins; else the best match; else, when the words
 * found nothing, the best article for the category alone.
 */
export function conversationPolicy(kb: KnowledgeSearch, customerText: string, decision: Decision): KbArticle | undefined {
  const words = CATEGORY_SEARCH_WORDS[decision.category];
  const matches = kb.search(`${customerText} ${words}`, 5);
  const inCategory = matches.find((m) => m.article.category === decision.category);
  return (inCategory ?? matches[0] ?? kb.search(words, 1)[0])?.article;
}

export interface NextStepsInput {
  decision: Decision;
  policy: TenantPolicy;
  kb?: KnowledgeSearch;
  /** The customer's issue in their words (what the policy search reads). */
  customerText: string;
  attempted: AttemptedSolution[];
  /** Titles of the articles the bot cited, by id, so a step can name them. */
  articleTitles?: Map<string, string>;
}

/**
 * Next steps: safety and security first, then the category's playbook, a warning not to resend
 * what already failed, then one step per other trigger. Each cites its policy article when the
 * knowledge base has a relevant one.
 */
export function writeNextSteps(input: NextStepsInput): NextStep[] {
  const { decision, policy, kb } = input;
  const codes = new Set<TriggerCode>(decision.triggers.map((t) => t.code));
  const ctx: PlaybookContext = { decision, facts: decision.facts, policy, has: (code) => codes.has(code) };

  const run = (plays: Play[]) => plays.map((play) => play(ctx)).filter((s): s is PlayStep => s !== undefined);
  const triggered = (plays: Partial<Record<TriggerCode, Play>>) =>
    Object.entries(plays).filter(([code]) => codes.has(code as TriggerCode)).map(([, play]) => play!);

  const drafts: PlayStep[] = [...run(triggered(FIRST_PLAYS)), ...run(CATEGORY_PLAYBOOKS[decision.category])];
  const failed = input.attempted.filter((a) => a.outcome === 'not_helpful' && a.kb_article);
  if (failed.length > 0) {
    const ids = [...new Set(failed.map((a) => a.kb_article!))];
    const named = ids.map((id) => (input.articleTitles?.get(id) ? `"${input.articleTitles.get(id)}" (${id})` : id));
    drafts.push({
      action: `Do not resend ${listOfFirst(named, MAX_ARTICLES_NAMED)}: the bot already sent ${ids.length === 1 ? 'it' : 'them'} and it did not help`,
      why: 'Repeating a failed answer tells the customer nobody read the conversation.',
    });
  }
  drafts.push(...run(triggered(LATER_PLAYS)));

  let primary: KbArticle | undefined;
  let primarySearched = false;
  const cite = (words: string | undefined): KbArticle | undefined => {
    if (!kb || !words) return undefined;
    if (words === 'conversation') {
      if (!primarySearched) primary = conversationPolicy(kb, input.customerText, decision);
      primarySearched = true;
      return primary;
    }
    return kb.search(words, 1)[0]?.article;
  };

  const seen = new Set<string>();
  const steps: NextStep[] = [];
  for (const draft of drafts) {
    if (seen.has(draft.action) || steps.length >= MAX_STEPS) continue;
    seen.add(draft.action);
    const step: NextStep = { action: draft.action, why: draft.why };
    const article = cite(draft.policy);
    if (article) step.policy = ref(article);
    steps.push(step);
  }
  return steps;
}
