import { randomInt } from 'node:crypto';
import type { Sql } from './types';

/**
 * Per-minute arrival counters behind the customer's place in line (migration 003). A place in line
 * is "escalations of this queue within one promised wait, this one included"; summing counters keeps
 * its cost at window x SHARDS index lookups whatever the traffic, where counting the handoffs grew
 * with every escalation in the window.
 */

/** One more than the longest window (DEFAULT_WAIT_MINUTES ≤ 1440), so a window never wraps onto itself. */
export const ARRIVAL_SLOTS = 1441;
/** Rows per queue and minute; a writer picks one at random so concurrent escalations rarely share a row lock. */
export const ARRIVAL_SHARDS = 4;

export function pickShard(): number {
  return randomInt(ARRIVAL_SHARDS);
}

/**
 * SQL for the escalations counted in the window ending now: `$tenant`, `$queue` and `$window` are the
 * placeholders to use. The slot list bounds the index scan to the window's minutes; the minute
 * filter drops slots last written a full ring ago.
 */
export function arrivalsInWindowSql(tenant: string, queue: string, window: string): string {
  return `(SELECT coalesce(sum(a.arrivals), 0)::int FROM queue_arrivals a
     WHERE a.tenant_id = ${tenant} AND a.queue = ${queue}
       AND a.slot = ANY (ARRAY(SELECT (m % ${ARRIVAL_SLOTS})::smallint
                                 FROM generate_series(floor(extract(epoch FROM now()) / 60)::bigint - ${window} + 1,
                                                      floor(extract(epoch FROM now()) / 60)::bigint) m))
       AND a.minute > floor(extract(epoch FROM now()) / 60)::bigint - ${window})`;
}

/**
 * SQL that counts one arrival for each row of `source` (a CTE; none, no arrival) when `condition`
 * holds: `tenant`, `queue`, `shard` are placeholders or expressions. A slot left by an older minute restarts at 1.
 */
export function countArrivalSql(source: string, condition: string, tenant: string, queue: string, shard: string): string {
  return `INSERT INTO queue_arrivals AS a (tenant_id, queue, slot, shard, minute, arrivals)
     SELECT ${tenant}, ${queue}, (m.minute % ${ARRIVAL_SLOTS})::smallint, ${shard}::smallint, m.minute, 1
       FROM ${source}, (SELECT floor(extract(epoch FROM now()) / 60)::bigint AS minute) m
      WHERE ${condition}
     ON CONFLICT (tenant_id, queue, slot, shard) DO UPDATE
       SET arrivals = CASE WHEN a.minute = EXCLUDED.minute THEN a.arrivals + 1 ELSE 1 END,
           minute = EXCLUDED.minute`;
}

/** Where a new escalation of `queue` would stand now: the escalations within the window, plus one. */
export async function placeInLine(sql: Sql, tenantId: string, queue: string, windowMinutes: number): Promise<number> {
  const { rows } = await sql.query<{ n: number | string }>(`SELECT ${arrivalsInWindowSql('$1', '$2', '$3::int')} AS n`, [
    tenantId,
    queue,
    windowMinutes,
  ]);
  return Number(rows[0]?.n ?? 0) + 1;
}
