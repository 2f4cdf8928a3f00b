import { createStore } from '../../server/store/postgres-store';
import type { Store } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';

describe.each(backends())('inbound events on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = createStore(await backend.open(uniqueSchema(__filename)));
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await resetTables(store.db);
  });

  it('stores an event once per (source, event id) and enqueues only the first time', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    let enqueues = 0;
    const enqueue = async () => {
      enqueues += 1;
    };
    const event = { tenantId: tenant.id, source: 'zendesk', eventId: 'evt-1', payload: { ticket: 12345 } };
    const first = await store.recordInboundEvent(event, enqueue);
    const again = await store.recordInboundEvent(event, enqueue);
    const raced = await Promise.all([1, 2, 3].map(() => store.recordInboundEvent(event, enqueue)));
    expect(first.created).toBe(true);
    expect([again, ...raced].every((r) => !r.created && r.id === first.id)).toBe(true);
    expect(enqueues).toBe(1);

    // The same event id from another source is another event.
    const gorgias = await store.recordInboundEvent({ ...event, source: 'gorgias' }, enqueue);
    expect(gorgias.created).toBe(true);
    expect(enqueues).toBe(2);

    const { rows } = await store.db.query<{ payload: unknown; tenant_id: string }>(
      'SELECT payload, tenant_id FROM inbound_events WHERE id = $1',
      [first.id],
    );
    expect(rows).toEqual([{ payload: { ticket: 12345 }, tenant_id: tenant.id }]);
  });

  it('accepts an event with no tenant yet, and stores nothing when enqueue throws', async () => {
    const event = { tenantId: null, source: 'slack', eventId: 'evt-2', payload: ['a', 'b'] };
    await expect(
      store.recordInboundEvent(event, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await store.db.query('SELECT id FROM inbound_events');
    expect(rows).toHaveLength(0);
    const stored = await store.recordInboundEvent(event);
    expect(stored.created).toBe(true);
    const read = await store.db.query<{ payload: unknown }>('SELECT payload FROM inbound_events WHERE id = $1', [stored.id]);
    expect(read.rows[0]!.payload).toEqual(['a', 'b']);
  });
});
