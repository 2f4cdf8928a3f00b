import { findRedundantAsks, heldFacts, replyText, type AskKind } from '../../apps/shared/ask-guard';

const held = heldFacts(
  { order_ids: ['48213'], emails: ['ana@example.com'], phones: ['+1 415 555 0134'], tracking_numbers: ['1Z999AA10123456784'] },
  'Ana reports her parcel has not moved in 6 days.',
);

function kinds(reply: string, facts = held): AskKind[] {
  return findRedundantAsks(reply, facts).map((ask) => ask.kind);
}

describe('save guard: replies that ask for what the brief holds', () => {
  it.each<[string, AskKind]>([
    ['Could you send me your order number, please?', 'order_id'],
    ['Hi Ana! What is your order #?', 'order_id'],
    ['Can you confirm the email address on the account?', 'email'],
    ['Please share the tracking number so I can look into it.', 'tracking_number'],
    ['May I have a phone number to call you back', 'phone'],
    ['Hello, what seems to be the problem?', 'problem'],
    ['Thanks for waiting. How can I help you today?', 'problem'],
    ['¿Podría indicarme su número de pedido?', 'order_id'],
    ['¿En qué le puedo ayudar?', 'problem'],
    ['Könnten Sie mir bitte Ihre Bestellnummer nennen?', 'order_id'],
    ['Pourriez-vous me donner votre numéro de suivi ?', 'tracking_number'],
    ['Pode me informar o número do pedido?', 'order_id'],
    ['Qual é o seu e-mail?', 'email'],
  ])('%s → %s', (reply, kind) => {
    expect(kinds(reply)).toContain(kind);
  });

  it.each([
    'Your order 48213 left the warehouse on Monday and I have opened a carrier trace.',
    'I can see the order number in our system and I am checking it now.',
    'I sent a confirmation to your email.',
    'Is 48213 the right order number?',
    'The problem is on our side and I am sorry about it.',
  ])('stays quiet on %s', (reply) => {
    expect(kinds(reply)).toEqual([]);
  });

  it('says nothing about what the brief does not hold', () => {
    const noOrder = heldFacts({ order_ids: [], emails: [], phones: [], tracking_numbers: [] }, '');
    expect(kinds('Could you send me your order number and what seems to be the problem?', noOrder)).toEqual([]);
  });

  it('names the asking sentence and what the customer already gave, once per kind', () => {
    const asks = findRedundantAsks('Hi Ana. Could you send your order number? Also, what is your order number again?', held);
    expect(asks).toEqual([{ kind: 'order_id', sentence: 'Could you send your order number?', held: ['48213'] }]);
  });

  it('finds several kinds in one reply', () => {
    expect(kinds('Can you give me your email and your tracking number?').sort()).toEqual(['email', 'tracking_number']);
  });

  it('reads rich-text replies as text', () => {
    expect(replyText('<p>Hi&nbsp;Ana,</p><p>could you send your <b>order number</b>?</p>')).toContain('could you send your  order number ?');
    expect(kinds(replyText('<div>Hi</div><div>Can you tell me the tracking number?</div>'))).toEqual(['tracking_number']);
  });
});
