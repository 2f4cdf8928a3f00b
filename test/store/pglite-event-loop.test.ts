import { openDatabase } from '../../server/store/database';
import type { Database } from '../../server/store/types';

/**
 * PGlite runs statements on this thread and settles them as microtasks: without a turn of the event
 * loop before each one, statements queued by many requests ran as one chain that kept every socket
 * and timer waiting (docs/BENCHMARKS.md).
 */
describe('embedded PGlite and the event loop', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('lets the event loop turn before each statement, inside a transaction too', async () => {
    let turns = 0;
    const tick = () => {
      turns += 1;
      if (turns < 50) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await db.query('SELECT 1');
        seen.push(turns);
      }),
    );
    // Each statement waited for a turn, so the loop turned while they ran, not only after all of them.
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[4]).toBeGreaterThan(seen[0]!);

    const before = turns;
    await db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await tx.query('SELECT 2');
    });
    expect(turns).toBeGreaterThan(before);
  });
});
