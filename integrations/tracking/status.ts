import type { AftershipCheckpoint, AftershipTracking } from './aftership';

/** What the brief says about a parcel, in AfterShip's words plus our reading of them. */
export interface ParcelStatus {
  status: string;
  substatus?: string;
  detail?: string;
  delivered: boolean;
  exception: boolean;
  /** In transit with no new checkpoint for `stuckAfterDays`. */
  stuck: boolean;
  latest_checkpoint?: { at?: string; message?: string; location?: string };
  expected_delivery?: string;
  days_since_last_checkpoint?: number;
}

const MOVING = new Set(['InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail', 'Pending']);
const DAY_MS = 86_400_000;

/** Times carry the carrier's local offset, so they are compared as instants, not as strings. */
function latest(checkpoints: AftershipCheckpoint[] | undefined): AftershipCheckpoint | undefined {
  let best: AftershipCheckpoint | undefined;
  let bestAt = -Infinity;
  for (const c of checkpoints ?? []) {
    const at = Date.parse(c.checkpoint_time ?? '');
    if (!Number.isNaN(at) && at > bestAt) {
      best = c;
      bestAt = at;
    }
  }
  return best;
}

/**
 * Reads an AfterShip tracking at `now` (pure). Stuck means not yet delivered and nothing new from
 * the carrier for `stuckAfterDays` (counted from the last checkpoint; with none, not judged).
 */
export function parcelStatus(tracking: AftershipTracking, now: Date, stuckAfterDays = 5): ParcelStatus {
  const tag = tracking.tag ?? 'Pending';
  const last = latest(tracking.checkpoints);
  const lastAt = last?.checkpoint_time ? Date.parse(last.checkpoint_time) : NaN;
  const days = Number.isNaN(lastAt) ? undefined : Math.floor((now.getTime() - lastAt) / DAY_MS);
  const location = last?.location ?? ([last?.city, last?.country_region].filter(Boolean).join(', ') || undefined);
  const expected = tracking.courier_estimated_delivery_date?.estimated_delivery_date ?? tracking.expected_delivery ?? undefined;
  return {
    status: tag,
    ...(tracking.subtag ? { substatus: tracking.subtag } : {}),
    ...(tracking.subtag_message ? { detail: tracking.subtag_message } : {}),
    delivered: tag === 'Delivered',
    exception: tag === 'Exception' || tag === 'AttemptFail' || tag === 'Expired',
    stuck: MOVING.has(tag) && days !== undefined && days >= stuckAfterDays,
    ...(last ? { latest_checkpoint: { at: last.checkpoint_time, message: last.message, location } } : {}),
    ...(expected ? { expected_delivery: expected } : {}),
    ...(days !== undefined ? { days_since_last_checkpoint: days } : {}),
  };
}

export function statusSentence(number: string, carrier: string | undefined, s: ParcelStatus): string {
  const who = carrier ? `${carrier} ${number}` : number;
  if (s.delivered) return `${who}: delivered${s.latest_checkpoint?.at ? ` ${s.latest_checkpoint.at.slice(0, 10)}` : ''}`;
  if (s.stuck) return `${who}: ${s.status}, no carrier update for ${s.days_since_last_checkpoint} days (stuck)`;
  if (s.exception) return `${who}: ${s.status}${s.detail ? ` (${s.detail})` : ''}`;
  return `${who}: ${s.status}${s.latest_checkpoint?.message ? `, last: ${s.latest_checkpoint.message}` : ''}`;
}
