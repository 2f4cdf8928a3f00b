import { extractFactsFromText } from '../../server/domain/facts';

const phones = (text: string) => extractFactsFromText(text).phones;

describe('phone numbers written nationally with a leading 0 (read as British when not American)', () => {
  it.each([
    ['port my number 07700 900123 and close my contract', '+447700900123'],
    ['call me on 07911 123456 after 5', '+447911123456'],
    ['our office line is 020 7946 0958', '+442079460958'],
    ['my mobile: 07700900456', '+447700900456'],
  ])('%s', (text, expected) => {
    expect(phones(text)).toEqual([expected]);
  });

  it('keeps American numbers American', () => {
    expect(phones('call me at (415) 555-0134')).toEqual(['+14155550134']);
  });

  it.each([
    // An unassigned mobile-shaped number with no phone word before it is an id, not a phone.
    'reference 07700 900123 on the invoice',
    // Not a valid UK number, not mobile-shaped.
    'the code is 0123 456 789',
    // A leading 0 inside a longer run of digits.
    'serial 10770090012345',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('does not read an order id as a UK phone', () => {
    expect(extractFactsFromText('order #07700900123 please').phones).toEqual([]);
  });
});
