import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * An earlier contact that did not solve it: the customer counts their contacts, names a promise that
 * was not kept, never heard back, or follows up; not an earlier contact that worked.
 */
describe('an earlier unresolved contact', () => {
  it.each([
    'Third time asking: when will the new tyres be fitted?',
    'For the fourth time, my meter reading is wrong.',
    "I've phoned your helpline four times about the missing voucher.",
    'I was told on Monday that an engineer would come. It is Friday and nobody has turned up.',
    'I emailed about the deposit on the 2nd and never heard back.',
    'Following up on my message about the broken gate code.',
    'Got transferred between three different departments and nobody could help.',
  ])('"%s"', (text) => {
    expect(codes(run(says(text)))).toContain('unresolved_previous_contact');
  });

  it.each([
    'As I said in my last chat, the login problem is solved now, thanks.',
    'Following up on my message from Monday: it worked, you can close it.',
  ])('but not "%s"', (text) => {
    expect(codes(run(says(text)))).not.toContain('unresolved_previous_contact');
  });
});
