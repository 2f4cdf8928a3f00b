import { estimateTokens, trimMiddle } from '../../integrations/openai/fit-budget';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('trimMiddle', () => {
  it('keeps the start and the end within the budget', () => {
    const text = `${'a'.repeat(4000)}${'z'.repeat(4000)}`;
    const cut = trimMiddle(text, 100);
    expect(cut.startsWith('aaa')).toBe(true);
    expect(cut.endsWith('zzz')).toBe(true);
    expect(cut).toContain(' […] ');
    expect(estimateTokens(cut)).toBeLessThanOrEqual(100);
  });

  // Either cut could fall between the two halves of an emoji, leaving half a pair in the request.
  it.each([0, 1, 2, 3])('never cuts inside a surrogate pair (text shifted by %i)', (shift) => {
    const text = `${'x'.repeat(shift)}${'\u{1F600}'.repeat(3000)}`;
    for (const budget of [20, 21, 50, 51, 333]) expect(trimMiddle(text, budget)).not.toMatch(LONE_SURROGATE);
  });
});
