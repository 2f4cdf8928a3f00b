import path from 'node:path';
import { messageFigures, readLabelledMessages } from '../eval/message-figures';

/**
 * Messages that carry no code but use a code's words: resolved matters ("the refund landed, thanks"),
 * questions in general, refusals, other senses of a word ("the show was killer"), someone else's case.
 * `test/fixtures/lookalikes/` was read while writing the rules' general-question cues; the email set in
 * `test/fixtures/outside/` was not. Ceilings sit a little above the measured share of messages on
 * which any code fired (docs/EVALUATION.md, "Look-alikes"): lower them as the engine improves.
 */
const SETS = [
  // Measured 15.3% (61 of 398) with the model; 18.6% before the general-question cues.
  { file: 'lookalikes/chat.jsonl', count: 398, ceiling: 0.17 },
  // Measured 20.3% (81 of 400); 21.0% before.
  { file: 'lookalikes/voice-and-second-language.jsonl', count: 400, ceiling: 0.22 },
  // Held out: measured 22.5% (90 of 400); 24.0% before.
  { file: 'outside/held-out-lookalikes-email.jsonl', count: 400, ceiling: 0.24 },
];

describe.each(SETS)('look-alike messages in $file', ({ file, count, ceiling }) => {
  it('fire a code on few of them', () => {
    const figures = messageFigures(readLabelledMessages(path.join(__dirname, '../fixtures', file)));
    expect([figures.messages, figures.neutral]).toEqual([count, count]);
    expect(figures.falseAlarms / figures.neutral).toBeLessThanOrEqual(ceiling);
  });
});
