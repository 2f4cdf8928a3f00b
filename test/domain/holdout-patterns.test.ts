import { analyzeSentiment } from '../../server/domain/sentiment';
import { says } from '../helpers/conversation-factory';
import { itFiresAndStaysQuiet } from './engine';

/** Short asks, voice-style requests, back-office actions, broken jobs and angry emoji: firing and not. */
const cases: Array<[string, string[], string[]]> = [
  ['human_requested', ['human pls', 'agent now', 'pode me passar para um atendente humano?'], ['the human body is amazing', 'pode me passar o link?']],
  ['manual_review', ['can you, um, extend the booking?', 'Release my payouts now', 'My wallet has been frozen since Monday'], ['how long is the booking?', 'I released the parcel to the courier']],
  ['bug_report', ["Activation fails on 40 seats with 'Licence server unreachable'", "Bulk upload CSV fails at row 1", 'the button gives me a blank PDF', 'my data export has been stuck for 2 hours'], ['the parcel is stuck in customs', 'my upload went fine']],
];

describe.each(cases)('%s', (code, firing, quiet) => {
  itFiresAndStaysQuiet(code, firing, quiet);
});

describe('urgency and anger from short signals', () => {
  it('"I need this fixed today, my rent is due tomorrow" is urgent; a paid rent is not', () => {
    expect(analyzeSentiment(says('I need this fixed today, my rent is due tomorrow.')).signals).toContain('urgency');
    expect(analyzeSentiment(says('my rent was paid on time, thanks')).signals).not.toContain('urgency');
  });

  it('angry-face emoji are anger, without escalating alone as profanity', () => {
    const s = analyzeSentiment(says('🤬🤬 wrong order again'));
    expect(s.signals).toContain('anger');
    expect(s.severe).toBe(false);
    expect(analyzeSentiment(says('🎉🎉 arrived early')).signals).not.toContain('anger');
  });
});
