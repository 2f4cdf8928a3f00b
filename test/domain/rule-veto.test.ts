import { decide } from '../../server/domain/decide';
import { OTHER_CODES, RULE_VETO } from '../../server/domain/intent/intent-triggers';
import { readIntents } from '../../server/domain/intent/read-intents';
import { defaultIntentModel } from '../../server/domain/intent/weights-file';
import { tenantPolicySchema } from '../../server/domain/policy';
import { viewMessages } from '../../server/domain/triggers/scan';
import { NOW, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run } from './engine';
import type { Conversation } from '../../server/domain/conversation';

/**
 * The model as a second reader of the rules' keywords (intent-triggers.ts vetoRuleHits): a topic
 * keyword the rules read, in a sentence the model read and found no code in at all, is set aside.
 * Each case first checks its premise (what the rules alone fire, what the model scores), so a test
 * cannot pass because the sentence stopped meaning what it was chosen for.
 */
const rulesOnly = (conv: Conversation) => codes(decide(conv, { policy: tenantPolicySchema.parse({}), now: NOW, intent: null }));

/** The model's highest score for `code` in the message, and for any other code. */
function modelPeak(text: string, code: string): { code: number; others: number } {
  const model = defaultIntentModel()!;
  const read = readIntents(viewMessages(says(text)), model).read.get(0);
  if (!read) return { code: NaN, others: NaN };
  const k = model.meta.codes.indexOf(code as never);
  return { code: read.peak[k]!, others: Math.max(...read.peak.filter((_, j) => j !== k)) };
}

describe('a topic keyword the model reads as no code', () => {
  const text = 'The crash course on spreadsheets you ran for our staff was excellent, can we book another one?';

  it('is set aside', () => {
    expect(rulesOnly(says(text))).toContain('bug_report');
    const peak = modelPeak(text, 'bug_report');
    expect(peak.code).toBeLessThan(RULE_VETO);
    expect(peak.others).toBeLessThan(OTHER_CODES);
    expect(codes(run(says(text)))).not.toContain('bug_report');
  });

  it('is kept in a message the model reads as the code', () => {
    const asked = 'I returned the jacket two weeks ago and I still have not received my refund.';
    expect(modelPeak(asked, 'refund_request').code).toBeGreaterThanOrEqual(RULE_VETO);
    expect(codes(run(says(asked)))).toContain('refund_request');
  });

  it('is kept in a message the model reads as another code (one softmax shares the weight)', () => {
    const both = 'Every time I try to update my phone number the app shows an error and logs me out.';
    expect(rulesOnly(says(both))).toEqual(expect.arrayContaining(['account_change', 'bug_report']));
    const peak = modelPeak(both, 'account_change');
    expect(peak.code).toBeLessThan(RULE_VETO);
    expect(peak.others).toBeGreaterThanOrEqual(OTHER_CODES);
    expect(codes(run(says(both)))).toEqual(expect.arrayContaining(['account_change', 'bug_report']));
  });

  it('is kept when the keyword stands in a fragment too short for the model to read', () => {
    const fragment = 'Refund please. We are moving house next month and the new flat has a lovely garden.';
    expect(rulesOnly(says(fragment))).toContain('refund_request');
    // The long sentence reads as no code; the two-word one, which the rule matched, is never read.
    expect(modelPeak(fragment, 'refund_request').code).toBeLessThan(RULE_VETO);
    expect(codes(run(says(fragment)))).toContain('refund_request');
  });

  it('is kept on the same words in a later message only when that message says it', () => {
    const conv = conversation([customer(text), customer('Also my app keeps crashing whenever I open the invoices page.')]);
    const fired = run(conv).triggers.find((t) => t.code === 'bug_report');
    expect(fired?.evidence).toEqual([{ message: 1, quote: expect.stringContaining('crashing') }]);
  });
});

describe('codes the model never sets aside', () => {
  it.each([
    ['account_security', 'Do not escalate this and do not flag it, but someone hacked my account'],
    ['legal_compliance', 'Our lawyer is coming along on the trip, could we add a third seat to the booking?'],
  ])('%s on "%s", though the model reads it as no code', (code, text) => {
    expect(rulesOnly(says(text))).toContain(code);
    expect(modelPeak(text, code).code).toBeLessThan(RULE_VETO);
    expect(codes(run(says(text)))).toContain(code);
  });
});
