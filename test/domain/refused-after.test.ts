import { refusedAfter } from '../../server/domain/text';
import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/** A refusal said after the thing refused: "no refund needed", "an agent isn't necessary". */
describe('a refusal after the thing refused', () => {
  it.each([
    ['refund_request', 'No refund needed, the parcel turned up this morning.', 'A refund is needed, the parcel never turned up.'],
    ['human_requested', 'Talking to a real person is not necessary, I only need the opening hours.', 'I would like to talk to a real person, please.'],
  ])('%s: not on "%s", but on "%s"', (code, refused, asked) => {
    expect(codes(run(says(asked)))).toContain(code);
    expect(codes(run(says(refused)))).not.toContain(code);
  });

  it('reads "no" before and "needed" after together, and not "no … yet"', () => {
    const at = (text: string, word: string) => ({ index: text.indexOf(word), length: word.length });
    expect(refusedAfter('no full refund needed', at('no full refund needed', 'refund'))).toBe(true);
    expect(refusedAfter('no refund yet, it has been a month', at('no refund yet, it has been a month', 'refund'))).toBe(false);
    expect(refusedAfter('I need a refund, no excuses needed', at('I need a refund, no excuses needed', 'refund'))).toBe(false);
  });
});
