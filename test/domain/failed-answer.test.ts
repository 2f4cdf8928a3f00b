import { listAttempted } from '../../server/brief/attempted';
import type { AnswerOutcome } from '../../server/domain/bot-answers';
import { bot, botNoKb, conversation, customer } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * The decision and the brief read "did the bot's answer fail?" from one definition: for every reply
 * below, two bot answers each followed by it give `repeated_failure` exactly when the brief lists both
 * answers as `not_helpful`.
 */

const replies: Array<[string, AnswerOutcome]> = [
  ['That is wrong', 'not_helpful'],
  ["that's incorrect, my order was placed on Monday", 'not_helpful'],
  ["that didn't help", 'not_helpful'],
  ['This does not answer my question', 'not_helpful'],
  ['not what I asked', 'not_helpful'],
  ['I already tried that', 'not_helpful'],
  ["it still doesn't work", 'not_helpful'],
  ['useless', 'not_helpful'],
  ['thanks for nothing', 'not_helpful'],
  ["you don't understand", 'not_helpful'],
  ['wrong article', 'not_helpful'],
  ['no me sirve', 'not_helpful'],
  ['Das hilft mir nicht', 'not_helpful'],
  ['ça ne marche pas', 'not_helpful'],
  ['that worked, thanks!', 'helpful'],
  ['great, problem solved', 'helpful'],
  ['ok', 'unknown'],
  ['and how long does shipping take?', 'unknown'],
  ['thanks', 'unknown'],
];

function twoAnswers(reply: string, extra: Record<string, unknown> = {}) {
  return conversation([
    customer('My discount code is not applied at checkout'),
    bot('Codes apply on the payment step, after the address.', extra),
    customer(reply),
    botNoKb('Codes cannot be combined with sale items.', extra),
    customer(reply),
  ]);
}

describe('a failed bot answer means the same to the decision and the brief', () => {
  it.each(replies)('reply %j: %s', (reply, outcome) => {
    const conv = twoAnswers(reply);
    expect(listAttempted(conv).map((a) => a.outcome)).toEqual([outcome, outcome]);
    const failedTwice = codes(run(conv)).includes('repeated_failure');
    expect(failedTwice).toBe(outcome === 'not_helpful');
  });

  it('a `helpful: false` mark fails the answer for both, whatever the reply says', () => {
    const conv = twoAnswers('thanks', { helpful: false });
    expect(listAttempted(conv).map((a) => a.outcome)).toEqual(['not_helpful', 'not_helpful']);
    expect(codes(run(conv))).toContain('repeated_failure');
  });

  it('a rejection outweighs a `helpful: true` mark for both', () => {
    const conv = twoAnswers('That is wrong', { helpful: true });
    expect(listAttempted(conv).map((a) => a.outcome)).toEqual(['not_helpful', 'not_helpful']);
    expect(codes(run(conv))).toContain('repeated_failure');
  });

  it('a reply after an agent spoke answers the agent, not the bot', () => {
    const conv = conversation([
      customer('My discount code is not applied at checkout'),
      bot('Codes apply on the payment step, after the address.'),
      { role: 'agent', text: 'Hi, I am Sam from the team. Codes do not apply to gift cards.' },
      customer('That is wrong'),
    ]);
    expect(listAttempted(conv)).toEqual([
      expect.objectContaining({ by: 'bot', outcome: 'unknown' }),
      expect.objectContaining({ by: 'agent', outcome: 'not_helpful' }),
    ]);
  });

  it('greetings, "connecting you" notices and clarifying questions are not answers for either', () => {
    const conv = conversation([
      customer('My discount code is not applied at checkout'),
      botNoKb('Which code did you use?'),
      customer('That is wrong'),
      botNoKb('I am transferring you to an agent now.'),
      customer('useless'),
    ]);
    expect(listAttempted(conv)).toEqual([]);
    expect(codes(run(conv))).not.toContain('repeated_failure');
  });
});
