import { parseArgs } from 'node:util';
import { assess } from '../assess';
import { OfflineBriefWriter } from '../brief/offline-writer';
import { TRIGGER_CODES } from '../domain/codes';
import { formatReport } from './eval-format';
import { scoreCases, type EvalReport, type Observed, type ScoredCase } from './eval-score';
import type { CliIo, ExitCode } from './io';
import { readLabeledCases } from './read-labeled';
import { loadKb, loadPolicy, UsageError } from './load-options';
import { loadExamples } from './load-examples';
import { exampleEffect, formatExampleEffects, type ExampleEffect } from './example-effects';
import { conversationTime } from '../domain/conversation';

export const EVAL_USAGE = `Usage: baton eval FILE|DIR [--kb DIR] [--config FILE] [--examples FILE] [--json]
                  [--min-escalation-accuracy X] [--min-f1 X] [--min-category-accuracy X]

Runs the rules over labeled conversations (JSONL; a DIR means every *.jsonl in it, by name) and
reports escalation accuracy/precision/recall, precision/recall/F1 per trigger code, category, priority,
sentiment and facts accuracy, and every case that differed from its labels. Format: docs/EVALUATION.md.

Options:
  --kb DIR                       knowledge-base articles as Markdown files
  --config FILE                  tenant policy as JSON
  --examples FILE                the tenant's own labelled sentences for the intent model (JSON array
                                 or JSONL); the report names the cases whose decision they changed
  --json                         print the report as one JSON object
  --min-escalation-accuracy X    exit 1 when escalation accuracy is below X (0..1)
  --min-f1 X                     exit 1 when micro F1 over trigger codes is below X (0..1)
  --min-category-accuracy X      exit 1 when category accuracy is below X (0..1)
  -h, --help                     show this help

Exit code: 0 at or above every floor given, 1 below one, 2 bad arguments or a malformed labeled case.`;

function floor(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a number from 0 to 1, got "${value}"`, name);
  return n;
}

export async function evalCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kb: { type: 'string' },
      config: { type: 'string' },
      examples: { type: 'string' },
      json: { type: 'boolean' },
      'min-escalation-accuracy': { type: 'string' },
      'min-f1': { type: 'string' },
      'min-category-accuracy': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(EVAL_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('eval takes exactly one FILE or DIR of labeled conversations');
  const floors = {
    escalation_accuracy: floor('min-escalation-accuracy', values['min-escalation-accuracy']),
    trigger_micro_f1: floor('min-f1', values['min-f1']),
    category_accuracy: floor('min-category-accuracy', values['min-category-accuracy']),
  };

  const policy = await loadExamples(values.examples, await loadPolicy(values.config, io.stderr));
  const kb = await loadKb(values.kb);
  const writer = new OfflineBriefWriter();
  const cases = await readLabeledCases(positionals[0]!);

  const runTime = io.now();
  const scored: ScoredCase[] = [];
  const engineErrors: { name: string; message: string }[] = [];
  const effects: ExampleEffect[] = [];
  for (const { name, conversation, expect } of cases) {
    let actual: Observed;
    try {
      actual = await assess(conversation, { policy, kb, writer, receivedAt: runTime });
    } catch (err) {
      // Scored as a silent non-escalation so an engine fault costs figures instead of hiding them.
      engineErrors.push({ name, message: (err as Error).message });
      actual = { escalate: false, triggers: [], category: '(error)', priority: '(error)' };
    }
    scored.push({ name, expect, actual });
    const effect = actual.category === '(error)' ? undefined : exampleEffect(name, conversation, actual, { policy, kb, now: conversationTime(conversation, runTime) });
    if (effect) effects.push(effect);
  }

  const report = scoreCases(scored, TRIGGER_CODES);
  for (const e of engineErrors) {
    const failure = report.failures.find((f) => f.name === e.name);
    if (failure) failure.differences.unshift(`engine error: ${e.message}`);
    else report.failures.push({ name: e.name, differences: [`engine error: ${e.message}`] });
  }
  const below = belowFloors(report, floors);
  const tenantExamples = policy.intent_examples.length > 0 ? { tenant_examples: effects } : {};
  if (values.json) io.stdout(JSON.stringify({ ...report, floors, below_floors: below, ...tenantExamples }, null, 2) + '\n');
  else io.stdout(formatReport(report, below) + (policy.intent_examples.length > 0 ? '\n' + formatExampleEffects(effects) : ''));
  return below.length ? 1 : 0;
}

type Floors = Record<'escalation_accuracy' | 'trigger_micro_f1' | 'category_accuracy', number | undefined>;

function belowFloors(report: EvalReport, floors: Floors): string[] {
  const measured = {
    escalation_accuracy: report.escalation.accuracy,
    trigger_micro_f1: report.triggers.micro.f1,
    category_accuracy: report.category.accuracy,
  };
  const out: string[] = [];
  for (const [key, min] of Object.entries(floors) as [keyof Floors, number | undefined][]) {
    const got = measured[key];
    if (min !== undefined && (got === null || got < min)) out.push(`${key} ${got === null ? 'n/a' : got.toFixed(3)} < ${min}`);
  }
  return out;
}
