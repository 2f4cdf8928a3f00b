import path from 'node:path';
import { messageFigures, readLabelledMessages } from '../eval/message-figures';

/**
 * Messages that carry no code but use a code's words: resolved matters ("the refund landed, thanks"),
 * questions in general, refusals, other senses of a word ("the show was killer"), someone else's case.
 * `test/fixtures/lookalikes/` was read while writing the rules' general-question and settled-matter cues; the email set in
 * `test/fixtures/outside/` was not. Ceilings sit a little above the measured share of messages on
 * which any code fired (docs/EVALUATION.md, "Look-alikes"): lower them as the engine improves.
 */
// Ceilings lowered on 2026-12-02, when the model began setting aside the rules' topic keywords in
// messages it reads as no code (intent-triggers.ts vetoRuleHits): 58 → 47, 65 → 59 and 93 → 82; the email set's
// then 85 when neighbouring sentences were read together (held-out-messages.test.ts).
const SETS = [
  // Measured 14.3% (57 of 398) with the model; 18.6% before the general-question and settled-matter cues.
  { file: 'lookalikes/chat.jsonl', count: 398, ceiling: 0.12 },
  // Measured 18.8% (75 of 400); 21.0% before.
  { file: 'lookalikes/voice-and-second-language.jsonl', count: 400, ceiling: 0.15 },
  // Held out: measured 22.3% (89 of 400); 24.0% before.
  { file: 'outside/held-out-lookalikes-email.jsonl', count: 400, ceiling: 0.22 },
];

describe.each(SETS)('look-alike messages in $file', ({ file, count, ceiling }) => {
  it('fire a code on few of them', () => {
    const figures = messageFigures(readLabelledMessages(path.join(__dirname, '../fixtures', file)));
    expect([figures.messages, figures.neutral]).toEqual([count, count]);
    expect(figures.falseAlarms / figures.neutral).toBeLessThanOrEqual(ceiling);
  });
});
