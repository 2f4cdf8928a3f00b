import { analyzeSentiment } from '../../server/domain/sentiment';
import { bot, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

const kinds = (text: string) => analyzeSentiment(says(text)).hits.map((h) => `${h.signal}:${h.kind}`);

describe('analyzeSentiment', () => {
  it('reads plain praise as positive and complaints as negative', () => {
    expect(analyzeSentiment(says('Thank you, that was really helpful, great service')).label).toBe('positive');
    expect(analyzeSentiment(says('This is awful, I am very disappointed and angry')).label).toBe('negative');
  });

  it('keeps the score within -1..1', () => {
    const rant = Array.from({ length: 20 }, () => customer('This is fucking terrible, worst garbage ever!!!'));
    const s = analyzeSentiment(conversation(rant));
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThan(-0.9);
  });

  // The lexicon is a plain object: its inherited members (constructor, __proto__) are not words it scores.
  it.each(['the constructor of my shed is broken', 'constructor', '__proto__ toString hasOwnProperty valueOf'])('scores %j as a number, not NaN', (text) => {
    const s = analyzeSentiment(says(text));
    expect(Number.isFinite(s.score)).toBe(true);
    expect(s.score).toBe(analyzeSentiment(says(text.replace(/constructor|__proto__/g, 'builder'))).score);
  });

  it('flips praise words under a negation further back than one word', () => {
    const plain = analyzeSentiment(says('The support was good')).score;
    const negated = analyzeSentiment(says('The support was not very good')).score;
    expect(plain).toBeGreaterThan(0);
    expect(negated).toBeLessThan(0);
  });

  it.each(['great, just great, another week without my package', 'thanks for nothing', 'oh wonderful, it broke again'])(
    'reads sarcasm as frustration, not praise: %s',
    (text) => {
      const s = analyzeSentiment(says(text));
      expect(s.label).toBe('negative');
      expect(s.signals).toContain('frustration');
      expect(s.hits.some((h) => h.kind === 'sarcasm')).toBe(true);
    },
  );

  it.each([
    ['this is ridiculous', 'frustration:frustration'],
    ['I have been trying for hours', 'frustration:frustration'],
    ['nothing works', 'frustration:frustration'],
    ['I need this resolved immediately', 'urgency:urgency'],
    ['this is blocking our launch', 'urgency:urgency'],
    ['please fix it asap', 'urgency:urgency'],
    ['I give up', 'helplessness:helplessness'],
    ["I don't know what else to try", 'helplessness:helplessness'],
    ['what the hell is going on', 'anger:profanity'],
    ['WHERE IS MY ORDER', 'anger:shouting'],
    ['Where is my order!!!', 'anger:exclamations'],
    ["I'm taking my business elsewhere", 'anger:threat_to_leave'],
  ])('%s → %s', (text, expected) => {
    expect(kinds(text)).toContain(expected);
  });

  it('does not call happy capitals or exclamations anger', () => {
    expect(kinds('THANK YOU SO MUCH!!!')).toEqual([]);
    expect(kinds('Is my VIP discount applied to the USD price?')).toEqual([]);
  });

  it('does not call "not urgent" urgency', () => {
    expect(kinds('No rush, this is not urgent')).not.toContain('urgency:urgency');
  });

  it('is severe on profanity, and on a threat to leave said in anger', () => {
    expect(analyzeSentiment(says('this is bullshit')).severe).toBe(true);
    expect(analyzeSentiment(says("This is ridiculous, I'm switching to a competitor")).severe).toBe(true);
    expect(analyzeSentiment(says('Please cancel, I am moving to a competitor')).severe).toBe(false);
    expect(analyzeSentiment(says('this is ridiculous')).severe).toBe(false);
  });

  it('scores only customer messages', () => {
    const s = analyzeSentiment(conversation([customer('Where is order 4821?'), bot('Sorry, that is terrible, awful, horrible news!!!')]));
    expect(s.hits).toEqual([]);
    expect(s.score).toBe(0);
  });

  it('quotes the exact words as evidence', () => {
    const conv = says('Honestly, THIS IS A JOKE!!! I give up.');
    for (const hit of analyzeSentiment(conv).hits) expect(conv.messages[hit.message]!.text).toContain(hit.quote);
  });
});

describe('sentiment in the decision', () => {
  it('does not escalate on its own', () => {
    const d = run(says('This is ridiculous, where is my order?'));
    expect(codes(d)).toContain('frustration');
    expect(d.escalate).toBe(false);
    expect(d.priority).toBe('low');
  });

  it('escalates with a failed bot answer', () => {
    const d = run(conversation([customer('Where is my order?'), bot('Orders ship in 3 days.', { helpful: false }), customer('This is ridiculous')]));
    expect(d.reasons).toContain('frustration');
  });

  it('escalates with a complexity trigger', () => {
    const d = run(says('The app keeps crashing and I have been trying for hours'));
    expect(d.reasons).toEqual(expect.arrayContaining(['bug_report', 'frustration']));
  });

  it('escalates on its own when severe', () => {
    const d = run(says('where the fuck is my order'));
    expect(d.escalate).toBe(true);
    expect(d.reasons).toContain('anger');
    expect(d.priority).toBe('high');
  });

  it('lowers the bar: frustrated plus low-ish bot confidence escalates', () => {
    const conv = says('This is ridiculous, where is my order?', { bot: { confidence: 0.6, intent: 'order_status' } });
    expect(run(conv).reasons).toContain('frustration');
    const calm = says('Where is my order?', { bot: { confidence: 0.6, intent: 'order_status' } });
    expect(run(calm).escalate).toBe(false);
  });
});
