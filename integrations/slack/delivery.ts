import type { webApi } from '@slack/bolt';
import type pino from 'pino';
import type { HandoffRecord, Store } from '../../server/store/types';
import { CLAIM_RECHECK_SECONDS, RetryLater } from '../../server/jobs/retry-later';
import { renderAlert } from './alert-message';
import { alertViewFor } from './alert-view';
import type { SlackAlert, SlackStore } from './slack-store';

/**
 * Posting and updating alerts, run from jobs. Each step is safe to run twice: an alert is posted once
 * across retries, restarts, replays and processes. A job claims the post in the database before it
 * calls Slack (slack_alerts.post_started_at), so two jobs for one handoff never post at once; a claim
 * whose holder died lapses, and the job that takes it over first looks in the channel for a message
 * carrying this handoff's id in its metadata (a crash between posting and recording leaves one there).
 */

export const ALERT_EVENT_TYPE = 'baton_alert';

export type WebClient = webApi.WebClient;

/** A Web API client for a tenant's workspace, or null when the tenant has no Slack. */
export interface SlackClients {
  forTenant(tenantId: string): Promise<{ client: WebClient; teamId: string | null } | null>;
}

export interface DeliveryDeps {
  store: Store;
  slack: SlackStore;
  clients: SlackClients;
  logger: pino.Logger;
  /** Waits between posts to one channel (Slack allows about one message per second per channel). */
  pacer?: ChannelPacer;
  sleep?: (ms: number) => Promise<void>;
  /** Longest Retry-After we wait inside a job; longer ones fail the job and pg-boss retries it later. */
  maxRetryAfterSeconds?: number;
}

/**
 * How long a job's claim on posting an alert keeps other jobs from posting it. Past it the holder is
 * presumed dead and another job takes over, so a holder still alive must have made its one call to
 * chat.postMessage by then: it starts that call no later than POST_START_LIMIT_MS after claiming,
 * and the call itself is cut off at SLACK_CALL_TIMEOUT_MS (the Web API client's timeout).
 */
export const POST_CLAIM_SECONDS = 30;
/** Every Slack Web API call's timeout, set on the client (app.ts); bounds a post's flight in its claim. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
/** The claim, less a call's timeout and a margin for the two clocks (ours, the database's) to drift. */
const POST_START_LIMIT_MS = POST_CLAIM_SECONDS * 1000 - SLACK_CALL_TIMEOUT_MS - 5000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** About one message per second per channel, within this process. */
export class ChannelPacer {
  private readonly next = new Map<string, number>();
  constructor(
    private readonly intervalMs = 1000,
    private readonly sleep = defaultSleep,
  ) {}

  async wait(channel: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next.get(channel) ?? 0);
    this.next.set(channel, slot + this.intervalMs);
    if (slot > now) await this.sleep(slot - now);
  }
}

/**
 * `webApi.ErrorCode.RateLimitedError`'s value, spelled out so that this module (loaded whether or not
 * Slack is configured) does not load Bolt; the delivery test checks it against Bolt's own.
 */
export const SLACK_RATE_LIMITED_CODE = 'slack_webapi_rate_limited_error';

function isRateLimited(err: unknown): err is { retryAfter: number } {
  return (err as { code?: string })?.code === SLACK_RATE_LIMITED_CODE;
}

/** `webApi.ErrorCode.PlatformError`: Slack answered `ok: false` (not_in_channel, channel_not_found…). */
const SLACK_PLATFORM_ERROR_CODE = 'slack_webapi_platform_error';

/** A post this job gave up before calling Slack, since its claim would lapse before the call ended. */
class ClaimRunningOut extends Error {}

/**
 * Whether a failed call surely posted nothing: Slack answered and refused (ok: false, 429), or we
 * never called. A timeout, a lost connection or a 5xx may have posted: the claim is kept until it
 * lapses, and the job that takes it over looks in the channel first.
 */
function postedNothing(err: unknown): boolean {
  return err instanceof ClaimRunningOut || isRateLimited(err) || (err as { code?: string })?.code === SLACK_PLATFORM_ERROR_CODE;
}

/**
 * Calls Slack with the client set to reject rate-limited calls, so the wait is ours: honour
 * Retry-After up to a bound, a few times, then give the job back to pg-boss. With `callBy` (a
 * `performance.now()` time), a wait that would end after it is not made either.
 */
export async function withRateLimit<T>(
  deps: Pick<DeliveryDeps, 'sleep' | 'maxRetryAfterSeconds' | 'logger'>,
  call: () => Promise<T>,
  callBy = Infinity,
): Promise<T> {
  const sleep = deps.sleep ?? defaultSleep;
  const max = deps.maxRetryAfterSeconds ?? 30;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (!isRateLimited(err) || attempt >= 4 || err.retryAfter > max || performance.now() + err.retryAfter * 1000 > callBy) throw err;
      deps.logger.warn({ retry_after: err.retryAfter, attempt }, 'Slack rate limit; waiting as told');
      await sleep(err.retryAfter * 1000);
    }
  }
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** Finds an alert we already posted for this handoff (by its message metadata), e.g. before a crash. */
async function findPosted(deps: DeliveryDeps, client: WebClient, alert: SlackAlert, callBy: number): Promise<string | null> {
  const oldest = (new Date(alert.created_at).getTime() / 1000 - 60).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < 5; page += 1) {
    const res = await withRateLimit(deps, () =>
      client.conversations.history({ channel: alert.channel_id!, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
      callBy,
    );
    const hit = (res.messages as HistoryMessage[] | undefined)?.find(
      (m) => m.metadata?.event_type === ALERT_EVENT_TYPE && m.metadata.event_payload?.handoff_id === alert.handoff_id,
    );
    if (hit?.ts) return hit.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

export function createDelivery(deps: DeliveryDeps) {
  const pacer = deps.pacer ?? new ChannelPacer();

  async function load(tenantId: string, handoffId: string): Promise<{ handoff: HandoffRecord; alert: SlackAlert } | null> {
    const [handoff, alert] = await Promise.all([deps.store.getHandoff(tenantId, handoffId), deps.slack.getAlert(tenantId, handoffId)]);
    return handoff && alert ? { handoff, alert } : null;
  }

  return {
    /**
     * The `slack-alert-post` job. Two jobs can be queued for one alert (a brief stored twice, a render
     * retried) and pg-boss can retry a job whose first run is still alive elsewhere (past its expiry):
     * only the job holding the claim calls chat.postMessage; any other looks again a few seconds later
     * (RetryLater, which spends none of its retries), and finds the recorded ts, or takes the claim
     * over once it has lapsed.
     */
    async post(data: { tenantId: string; handoffId: string }): Promise<void> {
      const found = await load(data.tenantId, data.handoffId);
      if (!found || !found.alert.channel_id || found.alert.message_ts) return;
      const { handoff, alert } = found;
      const channel = alert.channel_id;
      if (!channel) return;
      const slack = await deps.clients.forTenant(data.tenantId);
      if (!slack) return;
      const logger = deps.logger.child({ job: 'slack-alert-post', handoff: handoff.id, channel });
      const message = renderAlert(alertViewFor(handoff, alert));
      // Read before claiming, on this process's monotonic clock: the claim cannot lapse for another
      // job sooner than POST_CLAIM_SECONDS after this.
      const callBy = performance.now() + POST_START_LIMIT_MS;
      const claim = await deps.slack.claimPost(alert.handoff_id, POST_CLAIM_SECONDS);
      if (!claim.claimed) {
        if (claim.posted) return;
        throw new RetryLater('another job is posting this alert now; looking again once it has posted or its claim has lapsed', CLAIM_RECHECK_SECONDS);
      }
      try {
        // Only a job after an attempt that may have reached Slack looks for its alert there:
        // searching the history on every post would spend the channel's scarce conversations.history budget.
        const already = claim.earlierAttempt ? await findPosted(deps, slack.client, alert, callBy) : null;
        if (already) {
          await deps.slack.recordPosted(alert.handoff_id, already);
          logger.info({ ts: already }, 'alert was already in the channel; recorded it');
          return;
        }
        await pacer.wait(channel);
        if (performance.now() > callBy) throw new ClaimRunningOut('the claim on this post would lapse before Slack answered; retrying');
        const res = await withRateLimit(
          deps,
          () =>
            slack.client.chat.postMessage({
              channel,
              text: message.text,
              blocks: message.blocks as never,
              unfurl_links: false,
              unfurl_media: false,
              metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { handoff_id: alert.handoff_id, tenant_id: alert.tenant_id } },
            }),
          callBy,
        );
        if (res.ts) await deps.slack.recordPosted(alert.handoff_id, res.ts);
        await deps.slack.saveMessage(alert.handoff_id, message);
        logger.info({ ts: res.ts }, 'alert posted');
      } catch (err) {
        // Nothing reached the channel: the retry may post at once, without searching the history.
        if (postedNothing(err)) await deps.slack.releasePost(alert.handoff_id, claim);
        throw err;
      }
    },

    /** The `slack-alert-update` job: re-renders from the stored state and edits the message in place. */
    async update(data: { tenantId: string; handoffId: string }): Promise<void> {
      const found = await load(data.tenantId, data.handoffId);
      if (!found) return;
      const message = renderAlert(alertViewFor(found.handoff, found.alert));
      await deps.slack.saveMessage(found.alert.handoff_id, message);
      if (!found.alert.channel_id || !found.alert.message_ts) return;
      const slack = await deps.clients.forTenant(data.tenantId);
      if (!slack) return;
      await withRateLimit(deps, () =>
        slack.client.chat.update({ channel: found.alert.channel_id!, ts: found.alert.message_ts!, text: message.text, blocks: message.blocks as never }),
      );
    },

    /** The `slack-sla-check` job: a reminder in the thread at the SLA, the lead mentioned at twice it. */
    async remind(data: { tenantId: string; handoffId: string; level: 1 | 2 }): Promise<void> {
      const alert = await deps.slack.getAlert(data.tenantId, data.handoffId);
      if (!alert || alert.status !== 'open' || !alert.channel_id || !alert.message_ts) return;
      const slack = await deps.clients.forTenant(data.tenantId);
      if (!slack) return;
      const route = await deps.slack.routeFor(data.tenantId, alert.queue);
      // Counted before posting: a crash in between loses one reminder rather than sending it twice.
      const taken = await deps.slack.takeReminder(alert.handoff_id, data.level);
      if (!taken) return;
      const minutes = route?.sla_minutes ?? 15;
      const text =
        data.level === 1
          ? `:alarm_clock: Still unclaimed after ${minutes} min (the SLA). Who can take it?`
          : `:rotating_light: ${route?.lead_user_id ? `<@${route.lead_user_id}> ` : ''}still unclaimed after ${minutes * 2} min, twice the SLA.`;
      await pacer.wait(alert.channel_id);
      await withRateLimit(deps, () => slack.client.chat.postMessage({ channel: alert.channel_id!, thread_ts: alert.message_ts!, text }));
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
