import request from 'supertest';
import type { Express } from 'express';
import { recordModelCall, storeModelBrief } from '../../server/store/brief-usage';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from '../http/harness';

describe.each(backends())('model usage over HTTP on $name', (backend) => {
  let h: Harness;
  let app: Express;
  let a: TenantWithKey;
  let b: TenantWithKey;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    ({ a, b } = await h.reset());
    app = h.makeApp();
  });

  it('shows each model call on its handoff and sums them per tenant, for that tenant only', async () => {
    const posted = await request(app).post('/v1/handoffs').set(a.auth).send(conversationBody());
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;
    // No model asked yet: the view has no model_usage at all.
    expect((await request(app).get(`/v1/handoffs/${id}`).set(a.auth)).body).not.toHaveProperty('model_usage');

    const shown = (await h.store.getHandoff(a.tenant.id, id))!;
    await recordModelCall(h.db, a.tenant.id, id, { model: 'gpt-4o-mini', outcome: 'timeout', prompt_tokens: 0, completion_tokens: 0 });
    const brief = { ...shown.assessment.brief, summary: 'Model summary.', writer: 'openai:gpt-4o-mini' };
    const stored = await storeModelBrief(h.db, a.tenant.id, id, shown.brief_version, brief, {
      model: 'gpt-4o-mini',
      outcome: 'enriched',
      prompt_tokens: 1000,
      completion_tokens: 200,
    });
    expect(stored?.version).toBe(shown.brief_version + 1);
    // Another tenant cannot write usage onto this handoff.
    expect(await recordModelCall(h.db, b.tenant.id, id, { model: 'x', outcome: 'error', prompt_tokens: 5, completion_tokens: 5 })).toBe(false);

    const view = await request(app).get(`/v1/handoffs/${id}`).set(a.auth);
    expect(view.body.brief.summary).toBe('Model summary.');
    expect(view.body.brief_version).toBe(stored!.version);
    expect(view.body.model_usage).toEqual({
      prompt_tokens: 1000,
      completion_tokens: 200,
      calls: [
        expect.objectContaining({ brief_version: null, outcome: 'timeout', prompt_tokens: 0 }),
        expect.objectContaining({ brief_version: stored!.version, outcome: 'enriched', prompt_tokens: 1000, completion_tokens: 200 }),
      ],
    });

    const usage = await request(app).get('/v1/usage').set(a.auth);
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ prompt_tokens: 1000, completion_tokens: 200, calls: 2, enriched: 1, monthly_token_limit: null });
    expect(new Date(usage.body.since).getUTCDate()).toBe(1);
    expect((await request(app).get('/v1/usage').set(b.auth)).body).toMatchObject({ prompt_tokens: 0, completion_tokens: 0, calls: 0 });
    // A later start leaves today's calls out.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await request(app).get(`/v1/usage?since=${tomorrow}`).set(a.auth)).body).toMatchObject({ calls: 0 });
  });

  it('refuses a since that is not a date, naming it', async () => {
    const res = await request(app).get('/v1/usage?since=last-month').set(a.auth);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'since' });
  });
});
