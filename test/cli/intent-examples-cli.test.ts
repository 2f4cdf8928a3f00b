import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `--examples FILE` on `baton assess` and `baton eval`: a tenant's sentences apply at once, and eval names them. */
const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/baton.js');

function baton(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SENTENCE = 'The loyalty points from my last order still never showed up on my card.';
const conv = { occurred_at: '2026-11-02T10:15:00Z', messages: [{ role: 'customer', text: SENTENCE }], bot: { confidence: 0.9 } };

let dir: string;
let examples: string;
let suite: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baton-examples-'));
  examples = path.join(dir, 'examples.jsonl');
  writeFileSync(examples, JSON.stringify({ text: 'the loyalty points from my last order never showed up on my card', code: 'billing_dispute' }) + '\n');
  suite = path.join(dir, 'suite.jsonl');
  writeFileSync(suite, JSON.stringify({ name: 'points missing', conversation: conv, expect: { escalate: true, triggers: ['billing_dispute'] } }) + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tenant examples from the CLI', () => {
  it('baton assess --examples fires the example code, naming the example', () => {
    const without = JSON.parse(baton(['assess', '-'], JSON.stringify(conv)).stdout);
    expect(without.triggers.map((t: { code: string }) => t.code)).not.toContain('billing_dispute');
    const out = baton(['assess', '-', '--examples', examples], JSON.stringify(conv));
    expect(out.code).toBe(0);
    const trigger = JSON.parse(out.stdout).triggers.find((t: { code: string }) => t.code === 'billing_dispute');
    expect(trigger.detail).toContain('tenant example 0');
  });

  it('baton eval --examples lists the case the example changed and which example it was', () => {
    const out = baton(['eval', suite, '--examples', examples, '--json']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.tenant_examples).toHaveLength(1);
    expect(report.tenant_examples[0]).toMatchObject({ name: 'points missing', changes: expect.arrayContaining(['+billing_dispute']) });
    expect(report.tenant_examples[0].examples[0]).toMatchObject({ index: 0, code: 'billing_dispute', message: 0, quote: SENTENCE });
    const text = baton(['eval', suite, '--examples', examples]).stdout;
    expect(text).toContain('Tenant examples changed 1 decision(s):');
  });

  it('a bad example file stops the run naming the problem (exit 2)', () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, JSON.stringify({ text: 'hello' }) + '\n');
    const out = baton(['eval', suite, '--examples', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('code or a category');
  });
});
