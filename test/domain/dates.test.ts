import path from 'node:path';
import * as chrono from 'chrono-node';
import { extractFactsFromText } from '../../server/domain/facts';
import { nearestMonthDay } from '../../server/domain/facts/nearest-day';
import { DATE_WORD_RE } from '../../server/domain/language';
import { CLOCK_AND_LENGTH_PARSERS } from '../../server/domain/language/en';

/** Monday 2 November 2026, the conversation's "now" in these tests. */
const now = new Date('2026-11-02T10:15:00Z');
const dates = (text: string, at: Date = now) => extractFactsFromText(text, { now: at }).dates;

describe('a month and day without a year', () => {
  it.each([
    ['"shipped May 2" in November is last May, not next', 'It shipped May 2 and never arrived', ['2026-05-02']],
    ['numeric dates too', 'I paid on 5/2', ['2026-05-02']],
    ['January, ten months back', 'my subscription started Jan 5', ['2026-01-05']],
    ['a day a few weeks ahead with no future word is still the near one', 'my daughter turns 18 on Dec 20', ['2026-12-20']],
    ['yesterday stays yesterday', 'I wrote yesterday', ['2026-11-01']],
    ['a written year is kept as written', 'it shipped May 2 2027', ['2027-05-02']],
  ])('%s', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it.each([
    ['"due" points ahead', 'the next payment is due Jan 5', ['2027-01-05']],
    ['"by" points ahead', 'I need it by March 3', ['2027-03-03']],
    ['"will arrive" points ahead', 'the tracking says it will arrive on Jan 8', ['2027-01-08']],
  ])('with future wording, the next one: %s', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('future wording does not reach a date more than half a year ahead: "was due Oct 30" is last week', () => {
    expect(dates('it was due Oct 30')).toEqual(['2026-10-30']);
    expect(dates('it should arrive by Aug 2')).toEqual(['2026-08-02']);
  });

  it('29 February resolves to a year that has one, never to 1 March', () => {
    expect(nearestMonthDay(2, 29, now, false)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(nearestMonthDay(2, 29, new Date('2028-12-01T00:00:00Z'), false)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('today is today, with or without future wording', () => {
    expect(nearestMonthDay(11, 2, now, false)).toEqual({ year: 2026, month: 11, day: 2 });
    expect(nearestMonthDay(11, 2, now, true)).toEqual({ year: 2026, month: 11, day: 2 });
  });
});

describe('a weekday without a week', () => {
  it('is the latest one up to today: "I ordered on Wednesday" said on Monday is five days ago', () => {
    expect(dates('I ordered on Wednesday')).toEqual(['2026-10-28']);
    expect(dates('it came on Saturday, broken')).toEqual(['2026-10-31']);
  });

  it('is the next one with future wording: a delivery promise', () => {
    expect(dates('they said it will arrive on Friday')).toEqual(['2026-11-06']);
    expect(dates('I need this resolved before Saturday')).toEqual(['2026-11-07']);
  });

  it('keeps the week the words name', () => {
    expect(dates('I called last Tuesday')).toEqual(['2026-10-27']);
    expect(dates('come back next Friday')).toEqual(['2026-11-13']);
  });
});

describe('dates in other languages are read with chrono’s parser for that language', () => {
  it.each([
    ['German, alone (too short to detect)', 'am 3. November', ['2026-11-03']],
    ['German, in a sentence', 'Das Paket sollte am 3. November kommen und ist nicht da.', ['2026-11-03']],
    ['Spanish', 'Mi pedido debía llegar el 28 de octubre y no llegó', ['2026-10-28']],
    ['French', 'Ma commande du 28 octobre n’est jamais arrivée', ['2026-10-28']],
    ['Italian', 'il mio ordine del 28 ottobre non è arrivato', ['2026-10-28']],
    ['Dutch', 'mijn bestelling van 28 oktober is niet aangekomen', ['2026-10-28']],
    ['Portuguese', 'meu pedido de 28 de outubro não chegou', ['2026-10-28']],
    ['a relative day', 'gestern wurde zweimal abgebucht', ['2026-11-01']],
  ])('%s: %j', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('keeps the nearest-day rule: a bare month and day in another language is the latest past one', () => {
    expect(dates('el pedido salió el 2 de mayo')).toEqual(['2026-05-02']);
  });

  it.each([
    ['German "bis"', 'Bitte liefern Sie bis 5. Januar', ['2027-01-05']],
    ['Spanish "hasta"', 'necesito el pedido hasta el 5 de enero', ['2027-01-05']],
    ['no future word: the past one', 'Ich habe am 5. Januar bestellt', ['2026-01-05']],
  ])('future wording in the language points ahead: %s', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it.each([
    ['a bare weekday is the latest one', 'Ich habe am Freitag bestellt', ['2026-10-30']],
    ['"nächsten" keeps chrono’s reading (the Friday of next week)', 'Das Paket kommt nächsten Freitag', ['2026-11-13']],
    ['"letzten" keeps chrono’s last week', 'Ich habe letzten Freitag bestellt', ['2026-10-30']],
    ['"prochain" keeps chrono’s reading', 'livraison prévue vendredi prochain', ['2026-11-13']],
    ['"diesen" (this week) keeps chrono’s reading, not last week’s', 'Ich bin diesen Freitag nicht zu Hause', ['2026-11-06']],
    ['"este" (this week) keeps chrono’s reading, not last week’s', 'no estoy en casa este viernes', ['2026-11-06']],
  ])('weekdays in another language: %s', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('an English date in English text is not read twice or moved by another parser', () => {
    expect(dates('it shipped on 3 November, Mars bar included')).toEqual(['2026-11-03']);
  });
});

describe('English dates are read by chrono without its clock-time and "within" parsers', () => {
  // now is Monday 2 November 2026.
  it.each([
    ['a day and month after "from" (the 14 is no hour)', 'I don’t recognise this payment from 14 Aug', ['2026-08-14']],
    ['the first day of a range', 'I rented a car from 2 to 9 June', ['2026-06-02']],
    ['"the day after tomorrow" is one date', 'can we meet the day after tomorrow', ['2026-11-04']],
    ['a count of days back', 'I replied with the logs ten days ago', ['2026-10-23']],
    ['a day after a time of day', 'I ordered it on the morning of May 3', ['2026-05-03']],
    ['a day after a clock time, with future wording before the time', 'please deliver before 11:10 on Sunday', ['2026-11-08']],
    ['a clock time before the day keeps the year the wording points to', 'it is due 5.30pm on the 2nd of Feb', ['2027-02-02']],
  ])('%s: %j', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it.each([
    ['"in 48h" is a length of time', 'I was told it would be released in 48h'],
    ['"within the week" is a length of time', 'will I see the transfer within the week?'],
    ['a clock time alone names no day', 'the driver came at 5:30pm'],
    ['"money", "maybe" and "decided" are no month or weekday', 'maybe I decided to send the money'],
  ])('no date: %s', (_why, text) => {
    expect(dates(text)).toEqual([]);
  });

  it.each([
    ['a day beside a length of time', 'it has not moved in 6 days, not since Monday', ['2026-11-02']],
    ['a count of days back is no length of time', 'I wrote to you 3 days ago', ['2026-10-30']],
    ['a date after a length of time', 'you promised it within 3 business days of Oct 28', ['2026-10-28']],
  ])('a length of time does not hide a date: %s', (_why, text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('the parsers left out are chrono’s own (a renamed one would be kept, and this fails)', () => {
    const casual = chrono.en.configuration.createCasualConfiguration(false).parsers.map((p) => p.constructor.name);
    for (const name of CLOCK_AND_LENGTH_PARSERS) expect(casual).toContain(name);
    expect(casual.length).toBeGreaterThan(CLOCK_AND_LENGTH_PARSERS.size);
  });

  it('every month and weekday name chrono reads is a date word, so no message naming one skips chrono', () => {
    // chrono's dictionaries are not in its package's exports; read from its files.
    const constants = require(path.join(require.resolve('chrono-node'), '../locales/en/constants.js')) as Record<string, Record<string, number>>;
    const names = [...Object.keys(constants.MONTH_DICTIONARY!), ...Object.keys(constants.WEEKDAY_DICTIONARY!)];
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      expect([name, DATE_WORD_RE.test(`on ${name} `)]).toEqual([name, true]);
      expect([name, DATE_WORD_RE.test(`on ${name.toUpperCase()}3`)]).toEqual([name, true]);
    }
  });
});
