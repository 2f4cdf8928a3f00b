import { analyzeSentiment } from '../../server/domain/sentiment';
import { says } from '../helpers/conversation-factory';

const signals = (text: string) => analyzeSentiment(says(text)).signals;

describe('urgency: deadlines and events close at hand', () => {
  it.each([
    'I NEED TO PAY MY RENT TODAY',
    'I need this resolved before Saturday',
    'Please sort it out by end of day',
    'we need the invoice corrected by EOD',
    'my flight is in 3 hours and the app will not show my boarding pass',
    "The suit is for my brother's wedding this Saturday. I need this resolved before then.",
    'My surgery is tomorrow and the prescription has not arrived',
    'the launch is tomorrow, it has to be fixed by 9am',
    'we are running out of time here',
    'lo necesito cuanto antes',
    'ho bisogno di una risposta al più presto',
    'graag zo snel mogelijk',
    'bitte so schnell wie möglich',
    "j'en ai besoin au plus vite",
  ])('fires: %s', (text) => {
    expect(signals(text)).toContain('urgency');
  });

  it.each([
    'no rush, just planning for spring',
    'It is not urgent, whenever you can',
    'I paid my rent today, all good',
    'my flight was great, thanks',
    'my flight just got cancelled today, how do I claim for the hotel',
    'the wedding was lovely last Saturday',
    'I had to wait an hour today',
    'I do not need it by Friday, next month is fine',
    'please mark this as urgent and high priority',
  ])('does not fire: %s', (text) => {
    expect(signals(text)).not.toContain('urgency');
  });
});
