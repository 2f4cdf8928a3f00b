import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The `baton assess` lines the README prints, run as printed (with `npx baton` being bin/baton.js)
 * on the sample files that ship in `examples/`: a fresh clone must get decisions, and no customer
 * message may carry a `{placeholder}`.
 */
const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/baton.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });
  const lines = result.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, any>);
  return { code: result.status, stderr: result.stderr, lines };
}

/** `npx baton assess …` and `cat FILE | npx baton assess -` lines from the README's code blocks. */
function readmeCommands(): Array<{ line: string; args: string[]; stdin?: string }> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const commands: Array<{ line: string; args: string[]; stdin?: string }> = [];
  for (const raw of readme.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const piped = /^cat (\S+) \| npx baton (assess .*)$/.exec(line);
    const direct = /^npx baton (assess .*)$/.exec(line);
    const rest = piped?.[2] ?? direct?.[1];
    if (!rest) continue;
    commands.push({ line, args: rest.split(/\s+/), stdin: piped ? readFileSync(path.join(ROOT, piped[1]!), 'utf8') : undefined });
  }
  return commands;
}

describe('the README CLI examples', () => {
  const commands = readmeCommands();

  it('finds the assess commands the README prints', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  it.each(commands.map((c) => [c.line, c] as const))('%s works as printed', (_line, command) => {
    const out = run(command.args, command.stdin);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.lines.length).toBeGreaterThan(0);
    for (const assessment of out.lines) {
      expect(assessment.error).toBeUndefined();
      expect(assessment.brief.customer_message).not.toMatch(/[{}]/);
    }
  });

  it('reads the sample conversation as a customer asking for a person about a late order', () => {
    const [a] = run(['assess', 'examples/conversation.json']).lines;
    expect(a!.reasons).toContain('human_requested');
    expect(a!).toMatchObject({ escalate: true, category: 'order_status', queue: 'shipping' });
    expect(a!.facts.order_ids).toEqual(['48213']);
    // No queue from the command line: the default wait and first in line.
    expect(a!.brief.customer_message).toContain('about 10 minutes');
    expect(a!.brief.customer_message).toContain('number 1 in line');
  });

  it('applies the sample policy to the JSONL samples: its queue names, in input order', () => {
    const lines = run(['assess', 'examples/many.jsonl', '--config', 'examples/policy.json']).lines;
    expect(lines.map((l) => [l.category, l.queue])).toEqual([
      ['billing', 'payments'],
      [expect.any(String), expect.any(String)],
      ['account_access', 'security'],
    ]);
    expect(lines[1]!.escalate).toBe(false);
    expect(lines[2]!.priority).toBe('urgent');
  });
});
