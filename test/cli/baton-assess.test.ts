import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs the real bin, as a user would after `npm install`. */
const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/baton.js');

function baton(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  const text = result.stdout.split('\n').filter((l) => l.trim() !== '');
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    // Parsed on demand: usage text is not JSONL.
    get lines() {
      return text.map((l) => JSON.parse(l) as Record<string, any>);
    },
  };
}

function conversation(text: string, extra: Record<string, unknown> = {}) {
  return { occurred_at: '2026-11-02T10:15:00Z', messages: [{ role: 'customer', text }], ...extra };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baton-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('baton assess', () => {
  it('assesses one pretty-printed JSON document into one JSONL line with the /v1/assess fields', () => {
    const doc = file('one.json', JSON.stringify(conversation('Where is order #48213? I want to talk to a real person.'), null, 2));
    const out = baton(['assess', doc]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.lines).toHaveLength(1);
    const a = out.lines[0]!;
    for (const key of ['escalate', 'reasons', 'triggers', 'priority', 'category', 'queue', 'sentiment', 'facts', 'brief']) expect(a).toHaveProperty(key);
    expect(a.facts.order_ids).toEqual(['48213']);
    expect(a.triggers.map((t: { code: string }) => t.code)).toContain('human_requested');
    expect(a.escalate).toBe(true);
    expect(a.brief.writer).toBe('offline');
  });

  it('keeps input order for JSONL, one output line per input line', () => {
    const jsonl = ['11111', '22222', '33333'].map((id) => JSON.stringify(conversation(`Status of order #${id} please`))).join('\n');
    const out = baton(['assess', file('many.jsonl', jsonl + '\n')]);
    expect(out.code).toBe(0);
    expect(out.lines.map((l) => l.facts.order_ids)).toEqual([['11111'], ['22222'], ['33333']]);
  });

  it('reads stdin with "-" and with no FILE', () => {
    const input = [conversation('Where is order #70001?'), conversation('Where is order #70002?')].map((c) => JSON.stringify(c)).join('\n');
    for (const args of [['assess', '-'], ['assess']]) {
      const out = baton(args, input);
      expect(out.code).toBe(0);
      expect(out.lines.map((l) => l.facts.order_ids)).toEqual([['70001'], ['70002']]);
    }
  });

  it('prints an error for a bad line, assesses the others and exits 1', () => {
    const input = [
      JSON.stringify(conversation('Where is order #80001?')),
      JSON.stringify({ messages: [] }),
      '{not json',
      '',
      JSON.stringify(conversation('Where is order #80005?')),
    ].join('\n');
    const out = baton(['assess', '-'], input);
    expect(out.code).toBe(1);
    expect(out.lines).toHaveLength(4);
    expect(out.lines[0]!.facts.order_ids).toEqual(['80001']);
    expect(out.lines[1]).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('messages'), field: 'messages', line: 2 } });
    expect(out.lines[2]!.error).toMatchObject({ code: 'invalid_json', line: 3 });
    expect(out.lines[3]!.facts.order_ids).toEqual(['80005']);
  });

  it('names a bad message field in the error', () => {
    const out = baton(['assess', '-'], JSON.stringify({ messages: [{ role: 'customer', text: 'hi' }, { role: 'robot', text: 'x' }] }));
    expect(out.code).toBe(1);
    expect(out.lines[0]!.error).toMatchObject({ field: 'messages.1.role', line: 1 });
  });

  it('loads --kb Markdown articles that the brief can cite', () => {
    const kbDir = mkdtempSync(path.join(dir, 'kb-'));
    writeFileSync(
      path.join(kbDir, 'espresso-refunds.md'),
      '---\nid: kb-espresso-refund-rules\ntitle: Refunds for espresso machines\n---\n# Refunds for espresso machines\n\n' +
        'Espresso machine refunds: once the returned espresso machine reaches the warehouse, refund the full price within 5 days. ' +
        'Refunds over 300 need a team lead approval.\n',
    );
    const input = JSON.stringify(conversation('I returned the espresso machine two weeks ago and I want my refund for it.'));
    const withKb = baton(['assess', '-', '--kb', kbDir], input);
    const without = baton(['assess', '-'], input);
    expect(withKb.code).toBe(0);
    expect(JSON.stringify(withKb.lines[0])).toContain('kb-espresso-refund-rules');
    expect(JSON.stringify(without.lines[0])).not.toContain('kb-espresso-refund-rules');
  });

  it('exits 2 when --kb is not a directory', () => {
    const out = baton(['assess', '-', '--kb', path.join(dir, 'nope')], JSON.stringify(conversation('hi')));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--kb');
  });

  it('applies a --config tenant policy', () => {
    const config = file('policy.json', JSON.stringify({ queues: { order_status: 'shipping-eu' } }));
    const out = baton(['assess', '-', '--config', config], JSON.stringify(conversation('Where is my parcel? Tracking has not moved since Monday.')));
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatchObject({ category: 'order_status', queue: 'shipping-eu' });
  });

  it('exits 2 naming the field when --config holds a bad value', () => {
    const config = file('bad-policy.json', JSON.stringify({ refund_threshold: -5 }));
    const out = baton(['assess', '-', '--config', config], JSON.stringify(conversation('hi')));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('refund_threshold');
  });

  it('exits 2 when --config is not JSON', () => {
    const out = baton(['assess', '-', '--config', file('policy.txt', 'refund_threshold = 5')], JSON.stringify(conversation('hi')));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('not valid JSON');
  });

  it('uses the time of the run as "now" when occurred_at is absent', () => {
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const input = JSON.stringify({ customer: { created_at: yesterday }, messages: [{ role: 'customer', text: 'How do I add a second address?' }] });
    const out = baton(['assess', '-'], input);
    expect(out.lines[0]!.triggers.map((t: { code: string }) => t.code)).toContain('new_customer');
  });

  it('prints usage for --help and rejects unknown options with exit 2', () => {
    const help = baton(['assess', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: baton assess');
    const bad = baton(['assess', '--kbb', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kbb');
  });
});
