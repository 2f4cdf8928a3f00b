import { analyzeSentiment } from '../../server/domain/sentiment';
import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/** Sentiment from shouting, complaints about the bot, worn-out wording, deadlines and emoji: firing and not. */

const sentiment = (text: string) => analyzeSentiment(says(text));

describe('shouting with a complaint is never positive', () => {
  it.each(['WHAT A JOKE', 'GREAT, ANOTHER DELAY', 'WHAT A JOKE 😡😡 I want my money back, all $38.50', 'your AI is useless'])(
    '%j is negative',
    (text) => {
      expect(sentiment(text).label).toBe('negative');
    },
  );

  it.each(['THANK YOU SO MUCH, YOU ARE AMAZING!!!', 'GREAT NEWS, IT ARRIVED'])('%j stays positive', (text) => {
    expect(sentiment(text).label).toBe('positive');
  });

  it('reads "A" inside a shouted run as part of it', () => {
    expect(sentiment('WHAT A JOKE').signals).toContain('anger');
    expect(sentiment('What a joke').signals).not.toContain('anger');
  });
});

describe('frustration with the bot', () => {
  it('complaints about the bot are frustration; a neutral word about it is not', () => {
    expect(sentiment('this chatbot is completely useless').signals).toContain('frustration');
    expect(sentiment('the bot answered quickly').signals).not.toContain('frustration');
  });
});

describe('helplessness', () => {
  it.each(["I can't do this anymore", "I'm at my wits' end", 'at my wits end with this', "I don't know what to do", 'i cant cope'])(
    'fires for %j',
    (text) => {
      expect(codes(run(says(text)))).toContain('helplessness');
    },
  );

  it.each(["I can't do this on my phone, is there a desktop version?", 'I know what to do now, thanks'])('stays silent for %j', (text) => {
    expect(codes(run(says(text)))).not.toContain('helplessness');
  });
});

describe('urgency and anger from short signals', () => {
  it('a payment due tomorrow with a fix needed today is urgent; one already paid is not', () => {
    expect(sentiment('Please sort this out today, my mortgage payment is due tomorrow.').signals).toContain('urgency');
    expect(sentiment('my rent was paid on time, thanks').signals).not.toContain('urgency');
  });

  it('angry-face emoji are anger, without escalating alone as profanity', () => {
    const s = sentiment('🤬🤬 wrong order again');
    expect(s.signals).toContain('anger');
    expect(s.severe).toBe(false);
    expect(sentiment('🎉🎉 arrived early').signals).not.toContain('anger');
  });
});
