import type { Accuracy, EvalReport } from './eval-score';

function pct(value: number | null): string {
  return value === null ? '   n/a' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

function accuracyLine(label: string, a: Accuracy): string {
  return a.total === 0 ? `${label}: not labelled` : `${label}: ${pct(a.accuracy).trim()} (${a.correct}/${a.total})`;
}

/** The human-readable eval report: headline figures, a per-code table, then what each failed case got wrong. */
export function formatReport(report: EvalReport, belowFloors: string[]): string {
  const e = report.escalation;
  const lines: string[] = [
    `cases: ${report.cases}`,
    `escalation: accuracy ${pct(e.accuracy).trim()}, precision ${pct(e.precision).trim()}, recall ${pct(e.recall).trim()} ` +
      `(tp ${e.tp}, fp ${e.fp}, fn ${e.fn}, tn ${e.tn})`,
    `triggers: micro P ${pct(report.triggers.micro.precision).trim()} R ${pct(report.triggers.micro.recall).trim()} ` +
      `F1 ${pct(report.triggers.micro.f1).trim()}; macro F1 ${pct(report.triggers.macro.f1).trim()}`,
    accuracyLine('category', report.category),
    accuracyLine('priority', report.priority),
    accuracyLine('sentiment', report.sentiment),
    accuracyLine('facts', report.facts),
    '',
    `${'code'.padEnd(28)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} support  tp  fn  fp  tn`,
  ];
  for (const [code, s] of Object.entries(report.triggers.per_code)) {
    if (s.support + s.fp + s.tn === 0) continue;
    lines.push(
      `${code.padEnd(28)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.support).padStart(7)} ` +
        `${String(s.tp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.tn).padStart(3)}`,
    );
  }
  lines.push('', `failed cases: ${report.failures.length}`);
  for (const f of report.failures) {
    lines.push(`- ${f.name}`);
    for (const d of f.differences) lines.push(`    ${d}`);
  }
  if (belowFloors.length) lines.push('', `BELOW FLOOR: ${belowFloors.join('; ')}`);
  return lines.join('\n') + '\n';
}
