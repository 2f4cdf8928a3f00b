import type { Conversation } from '../domain/conversation';
import type { Brief, Decision } from '../domain/decision';
import { listAttempted } from './attempted';
import { writeCustomerMessage } from './customer-message';
import { customerSentences } from './customer-text';
import { withholdSecrets } from './secrets/redact';
import { writeNextSteps } from './next-steps';
import { writeSummary } from './summary';
import { writeWarmIntro } from './warm-intro';
import type { BriefContext, BriefWriter } from './writer';

/** Profile fields the conversation itself carries; connectors' richer data sits beside them. */
function profileOf(conversation: Conversation): Record<string, unknown> | undefined {
  const c = conversation.customer;
  if (!c) return undefined;
  const profile: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'email', 'phone', 'tier', 'created_at', 'previous_contacts'] as const) {
    if (c[key] !== undefined) profile[key] = c[key];
  }
  return Object.keys(profile).length > 0 ? profile : undefined;
}

/** The conversation as people other than the customer may read it: each message's secrets withheld. */
function withSecretsWithheld(conversation: Conversation): Conversation {
  return { ...conversation, messages: conversation.messages.map((m) => ({ ...m, text: withholdSecrets(m.text) })) };
}

/**
 * The default writer: rules and templates, no network. Everything it writes comes from the
 * decision, the facts and the knowledge base; customer text is only selected and quoted (in the
 * summary), so "ignore previous instructions …" in a message is reported, never followed.
 */
export class OfflineBriefWriter implements BriefWriter {
  readonly name = 'offline';

  async write(original: Conversation, decision: Decision, context: BriefContext): Promise<Brief> {
    // Secrets are withheld from the messages before any sentence is cut from them: a sentence
    // splitter reads the "?" in "password: Qx7?mLp2vZ" as an end, and the second half, quoted
    // without the word "password" before it, would no longer be recognised as one.
    const conversation = withSecretsWithheld(original);
    const attempted = listAttempted(conversation);
    // Cut once (Intl.Segmenter is among the writer's costliest steps) for the summary and the next steps.
    const sentences = customerSentences(conversation);
    const customerText = sentences.map((s) => s.text).join(' ');
    const profile = profileOf(conversation);
    const articleTitles = new Map<string, string>();
    for (const ref of conversation.messages.flatMap((m) => m.kb_articles ?? [])) {
      if (ref.title && !articleTitles.has(ref.id)) articleTitles.set(ref.id, ref.title);
    }
    // What the brief quotes is shown to agents, Slack channels and helpdesk notes: secrets the
    // customer typed (a card number, a password) are withheld there; the transcript keeps them.
    return {
      summary: withholdSecrets(writeSummary(conversation, decision, sentences)),
      attempted: attempted.map((a) => ({ ...a, what: withholdSecrets(a.what) })),
      customer_context: { ...(profile ? { customer: profile } : {}), ...(context.customerContext ?? {}) },
      next_steps: writeNextSteps({ decision, policy: context.policy, kb: context.kb, customerText, attempted, articleTitles }),
      warm_intro: withholdSecrets(writeWarmIntro(conversation, decision, attempted)),
      customer_message: writeCustomerMessage(decision),
      sources: context.sources ?? [],
      writer: this.name,
    };
  }
}
