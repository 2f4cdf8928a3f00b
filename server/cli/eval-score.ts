/**
 * Scores rule decisions against a support lead's labels (docs/EVALUATION.md). Pure: labels and
 * decisions in, figures out, so the arithmetic is testable without the engine.
 */

/** What a labeled case expects. Only the listed parts are checked; an absent part is "no opinion". */
export interface Expectation {
  escalate: boolean;
  /** Codes a support lead says must be detected. */
  triggers?: string[];
  /** Codes a support lead says must not be detected. */
  not_triggers?: string[];
  category?: string;
  priority?: string;
  sentiment?: string;
  /** Per fact kind, the complete set expected (order-insensitive). */
  facts?: Partial<Record<string, unknown[]>>;
}

/** The parts of a decision the scorer reads. */
export interface Observed {
  escalate: boolean;
  triggers: { code: string }[];
  category: string;
  priority: string;
  sentiment?: { label: string };
  facts?: object;
}

export interface ScoredCase {
  name: string;
  expect: Expectation;
  actual: Observed;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Precision/recall/F1 are null when undefined (no predicted or no actual positives). */
export interface Rates {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface CodeScore extends Counts, Rates {
  /** Cases labelled "must appear". */
  support: number;
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number | null;
}

export interface CaseFailure {
  name: string;
  differences: string[];
}

export interface EvalReport {
  cases: number;
  escalation: Counts & Rates & { accuracy: number | null };
  triggers: {
    per_code: Record<string, CodeScore>;
    /** Pooled over every code's counts. */
    micro: Rates;
    /** Mean over codes with support > 0; a code never detected when it should be counts as F1 0. */
    macro: Rates;
  };
  category: Accuracy;
  priority: Accuracy;
  sentiment: Accuracy;
  facts: Accuracy;
  failures: CaseFailure[];
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function rates(c: Counts): Rates {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  let f1: number | null = null;
  if (c.tp + c.fn > 0) f1 = c.tp === 0 ? 0 : (2 * precision! * recall!) / (precision! + recall!);
  return { precision, recall, f1 };
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: ratio(correct, total) };
}

/** A stable key for a fact value, so `{value, currency}` amounts compare by content. */
function factKey(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify(Object.fromEntries(entries));
  }
  return JSON.stringify(value);
}

/** Differences between expected and actual fact sets, one line per kind that differs. */
export function compareFacts(expected: Partial<Record<string, unknown[]>>, actualFacts: object = {}): string[] {
  const actual = actualFacts as Record<string, unknown>;
  const out: string[] = [];
  for (const [kind, want] of Object.entries(expected)) {
    if (!want) continue;
    const got = Array.isArray(actual[kind]) ? (actual[kind] as unknown[]) : [];
    const wantKeys = new Set(want.map(factKey));
    const gotKeys = new Set(got.map(factKey));
    const missing = [...wantKeys].filter((k) => !gotKeys.has(k));
    const extra = [...gotKeys].filter((k) => !wantKeys.has(k));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''];
      out.push(`facts.${kind}: ${parts.filter(Boolean).join('; ')}`);
    }
  }
  return out;
}

function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function scoreCases(cases: readonly ScoredCase[], codes: readonly string[] = []): EvalReport {
  const esc = emptyCounts();
  const perCode = new Map<string, Counts & { support: number }>(codes.map((c) => [c, { ...emptyCounts(), support: 0 }]));
  const codeCounts = (code: string) => {
    let entry = perCode.get(code);
    if (!entry) perCode.set(code, (entry = { ...emptyCounts(), support: 0 }));
    return entry;
  };
  let categoryOk = 0, categoryTotal = 0, priorityOk = 0, priorityTotal = 0;
  let sentimentOk = 0, sentimentTotal = 0, factsOk = 0, factsTotal = 0;
  const failures: CaseFailure[] = [];

  for (const { name, expect, actual } of cases) {
    const differences: string[] = [];
    const detected = new Set(actual.triggers.map((t) => t.code));

    if (expect.escalate && actual.escalate) esc.tp++;
    else if (!expect.escalate && actual.escalate) esc.fp++;
    else if (expect.escalate && !actual.escalate) esc.fn++;
    else esc.tn++;
    if (expect.escalate !== actual.escalate) differences.push(`escalate: expected ${expect.escalate}, got ${actual.escalate}`);

    for (const code of expect.triggers ?? []) {
      const c = codeCounts(code);
      c.support++;
      if (detected.has(code)) c.tp++;
      else {
        c.fn++;
        differences.push(`missing trigger ${code}`);
      }
    }
    for (const code of expect.not_triggers ?? []) {
      const c = codeCounts(code);
      if (detected.has(code)) {
        c.fp++;
        differences.push(`unexpected trigger ${code}`);
      } else c.tn++;
    }

    if (expect.category !== undefined) {
      categoryTotal++;
      if (expect.category === actual.category) categoryOk++;
      else differences.push(`category: expected ${expect.category}, got ${actual.category}`);
    }
    if (expect.priority !== undefined) {
      priorityTotal++;
      if (expect.priority === actual.priority) priorityOk++;
      else differences.push(`priority: expected ${expect.priority}, got ${actual.priority}`);
    }
    if (expect.sentiment !== undefined) {
      sentimentTotal++;
      if (expect.sentiment === actual.sentiment?.label) sentimentOk++;
      else differences.push(`sentiment: expected ${expect.sentiment}, got ${actual.sentiment?.label ?? 'none'}`);
    }
    if (expect.facts !== undefined) {
      factsTotal++;
      const factDiffs = compareFacts(expect.facts, actual.facts);
      if (factDiffs.length === 0) factsOk++;
      differences.push(...factDiffs);
    }
    if (differences.length) failures.push({ name, differences });
  }

  const per_code: Record<string, CodeScore> = {};
  const pooled = emptyCounts();
  for (const [code, c] of [...perCode.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    per_code[code] = { ...c, ...rates(c) };
    pooled.tp += c.tp;
    pooled.fp += c.fp;
    pooled.fn += c.fn;
    pooled.tn += c.tn;
  }
  const withSupport = Object.values(per_code).filter((c) => c.support > 0);

  return {
    cases: cases.length,
    escalation: { ...esc, ...rates(esc), accuracy: ratio(esc.tp + esc.tn, cases.length) },
    triggers: {
      per_code,
      micro: rates(pooled),
      macro: {
        precision: mean(withSupport.map((c) => c.precision ?? 0)),
        recall: mean(withSupport.map((c) => c.recall)),
        f1: mean(withSupport.map((c) => c.f1)),
      },
    },
    category: accuracy(categoryOk, categoryTotal),
    priority: accuracy(priorityOk, priorityTotal),
    sentiment: accuracy(sentimentOk, sentimentTotal),
    facts: accuracy(factsOk, factsTotal),
    failures,
  };
}
