import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * A verdict on the company or what it sells is a complaint whatever the noun it lands on; the same
 * words about something else (the weather, a worst case) are not.
 */
describe('a verdict on the company is a complaint', () => {
  it.each([
    'Honestly the worst ferry operator I have ever travelled with.',
    'Your new booking system is absolutely useless.',
    'You people are a joke, three weeks and nothing.',
    'Waited an hour on hold. Pathetic.',
    'Not impressed with the way my claim was handled.',
  ])('"%s"', (text) => {
    expect(codes(run(says(text)))).toContain('complaint');
  });

  it.each([
    'The weather here is awful, will the courier still come today?',
    'Worst case I can pick the parcel up myself on Friday.',
    'Your support team was not useless at all, thank you for the help.',
  ])('but not "%s"', (text) => {
    expect(codes(run(says(text)))).not.toContain('complaint');
  });
});
