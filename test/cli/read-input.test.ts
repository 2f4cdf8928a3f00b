import { splitInput } from '../../server/cli/read-input';

describe('splitInput', () => {
  it('reads a pretty-printed document as one record', () => {
    const text = JSON.stringify({ messages: [{ role: 'customer', text: 'hi' }] }, null, 2);
    expect(splitInput(text)).toEqual([{ line: 1, value: { messages: [{ role: 'customer', text: 'hi' }] } }]);
  });

  it('reads JSONL line by line, skipping blank lines and keeping line numbers', () => {
    const records = splitInput('{"a":1}\n\n{"a":2}\r\n  \n{"a":3}\n');
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
      { line: 5, value: { a: 3 } },
    ]);
  });

  it('reports a broken JSONL line and keeps the others', () => {
    const records = splitInput('{"a":1}\n{"a":\n{"a":3}');
    expect(records[0]).toEqual({ line: 1, value: { a: 1 } });
    expect(records[1]).toMatchObject({ line: 2, error: { code: 'invalid_json' } });
    expect(records[2]).toEqual({ line: 3, value: { a: 3 } });
  });

  it('treats a top-level array as a list of conversations', () => {
    expect(splitInput('[{"a":1},{"a":2}]')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
    ]);
  });

  it('reports a broken pretty-printed document once, not once per line', () => {
    const records = splitInput('{\n  "messages": [\n    {"role": "customer"\n  ]\n}');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, error: { code: 'invalid_json' } });
  });

  it('yields nothing for empty input', () => {
    expect(splitInput(' \n\n')).toEqual([]);
  });
});
