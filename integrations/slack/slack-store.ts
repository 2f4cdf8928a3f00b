import type { Sql } from '../../server/store/types';
import { isoTime, isUuid } from '../../server/store/rows';
import type { SlackMessage } from './alert-message';

/**
 * What the Slack app keeps: channel routes per queue, installations, and one alert per handoff. Every
 * state change is one conditional statement, so concurrent clicks and jobs cannot double-book.
 */

export interface SlackRoute {
  queue: string;
  channel_id: string;
  lead_user_id: string | null;
  sla_minutes: number;
}

export type AlertStatus = 'open' | 'claimed' | 'resolved';

export interface SlackAlert {
  handoff_id: string;
  tenant_id: string;
  queue: string;
  channel_id: string | null;
  team_id: string | null;
  message_ts: string | null;
  status: AlertStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  resolved_at: string | null;
  first_reply_at: string | null;
  sla_due_at: string | null;
  reminders_sent: number;
  message: SlackMessage;
  created_at: string;
}

export interface StoredInstallation {
  team_id: string;
  enterprise_id: string | null;
  tenant_id: string | null;
  bot_user_id: string | null;
  bot_id: string | null;
  bot_token_enc: string;
  revoked_at: string | null;
}

type AlertRow = Omit<SlackAlert, 'claimed_at' | 'resolved_at' | 'first_reply_at' | 'sla_due_at' | 'created_at'> & {
  claimed_at: Date | string | null;
  resolved_at: Date | string | null;
  first_reply_at: Date | string | null;
  sla_due_at: Date | string | null;
  created_at: Date | string;
};

const time = (value: Date | string | null): string | null => (value === null ? null : isoTime(value));

function toAlert(row: AlertRow): SlackAlert {
  return {
    ...row,
    claimed_at: time(row.claimed_at),
    resolved_at: time(row.resolved_at),
    first_reply_at: time(row.first_reply_at),
    sla_due_at: time(row.sla_due_at),
    created_at: isoTime(row.created_at),
  };
}

/** The result of a claim: who holds the alert now, and whether this click won it. */
export type ClaimResult =
  | { won: true; alert: SlackAlert }
  | { won: false; alert: SlackAlert | null };

/** A claim this job holds on posting an alert; `token` and `previous` are post_started_at values. */
export interface HeldPostClaim {
  claimed: true;
  token: string;
  previous: string | null;
  earlierAttempt: boolean;
}

/** Not claimed: the alert was posted meanwhile, or another job holds a live claim on its post. */
export type PostClaim = HeldPostClaim | { claimed: false; posted: boolean };

export interface SlackStore {
  listRoutes(tenantId: string): Promise<SlackRoute[]>;
  routeFor(tenantId: string, queue: string): Promise<SlackRoute | null>;
  setRoute(tenantId: string, route: { queue: string; channel_id: string; lead_user_id?: string | null; sla_minutes?: number }): Promise<SlackRoute>;
  removeRoute(tenantId: string, queue: string): Promise<boolean>;

  /** Creates the alert row once per handoff; a second call returns the first row unchanged. */
  ensureAlert(input: {
    tenantId: string;
    handoffId: string;
    queue: string;
    channelId: string | null;
    teamId: string | null;
    slaDueAt: Date | null;
    message: SlackMessage;
  }): Promise<SlackAlert>;
  getAlert(tenantId: string, handoffId: string): Promise<SlackAlert | null>;
  /** The alert a button click points at (its value holds the handoff id; the team checks the tenant). */
  getAlertForClick(handoffId: string): Promise<SlackAlert | null>;
  /** Records where the post landed; only the first recorded ts counts. */
  recordPosted(handoffId: string, messageTs: string): Promise<SlackAlert | null>;
  /**
   * Claims the post of an alert not yet posted, for `leaseSeconds`: the one conditional statement
   * that lets a single job at a time, across processes, call chat.postMessage for it. A claim older
   * than the lease is taken over (its holder is presumed dead); `earlierAttempt` then says the holder
   * may have reached Slack before its ts was recorded, so the new holder must look for the message.
   */
  claimPost(handoffId: string, leaseSeconds: number): Promise<PostClaim>;
  /**
   * Gives a claim back as it was before it was taken (`claim.previous`), once its post is known not to
   * have reached Slack; a claim taken over since (lapsed) is left alone.
   */
  releasePost(handoffId: string, claim: HeldPostClaim): Promise<void>;
  saveMessage(handoffId: string, message: SlackMessage): Promise<void>;
  /** The first click on an open alert wins; any later click (or a click after resolve) loses. */
  claim(handoffId: string, userId: string, at: Date): Promise<ClaimResult>;
  /** Open or claimed → resolved; a second resolve changes nothing. */
  resolve(handoffId: string, at: Date): Promise<SlackAlert | null>;
  recordFirstReply(handoffId: string, at: Date): Promise<SlackAlert | null>;
  /** Counts a reminder at `level` (1 = SLA, 2 = twice the SLA) once, and only while still open. */
  takeReminder(handoffId: string, level: 1 | 2): Promise<SlackAlert | null>;

  saveInstallation(install: Omit<StoredInstallation, 'revoked_at'>): Promise<void>;
  findInstallation(teamId: string): Promise<StoredInstallation | null>;
  findInstallationForTenant(tenantId: string): Promise<StoredInstallation | null>;
  revokeInstallation(teamId: string): Promise<void>;
  linkInstallation(teamId: string, tenantId: string): Promise<boolean>;
}

const ALERT_COLUMNS = `handoff_id, tenant_id, queue, channel_id, team_id, message_ts, status, claimed_by, claimed_at,
  resolved_at, first_reply_at, sla_due_at, reminders_sent, message, created_at`;

/**
 * Whether a stored brief has an alert to render: an escalation whose queue is routed to a channel, or
 * one already alerted (its message is updated in place even if the route was removed since). Anything
 * else would be rendered for nobody: the preview (`GET /v1/handoffs/:id/slack-alert`) renders such an
 * alert when asked, and skipping it here spares every unrouted handoff a job and three statements.
 */
export async function hasAlertTarget(sql: Sql, tenantId: string, handoffId: string): Promise<boolean> {
  const { rows } = await sql.query(
    `SELECT 1 FROM handoffs h
     WHERE h.id = $1 AND h.tenant_id = $2 AND h.escalate
       AND (EXISTS (SELECT 1 FROM slack_routes r WHERE r.tenant_id = h.tenant_id AND r.queue = h.queue)
         OR EXISTS (SELECT 1 FROM slack_alerts a WHERE a.handoff_id = h.id))`,
    [handoffId, tenantId],
  );
  return rows.length > 0;
}

export function createSlackStore(db: Sql): SlackStore {
  const one = async (text: string, params: unknown[]): Promise<SlackAlert | null> => {
    const { rows } = await db.query<AlertRow>(text, params);
    return rows[0] ? toAlert(rows[0]) : null;
  };

  return {
    async listRoutes(tenantId) {
      if (!isUuid(tenantId)) return [];
      const { rows } = await db.query<SlackRoute>(
        'SELECT queue, channel_id, lead_user_id, sla_minutes FROM slack_routes WHERE tenant_id = $1 ORDER BY queue',
        [tenantId],
      );
      return rows;
    },

    async routeFor(tenantId, queue) {
      if (!isUuid(tenantId)) return null;
      const { rows } = await db.query<SlackRoute>(
        'SELECT queue, channel_id, lead_user_id, sla_minutes FROM slack_routes WHERE tenant_id = $1 AND queue = $2',
        [tenantId, queue],
      );
      return rows[0] ?? null;
    },

    async setRoute(tenantId, route) {
      const { rows } = await db.query<SlackRoute>(
        `INSERT INTO slack_routes (tenant_id, queue, channel_id, lead_user_id, sla_minutes)
         VALUES ($1, $2, $3, $4, COALESCE($5, 15))
         ON CONFLICT (tenant_id, queue) DO UPDATE SET channel_id = EXCLUDED.channel_id,
           lead_user_id = EXCLUDED.lead_user_id, sla_minutes = COALESCE($5, slack_routes.sla_minutes), updated_at = now()
         RETURNING queue, channel_id, lead_user_id, sla_minutes`,
        [tenantId, route.queue, route.channel_id, route.lead_user_id ?? null, route.sla_minutes ?? null],
      );
      return rows[0]!;
    },

    async removeRoute(tenantId, queue) {
      if (!isUuid(tenantId)) return false;
      const { rows } = await db.query('DELETE FROM slack_routes WHERE tenant_id = $1 AND queue = $2 RETURNING queue', [tenantId, queue]);
      return rows.length > 0;
    },

    async ensureAlert(input) {
      const inserted = await one(
        `INSERT INTO slack_alerts (handoff_id, tenant_id, queue, channel_id, team_id, sla_due_at, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (handoff_id) DO NOTHING
         RETURNING ${ALERT_COLUMNS}`,
        [input.handoffId, input.tenantId, input.queue, input.channelId, input.teamId, input.slaDueAt, JSON.stringify(input.message)],
      );
      return inserted ?? (await one(`SELECT ${ALERT_COLUMNS} FROM slack_alerts WHERE handoff_id = $1`, [input.handoffId]))!;
    },

    async getAlert(tenantId, handoffId) {
      if (!isUuid(tenantId) || !isUuid(handoffId)) return null;
      return one(`SELECT ${ALERT_COLUMNS} FROM slack_alerts WHERE tenant_id = $1 AND handoff_id = $2`, [tenantId, handoffId]);
    },

    async getAlertForClick(handoffId) {
      if (!isUuid(handoffId)) return null;
      return one(`SELECT ${ALERT_COLUMNS} FROM slack_alerts WHERE handoff_id = $1`, [handoffId]);
    },

    recordPosted: (handoffId, messageTs) =>
      one(
        `UPDATE slack_alerts SET message_ts = $2, updated_at = now() WHERE handoff_id = $1 AND message_ts IS NULL
         RETURNING ${ALERT_COLUMNS}`,
        [handoffId, messageTs],
      ),

    async claimPost(handoffId, leaseSeconds) {
      if (!isUuid(handoffId)) return { claimed: false, posted: false };
      // The row lock of the subquery makes two claims queue; the second then sees the first's
      // post_started_at, still within its lease, and updates nothing. The values go out as text so
      // that the token keeps Postgres's microseconds (a JS Date would drop them) for releasePost.
      const { rows } = await db.query<{ token: string; previous: string | null }>(
        `UPDATE slack_alerts s SET post_started_at = now()
         FROM (SELECT post_started_at FROM slack_alerts WHERE handoff_id = $1 FOR UPDATE) before
         WHERE s.handoff_id = $1 AND s.message_ts IS NULL AND s.channel_id IS NOT NULL
           AND (s.post_started_at IS NULL OR s.post_started_at <= now() - $2 * interval '1 second')
         RETURNING s.post_started_at::text AS token, before.post_started_at::text AS previous`,
        [handoffId, leaseSeconds],
      );
      const row = rows[0];
      if (row) return { claimed: true, token: row.token, previous: row.previous, earlierAttempt: row.previous !== null };
      const { rows: now } = await db.query<{ message_ts: string | null }>('SELECT message_ts FROM slack_alerts WHERE handoff_id = $1', [handoffId]);
      return { claimed: false, posted: Boolean(now[0]?.message_ts) };
    },

    async releasePost(handoffId, claim) {
      await db.query(
        `UPDATE slack_alerts SET post_started_at = $3::timestamptz
         WHERE handoff_id = $1 AND post_started_at = $2::timestamptz AND message_ts IS NULL`,
        [handoffId, claim.token, claim.previous],
      );
    },

    async saveMessage(handoffId, message) {
      await db.query('UPDATE slack_alerts SET message = $2, updated_at = now() WHERE handoff_id = $1', [handoffId, JSON.stringify(message)]);
    },

    async claim(handoffId, userId, at) {
      if (!isUuid(handoffId)) return { won: false, alert: null };
      const won = await one(
        `UPDATE slack_alerts SET status = 'claimed', claimed_by = $2, claimed_at = $3, updated_at = now()
         WHERE handoff_id = $1 AND status = 'open'
         RETURNING ${ALERT_COLUMNS}`,
        [handoffId, userId, at],
      );
      if (won) return { won: true, alert: won };
      return { won: false, alert: await one(`SELECT ${ALERT_COLUMNS} FROM slack_alerts WHERE handoff_id = $1`, [handoffId]) };
    },

    resolve: (handoffId, at) =>
      one(
        `UPDATE slack_alerts SET status = 'resolved', resolved_at = $2, updated_at = now()
         WHERE handoff_id = $1 AND status IN ('open', 'claimed')
         RETURNING ${ALERT_COLUMNS}`,
        [handoffId, at],
      ),

    recordFirstReply: (handoffId, at) =>
      one(
        `UPDATE slack_alerts SET first_reply_at = $2, updated_at = now() WHERE handoff_id = $1 AND first_reply_at IS NULL
         RETURNING ${ALERT_COLUMNS}`,
        [handoffId, at],
      ),

    takeReminder: (handoffId, level) =>
      one(
        `UPDATE slack_alerts SET reminders_sent = $2, updated_at = now()
         WHERE handoff_id = $1 AND status = 'open' AND reminders_sent < $2
         RETURNING ${ALERT_COLUMNS}`,
        [handoffId, level],
      ),

    async saveInstallation(install) {
      await db.query(
        `INSERT INTO slack_installations (team_id, enterprise_id, tenant_id, bot_user_id, bot_id, bot_token_enc)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,
           tenant_id = COALESCE(EXCLUDED.tenant_id, slack_installations.tenant_id), bot_user_id = EXCLUDED.bot_user_id,
           bot_id = EXCLUDED.bot_id, bot_token_enc = EXCLUDED.bot_token_enc, installed_at = now(), revoked_at = NULL`,
        [install.team_id, install.enterprise_id, install.tenant_id, install.bot_user_id, install.bot_id, install.bot_token_enc],
      );
    },

    async findInstallation(teamId) {
      const { rows } = await db.query<StoredInstallation & { revoked_at: Date | string | null }>(
        `SELECT team_id, enterprise_id, tenant_id, bot_user_id, bot_id, bot_token_enc, revoked_at
         FROM slack_installations WHERE team_id = $1`,
        [teamId],
      );
      const row = rows[0];
      return row ? { ...row, revoked_at: time(row.revoked_at) } : null;
    },

    async findInstallationForTenant(tenantId) {
      if (!isUuid(tenantId)) return null;
      const { rows } = await db.query<StoredInstallation>(
        `SELECT team_id, enterprise_id, tenant_id, bot_user_id, bot_id, bot_token_enc, revoked_at
         FROM slack_installations WHERE tenant_id = $1 AND revoked_at IS NULL ORDER BY installed_at DESC LIMIT 1`,
        [tenantId],
      );
      return rows[0] ?? null;
    },

    async revokeInstallation(teamId) {
      await db.query('UPDATE slack_installations SET revoked_at = now() WHERE team_id = $1 AND revoked_at IS NULL', [teamId]);
    },

    async linkInstallation(teamId, tenantId) {
      if (!isUuid(tenantId)) return false;
      const { rows } = await db.query('UPDATE slack_installations SET tenant_id = $2 WHERE team_id = $1 RETURNING team_id', [teamId, tenantId]);
      return rows.length > 0;
    },
  };
}
