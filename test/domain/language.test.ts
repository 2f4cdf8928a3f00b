import { detectLanguages, PACKS } from '../../server/domain/language';
import { LANGUAGES } from '../../server/domain/language/types';
import { says } from '../helpers/conversation-factory';
import { decide as decideWith } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import type { Conversation } from '../../server/domain/conversation';
import { NOW } from '../helpers/conversation-factory';
import { codes, itFiresAndStaysQuiet, run } from './engine';

/** The rules alone: the model may find a refund anyway, and this is about the rules' negation. */
const decideRulesOnly = (conv: Conversation) => decideWith(conv, { policy: DEFAULT_POLICY, now: NOW, intent: null });

describe('language packs', () => {
  it('one pack per language, each giving requests for a person, refusals, date words and a date parser', () => {
    expect(PACKS.map((p) => p.code)).toEqual([...LANGUAGES]);
    for (const pack of PACKS) {
      expect(pack.phrases.human_requested?.length).toBeGreaterThan(0);
      expect(pack.phrases.accept?.length).toBeGreaterThan(0);
      expect(pack.refusals.length).toBeGreaterThan(0);
      expect(() => new RegExp(pack.dateWords, 'i')).not.toThrow();
      expect(typeof pack.parseDates).toBe('function');
    }
  });
});

describe('detectLanguages', () => {
  it.each([
    ['es', 'Mi pedido no ha llegado todavía y necesito ayuda'],
    ['pt', 'Meu pedido não chegou ainda, já faz uma semana'],
    ['de', 'Ich möchte mit einem Mitarbeiter sprechen, bitte'],
    ['nl', 'Mijn pakket is nog steeds niet aangekomen'],
  ])('places a sentence in %s, with English always in', (lang, text) => {
    const found = detectLanguages(text);
    expect(found?.has(lang as never)).toBe(true);
    expect(found?.has('en')).toBe(true);
  });

  it('places an English sentence in English only', () => {
    expect([...(detectLanguages('The app crashes every time I open the settings page') ?? [])]).toEqual(['en']);
  });

  it.each(['human pls', 'agente humano', 'am 3. November'])('does not guess on a few words: %j', (text) => {
    expect(detectLanguages(text)).toBeUndefined();
  });
});

describe('a foreign phrase counts only in a message that may be written in its language', () => {
  it('"Sofort" the payment method in English is no urgency; "sofort" in German is', () => {
    expect(run(says('I paid with Sofort and the order still shows as unpaid')).sentiment.signals).not.toContain('urgency');
    expect(run(says('Bitte kümmern Sie sich sofort darum, das Paket ist weg')).sentiment.signals).toContain('urgency');
  });

  it('a word two languages share counts in either ("pedido" in Portuguese and Spanish)', () => {
    expect(run(says('Quero saber onde está o meu pedido 4411, já faz uma semana')).category).toBe('order_status');
    expect(run(says('Quiero saber dónde está mi pedido 4411, ya pasó una semana')).category).toBe('order_status');
  });

  it("another language's negation does not read English: Spanish 'no' refuses the word after it, English 'no refund yet' is a refund still owed", () => {
    const decide = (text: string) => codes(decideRulesOnly(says(text)));
    expect(decide('no refund yet and it has been a month since I sent the parcel back')).toContain('refund_request');
    expect(decide('I returned the jacket three weeks ago and there is still no refund')).toContain('refund_request');
    expect(decide('No quiero un reembolso, solo el cambio de talla por favor')).not.toContain('refund_request');
    expect(decide('Quiero un reembolso del pedido, llegó tarde')).toContain('refund_request');
  });

  it('a message too short to place reads every language', () => {
    expect(codes(run(says('agente humano')))).toContain('human_requested');
    expect(codes(run(says('sí, por favor')))).not.toContain('human_requested');
  });
});

describe('phrases per language feed the same rules', () => {
  itFiresAndStaysQuiet(
    'refund_request',
    ['Mi pedido llegó roto y quiero un reembolso', 'Ho bisogno di un rimborso per il mio ordine', 'Je veux être remboursé'],
    ['No quiero un reembolso, solo el producto correcto'],
  );
  itFiresAndStaysQuiet(
    'human_requested',
    ['Quiero hablar con una persona', 'Je voudrais parler à un conseiller', 'Ik wil met een medewerker spreken'],
    ['No quiero hablar con una persona, solo dime el horario', 'Je ne veux pas parler à un conseiller'],
  );
});
