import type { Category, Priority, TriggerCode, TriggerFamily } from './codes';
import type { LanguageCode } from './language/types';

/**
 * The decision and brief Baton gives back (CONTRACT.md §2). Field names are the contract's; extend
 * only with new optional fields.
 */

/** Where a trigger came from: a quote from message `message` (0-based), or a conversation field. */
export type Evidence = { message: number; quote: string } | { field: string; value?: unknown };

export interface Trigger {
  family: TriggerFamily;
  code: TriggerCode;
  detail: string;
  evidence: Evidence[];
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type SentimentSignal = 'frustration' | 'anger' | 'urgency' | 'helplessness';

export interface Sentiment {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive), over the customer's messages. */
  score: number;
  signals: SentimentSignal[];
}

export interface Amount {
  value: number;
  currency: string; // ISO 4217, e.g. USD, EUR, GBP
}

export interface Facts {
  order_ids: string[];
  emails: string[];
  phones: string[];
  tracking_numbers: string[];
  amounts: Amount[];
  dates: string[];
  /** Extension: which carrier each tracking number's format belongs to. */
  carriers?: Record<string, string>;
}

export interface PolicyRef {
  id: string;
  title: string;
  url?: string;
}

export interface AttemptedSolution {
  by: 'bot' | 'agent';
  what: string;
  kb_article?: string;
  outcome: 'helpful' | 'not_helpful' | 'unknown';
}

export interface NextStep {
  action: string;
  why: string;
  policy?: PolicyRef;
}

export interface SourceStatus {
  kind: string;
  ok: boolean;
  error?: string;
}

export interface Brief {
  summary: string;
  attempted: AttemptedSolution[];
  customer_context: Record<string, unknown>;
  next_steps: NextStep[];
  warm_intro: string;
  customer_message: string;
  sources: SourceStatus[];
  writer: string; // offline | openai:<model>
  /** Extension: a model's suggestion when it reads the category differently; the decision's stays. */
  suggested_category?: Category;
}

export interface Decision {
  escalate: boolean;
  reasons: TriggerCode[];
  triggers: Trigger[];
  priority: Priority;
  category: Category;
  queue: string;
  sentiment: Sentiment;
  facts: Facts;
  /**
   * The language the customer writes in (ISO 639-1: en, es, fr, de, pt, it, nl), which the brief's
   * `customer_message` and `warm_intro` are written in. Decisions stored before it existed have none: English.
   */
  language?: LanguageCode;
}

export interface Assessment extends Decision {
  brief: Brief;
}
