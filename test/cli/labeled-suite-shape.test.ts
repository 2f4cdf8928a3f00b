import path from 'node:path';
import { CATEGORIES, TRIGGER_CODES } from '../../server/domain/codes';
import { readLabeledCases } from '../../server/cli/read-labeled';
import type { LabeledCase } from '../../server/cli/labeled-case';

/** The suite is only worth its figures if it covers every code both ways and every category. */
describe('labeled suite coverage', () => {
  let cases: LabeledCase[];
  beforeAll(async () => {
    cases = await readLabeledCases(path.join(__dirname, '../fixtures/labeled'));
  });

  it('holds at least 100 valid conversations with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(TRIGGER_CODES)('labels %s at least twice as firing and twice as not firing', (code) => {
    const positive = cases.filter((c) => c.expect.triggers?.includes(code)).length;
    const negative = cases.filter((c) => c.expect.not_triggers?.includes(code)).length;
    expect({ code, positive: positive >= 2, negative: negative >= 2 }).toEqual({ code, positive: true, negative: true });
  });

  it.each(CATEGORIES)('labels category %s at least twice', (category) => {
    expect(cases.filter((c) => c.expect.category === category).length).toBeGreaterThanOrEqual(2);
  });

  it('includes conversations that must not escalate', () => {
    expect(cases.filter((c) => !c.expect.escalate).length).toBeGreaterThanOrEqual(20);
  });

  it('includes non-English requests for a person', () => {
    const languages = [/persona/, /conseiller/, /Mitarbeiter|Menschen/, /atendente/];
    for (const pattern of languages) {
      const hit = cases.find(
        (c) => c.expect.triggers?.includes('human_requested') && c.conversation.messages.some((m) => pattern.test(m.text)),
      );
      expect(hit?.name ?? `none for ${pattern}`).not.toMatch(/^none/);
    }
  });
});
