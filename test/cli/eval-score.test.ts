import { compareFacts, rates, scoreCases, type Observed, type ScoredCase } from '../../server/cli/eval-score';

function observed(over: Partial<Observed> & { codes?: string[] } = {}): Observed {
  const { codes = [], ...rest } = over;
  return { escalate: true, triggers: codes.map((code) => ({ code })), category: 'billing', priority: 'normal', ...rest };
}

describe('rates', () => {
  it('computes precision, recall and F1 from counts', () => {
    const r = rates({ tp: 3, fp: 1, fn: 2, tn: 10 });
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });

  it('leaves precision undefined when nothing was predicted, and F1 zero when positives were all missed', () => {
    expect(rates({ tp: 0, fp: 0, fn: 2, tn: 1 })).toEqual({ precision: null, recall: 0, f1: 0 });
  });

  it('leaves recall and F1 undefined when there were no positives to find', () => {
    expect(rates({ tp: 0, fp: 1, fn: 0, tn: 3 })).toEqual({ precision: 0, recall: null, f1: null });
  });
});

describe('scoreCases', () => {
  const cases: ScoredCase[] = [
    {
      name: 'a',
      expect: { escalate: true, triggers: ['human_requested'], not_triggers: ['vip'], category: 'billing' },
      actual: observed({ codes: ['human_requested'] }),
    },
    {
      name: 'b',
      expect: { escalate: false, triggers: [], not_triggers: ['human_requested'], category: 'order_status' },
      actual: observed({ escalate: true, codes: ['human_requested', 'vip'], category: 'order_status' }),
    },
    {
      name: 'c',
      expect: { escalate: true, triggers: ['vip', 'human_requested'], category: 'billing', priority: 'high' },
      actual: observed({ escalate: false, codes: ['vip'], priority: 'low' }),
    },
  ];
  const report = scoreCases(cases, ['human_requested', 'vip', 'safety']);

  it('counts escalation as a binary classifier', () => {
    expect(report.escalation).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 0 });
    expect(report.escalation.accuracy).toBeCloseTo(1 / 3);
    expect(report.escalation.precision).toBeCloseTo(0.5);
    expect(report.escalation.recall).toBeCloseTo(0.5);
  });

  it('counts must-appear codes as TP/FN and must-not codes as FP/TN', () => {
    expect(report.triggers.per_code.human_requested).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 0, support: 2 });
    expect(report.triggers.per_code.vip).toMatchObject({ tp: 1, fn: 0, fp: 0, tn: 1, support: 1 });
    expect(report.triggers.per_code.human_requested!.precision).toBeCloseTo(0.5);
    expect(report.triggers.per_code.human_requested!.recall).toBeCloseTo(0.5);
  });

  it('lists every known code even when unlabelled, with no rates', () => {
    expect(report.triggers.per_code.safety).toMatchObject({ support: 0, precision: null, recall: null, f1: null });
  });

  it('pools counts for micro and averages labelled codes for macro', () => {
    // pooled: tp 2, fp 1, fn 1 → P 2/3, R 2/3
    expect(report.triggers.micro.precision).toBeCloseTo(2 / 3);
    expect(report.triggers.micro.f1).toBeCloseTo(2 / 3);
    // human_requested F1 0.5, vip F1 1 → macro 0.75; safety has no support and is left out
    expect(report.triggers.macro.f1).toBeCloseTo(0.75);
  });

  it('scores category and priority only where labelled', () => {
    expect(report.category).toEqual({ correct: 3, total: 3, accuracy: 1 });
    expect(report.priority).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(report.facts.total).toBe(0);
  });

  it('lists the failed cases with what differed', () => {
    expect(report.failures.map((f) => f.name)).toEqual(['b', 'c']);
    expect(report.failures[0]!.differences).toEqual(['escalate: expected false, got true', 'unexpected trigger human_requested']);
    expect(report.failures[1]!.differences).toEqual([
      'escalate: expected true, got false',
      'missing trigger human_requested',
      'priority: expected high, got low',
    ]);
  });
});

describe('compareFacts', () => {
  it('compares each labelled kind as a set, amounts by content', () => {
    const actual = {
      order_ids: ['2', '1'],
      emails: [],
      amounts: [{ currency: 'EUR', value: 12.5 }],
    };
    expect(compareFacts({ order_ids: ['1', '2'], amounts: [{ value: 12.5, currency: 'EUR' }] }, actual)).toEqual([]);
  });

  it('names missing and unexpected values, ignoring kinds that were not labelled', () => {
    const diffs = compareFacts({ order_ids: ['1'], emails: ['a@b.co'] }, { order_ids: ['1', '9'], phones: ['+1'] });
    expect(diffs).toEqual(['facts.order_ids: unexpected "9"', 'facts.emails: missing "a@b.co"']);
  });

  it('counts a case with differing facts as failed in facts accuracy', () => {
    const r = scoreCases([
      { name: 'f', expect: { escalate: true, facts: { order_ids: ['7'] } }, actual: observed({ facts: { order_ids: [] } }) },
    ]);
    expect(r.facts).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(r.failures[0]!.differences).toEqual(['facts.order_ids: missing "7"']);
  });
});
