import fc from 'fast-check';
import nock from 'nock';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { decide } from '../../server/domain/decide';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { buildBriefRequest } from '../../integrations/openai/build-request';
import { findSecrets, Redactions, redactText } from '../../server/brief/secrets/redact';
import { bot, conversation, customer, NOW } from '../helpers/conversation-factory';
import { COMPLETIONS_PATH, completion, makeWriter, modelAnswer, OPENAI_ORIGIN } from './chat-completion';

const redact = (text: string) => redactText(text, new Redactions());

/** A Luhn-valid number of `length` digits starting with `prefix` (test data made here, not copied). */
function luhnNumber(prefix: string, body: string, length: number): string {
  const digits = (prefix + body).slice(0, length - 1).padEnd(length - 1, '0');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

describe('redaction', () => {
  it('removes Luhn-valid card numbers however they are spaced, and only those', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('4', '51', '37', '6011', '22'),
        fc.stringMatching(/^\d{18}$/),
        fc.integer({ min: 13, max: 19 }),
        fc.constantFrom('', ' ', '-'),
        (prefix, body, length, sep) => {
          const card = luhnNumber(prefix, body, length);
          const written = card.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
          const out = redact(`I paid with ${written}, please check.`);
          expect(out).toBe('I paid with [CARD_1], please check.');
          // One digit changed breaks the checksum: not a card, left alone.
          const broken = card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10);
          expect(redact(`ref ${broken} here`)).toBe(`ref ${broken} here`);
        },
      ),
    );
  });

  it.each([
    ['US SSN', 'my SSN is 123-45-6789', 'GOV_ID'],
    ['US SSN with spaces', 'social security 219 09 9999 thanks', 'GOV_ID'],
    ['UK National Insurance number', 'NI number JG 10 37 68 A', 'GOV_ID'],
    ['passport by context', 'passport number X12345678', 'GOV_ID'],
    ['Spanish DNI by context', 'mi DNI es 12345678Z', 'GOV_ID'],
    ['password after "is"', 'my password is Tr0ub4dor&3 now', 'PASSWORD'],
    ['plain-word password after a colon', 'password: sunshine', 'PASSWORD'],
    ['quoted password', 'I set the password to "correct horse battery"', 'PASSWORD'],
    ['Portuguese password', 'minha senha é Gato2024', 'PASSWORD'],
    ['one-time code', 'the verification code 482913 never worked', 'CODE'],
    ['PIN', 'my PIN is 4821.', 'CODE'],
    ['German code', 'der Bestätigungscode ist 771203', 'CODE'],
    ['OpenAI key', 'key sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34', 'SECRET'],
    ['GitHub token', 'ghp_0123456789abcdefABCDEF0123456789abcd', 'SECRET'],
    ['Slack token', 'xoxb-2048-4096-AbCdEfGhIjKl', 'SECRET'],
    ['AWS access key id', 'AKIAZ7QRSTUVWXY2345A leaked', 'SECRET'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjLTE5In0.c2lnbmF0dXJlLWhlcmU', 'SECRET'],
    ['Stripe key', 'sk_live_51HxQmZ2eZvKYlo2C0123abcd', 'SECRET'],
    ['long random string', 'session Zx8kQ2mVb7NpL4rT9wYc3sJd in the URL', 'SECRET'],
    ['hex secret', 'api 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', 'SECRET'],
    ['key by context', 'my api key: live-Q29udGV4dGtleQ', 'SECRET'],
  ])('finds a %s', (_name, text, kind) => {
    const spans = findSecrets(text);
    expect(spans.map((s) => s.kind)).toEqual([kind]);
    expect(redact(text)).toContain(`[${kind}_1]`);
  });

  it.each([
    ['an order id', 'Where is order #48213?'],
    ['a UPS tracking number', 'tracking 1Z999AA10123456784'],
    ['a long USPS tracking number', 'USPS 9400 1000 0000 0000 0000 00'],
    ['a phone number', 'call me on +1 415 555 0134'],
    ['an amount and a date', 'charged $349.99 on 2026-11-02'],
    ['a UUID reference', 'case 123e4567-e89b-12d3-a456-426614174000'],
    ['a hyphenated URL slug', 'https://shop.example/products/blue-shirt-size-XL-2024'],
    ['a password problem', 'my password is not working and the password reset link expired'],
    ['a discount code', 'the discount code SAVE10 failed'],
    ['a postal or error code', 'zip code 90210, error code 1603'],
    ['a plain word after "password is"', 'my password is gone'],
  ])('leaves %s alone', (_name, text) => {
    expect(redact(text)).toBe(text);
  });

  it('gives the same secret the same placeholder and maps placeholders back to what an agent may see', () => {
    const r = new Redactions();
    const card = luhnNumber('4', '111111111111111', 16);
    const a = redactText(`card ${card}, pin 4821`, r);
    const b = redactText(`again ${card}`, r);
    expect(a).toBe('card [CARD_1], pin [CODE_1]');
    expect(b).toBe('again [CARD_1]');
    expect(r.restore('Refund [CARD_1]; never ask for [CODE_1]; [CARD_9] unknown')).toBe(
      `Refund [card ending ${card.slice(-4)}]; never ask for [one-time code withheld]; [CARD_9] unknown`,
    );
    expect(r.summary()).toEqual({ CARD: 1, CODE: 1 });
  });
});

describe('redaction before trimming', () => {
  it('leaves no part of a card number where a long message is cut in its middle', async () => {
    const card = luhnNumber('4', '929000000000000', 16);
    const written = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    const short = conversation([customer('Hello, I need help with a charge.')]);
    const decision = decide(short, { policy: DEFAULT_POLICY, now: NOW });
    const draft = await new OfflineBriefWriter().write(short, decision, { policy: DEFAULT_POLICY, now: NOW });
    let cuts = 0;
    // Slide the card through a long message so that some positions straddle where the cut falls.
    for (let at = 0; at < 6000; at += 7) {
      const text = `${'a'.repeat(at)} ${written} ${'b'.repeat(6000 - at)}`;
      const conv = conversation([customer('Hello'), customer(text), customer('Bye')]);
      const sent = JSON.stringify(buildBriefRequest(conv, decision, draft, 1200).document);
      if (sent.includes('[…]')) cuts += 1;
      expect(sent).not.toMatch(/\d{4} \d/);
      expect(sent).not.toMatch(/\d \d{4}/);
    }
    expect(cuts).toBeGreaterThan(800);
  });
});

describe('what leaves for the model', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('holds no secret anywhere in the request body, and the brief shows only the last four card digits', async () => {
    const card = luhnNumber('5', '500005555555', 16);
    const secrets = [card, '123-45-6789', 'Hunter2!x', '482913', 'sk-proj-Zz98Yy76Xx54Ww32Vv10Uu98', 'ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210'];
    const conv = conversation(
      [
        customer(`I was charged twice on my card ${card} for order #48213, my SSN is 123-45-6789 if you need it.`),
        bot('I can help with billing questions. Could you describe the charge?', { helpful: false }),
        customer('My password is Hunter2!x and the verification code 482913 did not work. Get me a human.'),
        customer('Our developer pasted sk-proj-Zz98Yy76Xx54Ww32Vv10Uu98 and ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210 in chat too.'),
      ],
      { customer: { name: 'Ana Ruiz', email: 'ana@example.com', tier: 'standard' } },
    );
    const decision = decide(conv, { policy: DEFAULT_POLICY, now: NOW });
    const context = { policy: DEFAULT_POLICY, now: NOW };
    const draft = await new OfflineBriefWriter().write(conv, decision, context);

    let raw = '';
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH, (body) => {
        raw = JSON.stringify(body);
        return true;
      })
      .reply(200, completion({ content: JSON.stringify(modelAnswer({ summary: 'Ana was charged twice on [CARD_1] for order #48213.' })) }));
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();

    expect(raw).toContain('#48213');
    expect(raw).toContain('[CARD_1]');
    for (const secret of secrets) expect(raw).not.toContain(JSON.stringify(secret).slice(1, -1));
    // Nor with the spaces or dashes taken out.
    expect(raw.replace(/[\s-]/g, '')).not.toContain(card);
    expect(raw).not.toContain('ana@example.com');
    expect(result.brief!.summary).toBe(`Ana was charged twice on [card ending ${card.slice(-4)}] for order #48213.`);
  });
});
