import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/baton.js');

function baton(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const conv = (text: string) => ({ occurred_at: '2026-11-02T10:15:00Z', messages: [{ role: 'customer', text }] });

let dir: string;
let suite: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baton-eval-'));
  suite = path.join(dir, 'suite.jsonl');
  const cases = [
    {
      name: 'asks for a person',
      conversation: conv('Please let me talk to a real person about order #40001.'),
      expect: { escalate: true, triggers: ['human_requested'], not_triggers: ['safety'], facts: { order_ids: ['40001'] } },
    },
    {
      name: 'deliberately mislabelled',
      note: 'a clear request for a person labelled as not escalating, so the report must show a failure',
      conversation: conv('I want to speak to a human agent now.'),
      expect: { escalate: false, triggers: [], not_triggers: ['human_requested'] },
    },
  ];
  writeFileSync(suite, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baton eval', () => {
  it('prints the report as JSON with per-code counts and the failed case', () => {
    const out = baton(['eval', suite, '--json']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.cases).toBe(2);
    expect(report.escalation).toMatchObject({ tp: 1, fp: 1, fn: 0, tn: 0, accuracy: 0.5 });
    expect(report.triggers.per_code.human_requested).toMatchObject({ tp: 1, fp: 1, support: 1 });
    expect(report.facts).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(report.failures).toEqual([
      { name: 'deliberately mislabelled', differences: ['escalate: expected false, got true', 'unexpected trigger human_requested'] },
    ]);
  });

  it('prints a readable report by default', () => {
    const out = baton(['eval', suite]);
    expect(out.stdout).toContain('escalation: accuracy 50.0%');
    expect(out.stdout).toMatch(/human_requested\s+50\.0%\s+100\.0%/);
    expect(out.stdout).toContain('- deliberately mislabelled');
  });

  it('exits 1 below a floor and 0 at or above it', () => {
    expect(baton(['eval', suite, '--min-escalation-accuracy', '0.9']).code).toBe(1);
    expect(baton(['eval', suite, '--min-escalation-accuracy', '0.5']).code).toBe(0);
  });

  it('exits 2 on a malformed labeled case, naming the file, line and field', () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, JSON.stringify({ name: 'x', conversation: conv('hi'), expect: { escalate: true, triggers: ['human_request'] } }) + '\n');
    const out = baton(['eval', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('bad.jsonl:1');
    expect(out.stderr).toContain('expect.triggers.0');
  });

  it('exits 2 on a floor outside 0..1', () => {
    const out = baton(['eval', suite, '--min-f1', '80']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--min-f1');
  });
});

describe('baton', () => {
  it('exits 2 with usage on stderr when no command or an unknown one is given', () => {
    const none = baton([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: baton <command>');
    const unknown = baton(['frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frob"');
  });

  it('prints usage on --help and exits 0', () => {
    const help = baton(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('assess [FILE|-]');
  });
});
