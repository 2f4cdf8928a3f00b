import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';

// PGlite is enough: the property is about what the two routes accept; the hostile table covers Postgres.
const pglite = backends()[0]!;

/** A string that may hold what storage refuses: NUL, lone surrogates, control and bidi characters. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udc00', '\u202e', '\u0007') },
  ),
  maxLength: 300,
});

/** A value to plant: mostly text, sometimes another JSON type or a long string. */
const anyValue = fc.oneof(
  { weight: 6, arbitrary: anyText },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 150, max: 3000 }).map((n) => 'x'.repeat(n)) },
);

const PLACES: Array<Array<string | number>> = [
  ['id'],
  ['channel'],
  ['occurred_at'],
  ['customer', 'name'],
  ['customer', 'tier'],
  ['messages', 0, 'text'],
  ['messages', 1, 'helpful'],
  ['bot', 'confidence'],
  ['ticket', 'provider'],
  ['ticket', 'id'],
  ['ticket', 'url'],
  ['extra'],
  ['customer', 'crm', 'note'],
];

describe('any single mutation of a valid conversation', () => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;
  let serial = 0;

  beforeAll(async () => {
    h = await openHarness(pglite, uniqueSchema(__filename));
    ({ a } = await h.reset());
    app = h.makeApp({ rateLimitPerMinute: 100_000 });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('is accepted by both /v1/assess and /v1/handoffs (and stored whole), or refused by both naming the same field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PLACES), anyValue, async (place, value) => {
        serial += 1;
        const body = conversationBody({ id: `prop-${serial}`, ticket: { provider: 'zendesk', id: `p-${serial}` } });
        let node = body as Record<string | number, any>;
        for (const key of place.slice(0, -1)) node = node[key] ??= {};
        // A mutation of `id` loses the unique id: give it one again unless `id` is what is mutated.
        node[place.at(-1)!] = value;
        if (place[0] !== 'id') body.id = `prop-${serial}`;

        const before = await h.counts();
        const assessed = await request(app).post('/v1/assess').set(a.auth).send(body);
        const recorded = await request(app).post('/v1/handoffs').set(a.auth).send(body);
        const after = await h.counts();

        expect(assessed.status).toBeLessThan(500);
        if (assessed.status === 200) {
          // Fresh id, so first receipt; a mutated id may repeat an earlier one (200 replay).
          expect([200, 202]).toContain(recorded.status);
          if (recorded.status === 202) expect(after.handoffs).toBe(before.handoffs! + 1);
          const stored = await request(app).get(`/v1/handoffs/${recorded.body.id}`).set(a.auth);
          expect(stored.status).toBe(200);
        } else {
          expect(assessed.status).toBe(422);
          expect({ status: recorded.status, field: recorded.body.error?.field }).toEqual({ status: 422, field: assessed.body.error.field });
          expect(assessed.body.error.field).toEqual(expect.stringMatching(/\S/));
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  }, 600_000);
});
