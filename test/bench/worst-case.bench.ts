/**
 * Worst-case benchmark: `npm run bench:worst-case`. The HTTP API accepts a 1 MB body, so one customer
 * message can be about 1 MB of whatever an attacker (or a paste gone wrong) chooses. Times decide() on
 * one message made of one repeated token at several sizes; each token feeds one fact extractor as hard
 * as it can (thousands of amounts, order ids, dates, digit runs, e-mails). Time that grows faster than
 * the size is a denial of service. Prints a table; no assertions (timing belongs here, not in tests).
 * `--sizes 30,120,480,1000` picks sizes in kB.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConversation } from '../../server/domain/conversation';
import { decide } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';

const TOKENS = ['$1 ', '#12345 ', 'May 2 ', '1234567 ', 'a@b.co ', '07700 900123 ', 'order 48213 ', 'WHAT A JOKE!!! '];
const DEFAULT_SIZES_KB = [30, 120, 480, 1000];
const NOW = new Date('2026-11-02T10:15:00Z');

function sizesFromArgs(): number[] {
  const at = process.argv.indexOf('--sizes');
  if (at < 0) return DEFAULT_SIZES_KB;
  return process.argv[at + 1]!.split(',').map(Number).filter((n) => n > 0);
}

async function main(): Promise<void> {
  const kb = await loadKnowledgeBase(path.join(__dirname, '../../server/kb/sample-store'));
  const sizes = sizesFromArgs();
  const header = `${'token'.padEnd(16)} ${sizes.map((s) => `${s} kB ms`.padStart(11)).join(' ')}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const token of TOKENS) {
    const cells: string[] = [];
    for (const kbytes of sizes) {
      const text = token.repeat(Math.ceil((kbytes * 1000) / token.length)).slice(0, kbytes * 1000);
      const conversation = parseConversation({ messages: [{ role: 'customer', text }] });
      const t0 = performance.now();
      decide(conversation, { policy: DEFAULT_POLICY, kb, now: NOW });
      cells.push((performance.now() - t0).toFixed(0).padStart(11));
    }
    console.log(`${JSON.stringify(token).padEnd(16)} ${cells.join(' ')}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
