import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INTENT_CODES } from '../../server/domain/intent/intent-codes';
import { containsHeldOut, messageFiles, readMessages } from '../../server/intent-training/datasets';

/** Our labelled messages (server/intent-training/messages/) as training reads them. */
const jsonlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(dir, f));
/** Messages no training may read: the held-out sets and the look-alikes the rules are checked on. */
const NOT_TRAINED = ['outside', 'lookalikes', 'dev'].flatMap((d) => jsonlIn(path.join(__dirname, '../fixtures', d)));
const key = (text: string) => text.trim().toLowerCase();

describe('our labelled messages', () => {
  const files = messageFiles();
  const rows = files.flatMap((f) => readMessages(f));

  it('are read from every file, each row with its codes as its fine label', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBeGreaterThanOrEqual(1500);
    const refund = rows.find((r) => r.codes.length === 1 && r.codes[0] === 'refund_request')!;
    expect(refund).toMatchObject({ source: 'messages', label: 'messages:refund_request' });
    expect(rows.find((r) => r.codes.length === 0)!.label).toBe('messages:none');
  });

  it('teach every code the model scores, and neutral messages in about the share customers send them', () => {
    for (const code of INTENT_CODES) expect([code, rows.filter((r) => r.codes.includes(code)).length >= 40]).toEqual([code, true]);
    const neutral = rows.filter((r) => r.codes.length === 0).length / rows.length;
    expect(neutral).toBeGreaterThan(0.35);
    expect(neutral).toBeLessThan(0.55);
  });

  it('share no message with any held-out set, nor any held-out phrasing', () => {
    const trained = new Set(rows.map((r) => key(r.text)));
    expect(NOT_TRAINED.length).toBeGreaterThanOrEqual(10);
    const notTrained = NOT_TRAINED.flatMap((f) => readMessages(f)).map((r) => key(r.text));
    expect(notTrained.filter((t) => trained.has(t))).toEqual([]);
    expect(rows.filter((r) => containsHeldOut(r.text)).map((r) => r.text)).toEqual([]);
  });

  it('stop training at a malformed line, naming the file, the line and the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baton-messages-'));
    const file = path.join(dir, 'bad.jsonl');
    const good = JSON.stringify({ text: 'where is my parcel', codes: [], category: 'order_status', domain: 'retail' });
    const cases: Array<[unknown, RegExp]> = [
      [{ text: '', codes: [], category: 'other' }, /bad\.jsonl line 2: text/],
      [{ text: 'refund me', codes: ['refund'], category: 'returns_refunds' }, /bad\.jsonl line 2: codes/],
      [{ text: 'refund me', codes: ['vip'], category: 'returns_refunds' }, /bad\.jsonl line 2: codes/],
      [{ text: 'refund me', codes: ['refund_request'], category: 'refunds' }, /bad\.jsonl line 2: category/],
    ];
    for (const [row, message] of cases) {
      writeFileSync(file, `${good}\n${JSON.stringify(row)}\n`);
      expect(() => readMessages(file)).toThrow(message);
    }
    writeFileSync(file, `${good}\n`);
    expect(readMessages(file)).toHaveLength(1);
  });
});
