import { parseConversation, type Conversation } from '../../server/domain/conversation';

/**
 * Small builders for made-up conversations (STYLE.md habit 8). Everything goes through
 * parseConversation, so a factory cannot build something the API would reject.
 */

type Turn = Record<string, unknown> & { role: 'customer' | 'bot' | 'agent' | 'system'; text: string };

export const NOW = new Date('2026-11-02T10:15:00Z');

export function customer(text: string, extra: Record<string, unknown> = {}): Turn {
  return { role: 'customer', text, ...extra };
}

/** A bot answer; cites one KB article unless `kb_articles` is given (pass [] for none). */
export function bot(text: string, extra: Record<string, unknown> = {}): Turn {
  return { role: 'bot', text, kb_articles: [{ id: 'kb-1', title: 'Help article' }], ...extra };
}

/** A bot turn that answered without any article. */
export function botNoKb(text: string, extra: Record<string, unknown> = {}): Turn {
  return { role: 'bot', text, kb_articles: [], ...extra };
}

export function daysAgo(days: number, from: Date = NOW): string {
  return new Date(from.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

/** A conversation of the given turns; `overrides` are merged at the top level (customer, bot, …). */
export function conversation(turns: Turn[], overrides: Record<string, unknown> = {}): Conversation {
  return parseConversation({
    id: 'conv-test',
    channel: 'chat',
    occurred_at: NOW.toISOString(),
    messages: turns,
    bot: { confidence: 0.9, intent: 'other' },
    ...overrides,
  });
}

/** Shorthand: one customer message with a confident bot and nothing else. */
export function says(text: string, overrides: Record<string, unknown> = {}): Conversation {
  return conversation([customer(text)], overrides);
}
