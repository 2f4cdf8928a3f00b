import { decide } from '../../server/domain/decide';
import { OTHER_CODES, RULE_VETO } from '../../server/domain/intent/intent-triggers';
import { readIntents } from '../../server/domain/intent/read-intents';
import { defaultIntentModel } from '../../server/domain/intent/weights-file';
import { tenantPolicySchema } from '../../server/domain/policy';
import { viewMessages } from '../../server/domain/triggers/scan';
import { NOW, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run, wherePremiseHolds } from './engine';
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
  // A bug report's keyword in sentences about something else: the rules fire on each; the model,
  // depending on its training draw, reads some of them as no code at all.
  const innocent = [
    'The crash course on spreadsheets you ran for our staff was excellent, can we book another one?',
    'Our team really enjoyed the crash course in bookkeeping, is there a second part in the spring?',
    'We would like to book your crash course on first aid for twelve new starters next month.',
    'The crash course in French you recommended was lovely, do you have one for Spanish as well?',
  ];
  const vetoed = (text: string) => {
    const peak = modelPeak(text, 'bug_report');
    return rulesOnly(says(text)).includes('bug_report') && peak.code < RULE_VETO && peak.others < OTHER_CODES;
  };

  it('is set aside', () => {
    for (const text of wherePremiseHolds(innocent, vetoed, 2)) expect([text, codes(run(says(text)))]).toEqual([text, expect.not.arrayContaining(['bug_report'])]);
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

  it('is kept when the keyword stands in a fragment too short for the model to read alone', () => {
    const fragment = 'It crashed. The spreadsheet training you ran for our staff last month was excellent, thank you.';
    expect(rulesOnly(says(fragment))).toContain('bug_report');
    // The long sentence and the pair of both read as no code; the two-word sentence, which the rule
    // matched in, is never read on its own (under four words), so the rule keeps it.
    const peak = modelPeak(fragment, 'bug_report');
    expect(peak.code).toBeLessThan(RULE_VETO);
    expect(peak.others).toBeLessThan(OTHER_CODES);
    expect(codes(run(says(fragment)))).toContain('bug_report');
  });

  it('is kept on the same words in a later message only when that message says it', () => {
    const [text] = wherePremiseHolds(innocent, vetoed);
    const conv = conversation([customer(text!), customer('Also my app keeps crashing whenever I open the invoices page.')]);
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

describe('neighbouring sentences read together', () => {
  it('find a code told across two sentences, quoting both', () => {
    // "Money back please." is under the four words the model reads alone; the sentence before says why.
    const text = 'The show moved to another city and I cannot travel. Money back please.';
    const model = defaultIntentModel()!;
    const hits = readIntents(viewMessages(says(text)), model).codes.get('refund_request') ?? [];
    expect(hits.map((h) => h.quote)).toEqual([text]);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(model.meta.thresholds.refund_request!);
  });

  it('add no span the veto counts as read, and no tenant example match', () => {
    const text = 'The show moved to another city and I cannot travel. Money back please.';
    const read = readIntents(viewMessages(says(text)), defaultIntentModel()!).read.get(0)!;
    // Only the first sentence (eleven words) is a span; the pair is scored but not a span.
    expect(read.spans).toEqual([0, text.indexOf(' Money')]);
    // An example worded as the pair itself is matched by a sentence at most, never by the pair.
    const examples = [{ text, code: 'legal_compliance' as const }];
    const matched = readIntents(viewMessages(says(text)), defaultIntentModel()!, { examples }).codes.get('legal_compliance') ?? [];
    for (const hit of matched) expect(hit.quote).not.toBe(text);
  });
});
