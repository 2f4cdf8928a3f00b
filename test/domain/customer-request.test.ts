import { bot, conversation, customer, says } from '../helpers/conversation-factory';
import { codes, expectValidEvidence, itFiresAndStaysQuiet, run, triggerOf } from './engine';

describe('human_requested', () => {
  it.each([
    'Can I talk to a real person?',
    'I want to speak with an agent please',
    'Transfer me to a representative',
    'human',
    'Agent please!',
    "Why can't I talk to a human?",
    "I don't want to talk to a bot, get me a person",
    'Can someone call me about this?',
    'quiero hablar con una persona',
    'Necesito un agente, por favor',
    'je veux parler à un humain',
    'Je voudrais parler à un conseiller',
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Kann ich bitte mit einem echten Menschen reden?',
    'quero falar com um atendente',
    'Preciso falar com uma pessoa real',
    'i need a representitive my acount got locked',
    'Could a member of your staff telephone me?',
    'Könnten Sie mich bitte zurückrufen?',
  ])('fires and escalates on the first ask: %s', (text) => {
    const conv = says(text);
    const d = run(conv);
    expect(codes(d)).toContain('human_requested');
    expect(d.escalate).toBe(true);
    expect(d.reasons).toContain('human_requested');
    expectValidEvidence(conv, d);
  });

  it.each([
    "I don't need a human, just tell me the opening hours",
    'I do not want to talk to an agent',
    'No need for an agent, thanks',
    'no quiero hablar con una persona',
    'je ne veux pas parler à un conseiller',
    'Ich möchte nicht mit einem Mitarbeiter sprechen',
    'não quero falar com um atendente',
    'The person who delivered it was nice',
  ])('does not fire when negated or not a request: %s', (text) => {
    expect(codes(run(says(text)))).not.toContain('human_requested');
  });

  it('counts a yes to the bot offering a person', () => {
    const conv = conversation([
      customer('My parcel is lost'),
      bot('Would you like me to connect you with an agent?', { kb_articles: [] }),
      customer('Yes please'),
    ]);
    const t = triggerOf(run(conv), 'human_requested');
    expect(t.evidence).toContainEqual({ message: 2, quote: 'Yes please' });
  });

  it('does not treat a yes to something else as a request', () => {
    const conv = conversation([customer('Where is my order?'), bot('Is your order number 4821?', { kb_articles: [] }), customer('Yes')]);
    expect(codes(run(conv))).not.toContain('human_requested');
  });

  it('takes the bot handoff reason as evidence from a field', () => {
    const conv = says('My order is late', { bot: { confidence: 0.9, intent: 'order_status', handoff_reason: 'customer_request' } });
    expect(triggerOf(run(conv), 'human_requested').evidence).toContainEqual({ field: 'bot.handoff_reason', value: 'customer_request' });
  });

  it('cannot be silenced by the tenant: customers always reach a person', () => {
    const d = run(says('Let me talk to a human'), { non_escalating: ['human_requested'] });
    expect(d.escalate).toBe(true);
    expect(d.reasons).toEqual(['human_requested']);
  });
});

describe('human_requested in Italian and Dutch', () => {
  it.each([
    'vorrei parlare con un operatore',
    'Posso parlare con una persona reale?',
    'voglio un operatore umano, subito',
    'Mi passi un operatore per favore',
    'ik wil een medewerker spreken',
    'Kan ik met een medewerker spreken? Mijn bestelling is nooit aangekomen.',
    'Graag met een echt persoon praten',
    'Kunt u mij terugbellen?',
  ])('fires: %s', (text) => {
    const conv = says(text);
    const d = run(conv);
    expect(codes(d)).toContain('human_requested');
    expect(d.escalate).toBe(true);
    expectValidEvidence(conv, d);
  });

  it.each([
    'non voglio parlare con un operatore, mi basta sapere gli orari',
    'non ho bisogno di un operatore',
    'ik wil geen medewerker spreken, alleen de openingstijden',
    'ik wil niet met een medewerker spreken',
    'ik heb met de bezorger gesproken',
    'ho parlato con il corriere ieri',
  ])('does not fire when refused or only reported: %s', (text) => {
    expect(codes(run(says(text)))).not.toContain('human_requested');
  });
});

describe('human_requested: short asks, and a refusal even with nothing else to go on', () => {
  itFiresAndStaysQuiet(
    'human_requested',
    ['human pls', 'agent now', 'podem me passar para um atendente?'],
    ['the human body is amazing', 'pode me passar o link?'],
  );

  it('does not fire on "I don\'t need a human, just tell me your opening hours"', () => {
    expect(codes(run(conversation([customer("I don't need a human, just tell me your opening hours")])))).not.toContain('human_requested');
  });
});
