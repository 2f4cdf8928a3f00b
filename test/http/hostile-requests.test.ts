import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness, type TenantWithKey } from './harness';
import { hostileCases, KNOWN_HANDOFF, KNOWN_TICKET, type HostileCase } from './hostile-table';
import { listen, sendRaw } from './hostile-send';

const cases = hostileCases();

describe.each(backends())('hostile requests on every route ($name)', (backend) => {
  let h: Harness;
  let a: TenantWithKey;
  let b: TenantWithKey;
  let server: Awaited<ReturnType<typeof listen>>;
  let known: string;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
    ({ a, b } = await h.reset());
    // Tenant A has an integration, so each handoff it is sent is stored with its assembly job: an
    // accepted row must add all four (conversation, handoff, brief, job), a refused one none. Tenant B
    // has nothing connected: its handoffs are stored assembled, with no job (the rows that store are
    // sent to it too, below). No worker runs here, so the stand-in secrets are never opened.
    await h.db.query(`INSERT INTO tenant_integrations (tenant_id, provider, secrets_sealed) VALUES ($1, 'tracking', 'sealed')`, [a.tenant.id]);
    // A budget no row reaches, so every answer is the row's own and not a 429.
    server = await listen(h.makeApp({ rateLimitPerMinute: 100_000 }));
    const created = await sendRaw(server.port, {
      name: 'a handoff to read back',
      method: 'POST',
      path: '/v1/handoffs',
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify(conversationBody({ id: 'known', ticket: { provider: 'zendesk', id: KNOWN_TICKET } }))),
      auth: true,
      expect: { status: 202, stores: 1 },
    }, a.auth);
    expect(created.status).toBe(202);
    known = (created.body as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it('has at least 150 rows', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  async function check(row: HostileCase, tenant: TenantWithKey, jobsPerHandoff: number): Promise<void> {
    const before = await h.counts();
    const res = await sendRaw(server.port, row, row.auth ? tenant.auth : {}, { [KNOWN_HANDOFF]: known });
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: row.expect.status, code: row.expect.code });
    if (row.expect.code) {
      expect(res.body?.error?.message).toEqual(expect.any(String));
      const field = row.expect.field;
      if (field?.endsWith('…')) expect(res.body?.error?.field?.startsWith(field.slice(0, -1))).toBe(true);
      else expect(res.body?.error?.field).toBe(field);
    }
    if (row.expect.allow) expect(res.headers.allow).toBe(row.expect.allow);

    const after = await h.counts();
    const added = row.expect.stores;
    expect(after).toEqual({
      ...before,
      conversations: before.conversations! + added,
      handoffs: before.handoffs! + added,
      brief_versions: before.brief_versions! + added,
      [`${h.bossSchema}.job`]: before[`${h.bossSchema}.job`]! + added * jobsPerHandoff,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Still up: the next caller is served.
    expect((await sendRaw(server.port, { ...row, method: 'GET', path: '/healthz', headers: {}, body: undefined, withoutHost: false, twoHosts: false, repeated: undefined }, {})).status).toBe(200);
  }

  it.each(cases.map((c) => [c.name, c] as [string, HostileCase]))('%s', async (_name, row) => {
    await check(row, a, 1);
  });

  const storing = cases.filter((c) => c.expect.stores > 0);
  it.each(storing.map((c) => [c.name, c] as [string, HostileCase]))('%s, for a tenant with nothing connected (stored assembled, no job)', async (_name, row) => {
    await check(row, b, 0);
  });
});
