import request from 'supertest';
import { createStore } from '../../server/store/postgres-store';
import { isConnectionFailure } from '../../server/store/connection-failure';
import { postgresBackend, uniqueSchema } from '../helpers/database';
import { TcpProxy } from '../helpers/tcp-proxy';
import { openHarness, type Harness } from './harness';

const url = process.env.TEST_DATABASE_URL;

describe('isConnectionFailure', () => {
  it('tells a lost connection from a failed statement', () => {
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    expect(isConnectionFailure(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionFailure(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionFailure(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isConnectionFailure(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isConnectionFailure(withCode('value too long for type character varying(200)', '22001'))).toBe(false);
    expect(isConnectionFailure(new Error('something else'))).toBe(false);
    expect(isConnectionFailure('Connection terminated')).toBe(false);
  });
});

// The database behind a proxy this test can cut: only a real Postgres server has a connection to lose.
if (url) describe('the database goes away while Baton runs (Postgres)', () => {
  let proxy: TcpProxy;
  let harness: Harness;
  const schema = uniqueSchema(__filename);

  beforeAll(async () => {
    const proxied = await TcpProxy.inFrontOf(url);
    proxy = proxied.proxy;
    harness = await openHarness(postgresBackend(proxied.url), schema);
  });
  afterAll(async () => {
    proxy.restore();
    await harness?.close(); // drops the schemas, through the restored proxy
    await proxy?.close();
  });

  it('answers 503 database_unavailable with Retry-After while it is gone, stays up, and records the retried handoff once when it is back', async () => {
    const { a } = await harness.reset();
    const app = harness.makeApp();
    const body = { id: 'conv-db-gone', messages: [{ role: 'customer', text: 'My parcel arrived broken and I want a refund.' }] };

    proxy.cut();
    const refused = await request(app).post('/v1/handoffs').set(a.auth).send(body);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('database_unavailable');
    expect(refused.headers['retry-after']).toBe('2');
    const read = await request(app).get('/v1/briefs?provider=zendesk&ticket=1').set(a.auth);
    expect(read.status).toBe(503);

    proxy.restore();
    const first = await request(app).post('/v1/handoffs').set(a.auth).send(body);
    const again = await request(app).post('/v1/handoffs').set(a.auth).send(body);
    expect([first.status, again.status]).toEqual([202, 200]);
    const store = createStore(harness.db);
    expect((await harness.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM handoffs`)).rows[0]!.n).toBe(1);
    expect(await store.getHandoff(a.tenant.id, first.body.id)).toBeDefined();
  });
});
