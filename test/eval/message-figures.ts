/**
 * How `decide()` does on labelled single customer messages (the JSONL of
 * server/intent-training/messages/ and test/fixtures/outside/): each message becomes a one-message
 * conversation from a long-standing standard customer whose bot answered confidently, so only what
 * the message says can fire. Figures count the codes a message can carry (the model's codes), the
 * neutral messages on which any of them fired, and the category.
 */
import type { Category, TriggerCode } from '../../server/domain/codes';
import type { Conversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import { INTENT_CODES } from '../../server/domain/intent/intent-codes';
import type { IntentModel } from '../../server/domain/intent/model';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { readMessages } from '../../server/intent-training/datasets';
import { NOW, says } from '../helpers/conversation-factory';

export interface LabelledMessage {
  text: string;
  codes: TriggerCode[];
  category: Category;
}

export interface MessageFigures {
  messages: number;
  neutral: number;
  /** Labelled codes found, and by whom. */
  found: number;
  labelled: number;
  byModel: number;
  /** Codes fired that the label does not hold. */
  wrong: number;
  /** Neutral messages on which any code fired. */
  falseAlarms: number;
  categoryRight: number;
  perCode: Record<string, { labelled: number; found: number; wrong: number }>;
}

/** A labelled-messages file, read (and checked) as training reads it. */
export function readLabelledMessages(file: string): LabelledMessage[] {
  return readMessages(file).map(({ text, codes, category }) => ({ text, codes, category: category! }));
}

const CODES: ReadonlySet<string> = new Set(INTENT_CODES);

export function conversationOf(text: string): Conversation {
  return says(text, { customer: { tier: 'standard', created_at: '2020-01-01T00:00:00Z' }, bot: { confidence: 0.9 } });
}

export function messageFigures(rows: readonly LabelledMessage[], intent?: IntentModel | null): MessageFigures {
  const f: MessageFigures = { messages: rows.length, neutral: 0, found: 0, labelled: 0, byModel: 0, wrong: 0, falseAlarms: 0, categoryRight: 0, perCode: {} };
  for (const row of rows) {
    const decision = decide(conversationOf(row.text), { policy: DEFAULT_POLICY, now: NOW, intent });
    const fired = new Map(decision.triggers.filter((t) => CODES.has(t.code)).map((t) => [t.code as string, t.detail ?? '']));
    for (const code of row.codes) {
      const c = (f.perCode[code] ??= { labelled: 0, found: 0, wrong: 0 });
      c.labelled += 1;
      f.labelled += 1;
      if (fired.has(code)) {
        c.found += 1;
        f.found += 1;
        if (fired.get(code)!.includes('intent model')) f.byModel += 1;
      }
    }
    for (const code of fired.keys()) {
      if (row.codes.includes(code as TriggerCode)) continue;
      (f.perCode[code] ??= { labelled: 0, found: 0, wrong: 0 }).wrong += 1;
      f.wrong += 1;
    }
    if (row.codes.length === 0) {
      f.neutral += 1;
      if (fired.size > 0) f.falseAlarms += 1;
    }
    if (decision.category === row.category) f.categoryRight += 1;
  }
  return f;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatFigures(title: string, f: MessageFigures): string {
  const lines = [
    `${title}: ${f.messages} messages, ${f.neutral} neutral`,
    `  recall ${pct(f.found, f.labelled)} (${f.found}/${f.labelled}, ${f.byModel} by the model)  precision ${pct(f.found, f.found + f.wrong)}  false alarms on neutral ${pct(f.falseAlarms, f.neutral)}  category ${pct(f.categoryRight, f.messages)}`,
  ];
  for (const [code, c] of Object.entries(f.perCode).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${code.padEnd(28)} ${String(c.found).padStart(3)}/${String(c.labelled).padEnd(3)} found  ${c.wrong} wrong`);
  }
  return lines.join('\n');
}
