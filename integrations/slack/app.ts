import { App, ErrorCode, ExpressReceiver, webApi, type AckFn, type Installation, type InstallationQuery, type InstallationStore } from '@slack/bolt';
import type { Router } from 'express';
import type pino from 'pino';
import type { Config } from '../../server/config';
import type { JobQueue } from '../../server/jobs/job-queue';
import type { SecretBox } from '../../server/secret-box';
import type { HandoffRecord, Store } from '../../server/store/types';
import { ACTIONS, renderAlert } from './alert-message';
import { alertViewFor } from './alert-view';
import { describeRoutes, parseBatonCommand, USAGE } from './baton-command';
import { boltLogger } from './bolt-logger';
import { renderBriefModal } from './brief-modal';
import { oauthFailure } from './oauth-failure';
import { slackRequestGuard } from './request-guard';
import { SLACK_CALL_TIMEOUT_MS, type SlackClients, type WebClient } from './delivery';
import type { SlackStore } from './slack-store';

/** What the Slack app reads from the configuration (server/config.ts, docs/SLACK.md). */
export type SlackConfig = NonNullable<Config['slack']>;

/** The bot scopes the manifest asks for; the OAuth install asks for the same. */
export const BOT_SCOPES = ['chat:write', 'commands', 'users:read', 'users:read.email', 'channels:history', 'groups:history'];

export interface SlackAppDeps {
  store: Store;
  slack: SlackStore;
  jobs: JobQueue;
  box: SecretBox;
  logger: pino.Logger;
  config: SlackConfig;
  /**
   * Assigns the helpdesk ticket to the agent with this email; false when no agent matches. Absent
   * when no helpdesk writer is connected.
   */
  assignTicket?: (handoff: HandoffRecord, email: string) => Promise<boolean>;
  now?: () => Date;
}

export interface SlackApp {
  /** Mount before any body parser: Bolt reads the raw body to check Slack's signature. */
  router: Router;
  clients: SlackClients;
}

const sealContext = (teamId: string) => `slack:${teamId}`;

/** Installations in our database, bot tokens sealed (AES-256-GCM). */
function installationStore(deps: SlackAppDeps): InstallationStore {
  const teamOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
    (q.isEnterpriseInstall ? q.enterpriseId : q.teamId) ?? q.enterpriseId ?? '';
  return {
    async storeInstallation(installation) {
      const teamId = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
      if (!teamId || !installation.bot?.token) throw new Error('Slack installation without a team or a bot token');
      await deps.slack.saveInstallation({
        team_id: teamId,
        enterprise_id: installation.enterprise?.id ?? null,
        tenant_id: null,
        bot_user_id: installation.bot.userId ?? null,
        bot_id: installation.bot.id ?? null,
        bot_token_enc: deps.box.seal(installation.bot.token, sealContext(teamId)),
      });
      deps.logger.info({ team: teamId }, 'Slack workspace installed; link it to a tenant to route alerts');
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const teamId = teamOf(query);
      const row = await deps.slack.findInstallation(teamId);
      if (!row || row.revoked_at) throw new Error(`no Slack installation for ${teamId}`);
      const installation = {
        team: query.isEnterpriseInstall ? undefined : { id: teamId },
        enterprise: row.enterprise_id ? { id: row.enterprise_id } : undefined,
        isEnterpriseInstall: Boolean(query.isEnterpriseInstall),
        bot: { token: deps.box.open(row.bot_token_enc, sealContext(teamId)), userId: row.bot_user_id ?? '', id: row.bot_id ?? '', scopes: BOT_SCOPES },
      };
      return installation as unknown as Installation<'v2', boolean>;
    },
    async deleteInstallation(query) {
      await deps.slack.revokeInstallation(teamOf(query));
    },
  };
}

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, slack, store } = deps;
  const logger = boltLogger(deps.logger);
  const now = deps.now ?? (() => new Date());
  const oauth = Boolean(config.clientId && config.clientSecret && config.stateSecret);
  // The client rejects rate-limited calls instead of retrying them silently: our jobs wait as told.
  // The timeout bounds how long a post can stay in flight within its claim (delivery.ts).
  const clientOptions = { rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: SLACK_CALL_TIMEOUT_MS, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), logger };

  const receiver = new ExpressReceiver({
    signingSecret: config.signingSecret,
    endpoints: '/slack/events',
    // Checks the signature and the body's shape first: Bolt answers 500 to bodies it cannot route.
    // The guard also parses the body once and hands Bolt the result (request-guard.ts), so Bolt's
    // own check of the signature, over bytes it no longer sees, is off: the guard's is the check.
    router: slackRequestGuard({ signingSecret: config.signingSecret, logger: deps.logger, ...(oauth ? { oauthRedirectPath: '/slack/oauth_redirect' } : {}) }),
    signatureVerification: false,
    processBeforeResponse: true,
    logger,
    ...(oauth
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          stateSecret: config.stateSecret,
          scopes: BOT_SCOPES,
          installationStore: installationStore(deps),
          installerOptions: {
            installPath: '/slack/install',
            redirectUriPath: '/slack/oauth_redirect',
            directInstall: true,
            clientOptions,
            // A cancelled install or a refused code is the caller's: 400, not @slack/oauth's 500.
            callbackOptions: { failure: oauthFailure },
          },
        }
      : {}),
  });

  const app = new App({
    receiver,
    logger,
    clientOptions,
    // Single-workspace mode hands Bolt the token; no auth.test call at start (none is reachable in tests).
    ...(oauth ? {} : { authorize: async () => ({ botToken: config.botToken ?? '' }) }),
  });

  // Catch-all: a command, action, view, shortcut or options request no listener acknowledged (another
  // slash command, an action id we do not use, a modal's submission) is acknowledged once the
  // listeners are done (processBeforeResponse), instead of Bolt's empty 404 three seconds later.
  app.use(async (args) => {
    const { ack } = args as { ack?: AckFn<unknown> };
    try {
      await args.next();
    } finally {
      if (ack) {
        await ack().catch((error: { code?: string }) => {
          // A listener acknowledged it already: nothing to add.
          if (error?.code !== ErrorCode.ReceiverMultipleAckError) throw error;
        });
      }
    }
  });

  const clientCache = new Map<string, WebClient>();
  const clientFor = (token: string) => {
    let client = clientCache.get(token);
    if (!client) {
      client = new webApi.WebClient(token, clientOptions);
      clientCache.set(token, client);
    }
    return client;
  };

  /** The tenant a workspace belongs to: the one tenant in single mode, the linked one with OAuth. */
  async function tenantIdForTeam(teamId: string | undefined): Promise<string | null> {
    if (!oauth) return (await store.findTenantByName(config.tenantName))?.id ?? null;
    if (!teamId) return null;
    const row = await slack.findInstallation(teamId);
    return row && !row.revoked_at ? row.tenant_id : null;
  }

  const clients: SlackClients = {
    async forTenant(tenantId) {
      if (!oauth) {
        if (!config.botToken) return null;
        const tenant = await store.findTenantByName(config.tenantName);
        return tenant?.id === tenantId ? { client: clientFor(config.botToken), teamId: null } : null;
      }
      const row = await slack.findInstallationForTenant(tenantId);
      if (!row) return null;
      return { client: clientFor(deps.box.open(row.bot_token_enc, sealContext(row.team_id))), teamId: row.team_id };
    },
  };

  async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
    const res = await client.users.info({ user: userId });
    return Boolean(res.user?.is_admin || res.user?.is_owner);
  }

  app.command('/baton', async ({ command, ack, client }) => {
    const tenantId = await tenantIdForTeam(command.team_id);
    if (!tenantId) {
      await ack({ response_type: 'ephemeral', text: 'This workspace is not linked to a Baton tenant yet. An admin links it with `baton tenants slack-link <tenant> <team id>`.' });
      return;
    }
    const parsed = parseBatonCommand(command.text ?? '');
    switch (parsed.kind) {
      case 'show':
        await ack({ response_type: 'ephemeral', text: describeRoutes(await slack.listRoutes(tenantId)) });
        return;
      case 'help':
        await ack({ response_type: 'ephemeral', text: USAGE });
        return;
      case 'invalid':
        await ack({ response_type: 'ephemeral', text: parsed.message });
        return;
      default:
        break;
    }
    if (!(await isWorkspaceAdmin(client, command.user_id))) {
      await ack({ response_type: 'ephemeral', text: 'Only workspace admins can change where Baton alerts go.' });
      return;
    }
    if (parsed.kind === 'route') {
      const route = await slack.setRoute(tenantId, {
        queue: parsed.queue,
        channel_id: parsed.channelId,
        lead_user_id: parsed.leadUserId ?? null,
        ...(parsed.slaMinutes !== undefined ? { sla_minutes: parsed.slaMinutes } : {}),
      });
      await ack({ response_type: 'ephemeral', text: `Done.\n${describeRoutes([route])}` });
    } else {
      const removed = await slack.removeRoute(tenantId, parsed.queue);
      await ack({ response_type: 'ephemeral', text: removed ? `\`${parsed.queue}\` is no longer alerted.` : `\`${parsed.queue}\` had no channel.` });
    }
  });

  /** The handoff a button points at, if it belongs to the clicking workspace's tenant. */
  async function clickedHandoff(handoffId: string | undefined, teamId: string | undefined) {
    const alert = handoffId ? await slack.getAlertForClick(handoffId) : null;
    if (!alert) return null;
    const tenantId = await tenantIdForTeam(teamId);
    if (tenantId !== alert.tenant_id) return null;
    return alert;
  }

  app.action(ACTIONS.claim, async ({ ack, body, action, client }) => {
    await ack();
    const handoffId = (action as { value?: string }).value;
    const userId = body.user.id;
    const channelId = body.channel?.id;
    const alert = await clickedHandoff(handoffId, body.team?.id);
    if (!alert) return;
    const result = await slack.claim(alert.handoff_id, userId, now());
    if (!result.won) {
      const holder = result.alert;
      const text =
        holder?.status === 'resolved'
          ? 'This escalation is already resolved.'
          : holder?.claimed_by === userId
            ? 'You already have this one.'
            : `Already claimed by <@${holder?.claimed_by}>.`;
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, text });
      return;
    }
    const handoff = await store.getHandoff(alert.tenant_id, alert.handoff_id);
    if (!handoff) return;
    const message = renderAlert(alertViewFor(handoff, result.alert));
    await slack.saveMessage(alert.handoff_id, message);
    if (alert.channel_id && alert.message_ts) {
      await client.chat.update({ channel: alert.channel_id, ts: alert.message_ts, text: message.text, blocks: message.blocks as never });
    }
    // Assign in the helpdesk by the Slack user's email; say in the thread when no agent matches.
    let note = `<@${userId}> claimed this.`;
    if (deps.assignTicket && handoff.ticket) {
      const info = await client.users.info({ user: userId });
      const email = info.user?.profile?.email;
      const assigned = email ? await deps.assignTicket(handoff, email).catch(() => false) : false;
      note += assigned ? ' The ticket is assigned to them.' : ' No helpdesk agent matches their email: assign the ticket by hand.';
    }
    if (alert.channel_id && alert.message_ts) {
      await client.chat.postMessage({ channel: alert.channel_id, thread_ts: alert.message_ts, text: note });
    }
  });

  app.action(ACTIONS.viewBrief, async ({ ack, body, action, client }) => {
    await ack();
    const alert = await clickedHandoff((action as { value?: string }).value, body.team?.id);
    const handoff = alert ? await store.getHandoff(alert.tenant_id, alert.handoff_id) : null;
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!handoff || !triggerId) return;
    await client.views.open({ trigger_id: triggerId, view: renderBriefModal(handoff.assessment, handoff.ticket?.url) as never });
  });

  // A link button still sends an action; acknowledging it keeps Slack from showing an error.
  app.action(ACTIONS.openTicket, async ({ ack }) => {
    await ack();
  });

  app.event('app_uninstalled', async ({ body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (teamId) await slack.revokeInstallation(teamId);
  });
  app.event('tokens_revoked', async ({ body, event }) => {
    const teamId = (body as { team_id?: string }).team_id;
    // Slack's event lists the revoked tokens (tokens.oauth, tokens.bot). A signed one without that list
    // names nothing to revoke; it is Slack's malformed event, not Baton's error, so it is not thrown on.
    const tokens = (event as { tokens?: typeof event.tokens }).tokens;
    if (!tokens) {
      deps.logger.warn({ component: 'slack', team: teamId }, 'Slack tokens_revoked event without its tokens; ignored');
      return;
    }
    if (teamId && (tokens.bot?.length ?? 0) > 0) await slack.revokeInstallation(teamId);
  });

  app.error(async (error) => {
    deps.logger.error({ err: error }, 'Slack handler failed');
  });

  return { router: receiver.router, clients };
}
