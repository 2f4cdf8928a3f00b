import { z } from 'zod';
import { QUEUE_NAME } from '../../server/domain/queue-name';
import { DEFAULT_HANDOFF_TAG } from './normalize';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const groupId = z.string().regex(/^\d{1,20}$/, 'must be a Zendesk group id');
/**
 * A group is chosen by the handoff's queue, compared as it is: a key no queue can be named
 * ("Shipping", " shipping", a NUL, 2 kB of text) would be stored and never match, its tickets left
 * in no group.
 */
const queueKey = z
  .string()
  .regex(QUEUE_NAME, 'must be a queue name: 1 to 100 lower-case letters (a-z), digits, _ or -, starting with a letter or digit, as the policy names queues');

/** What an admin sets when connecting Zendesk (stored as is). Secrets live apart, encrypted. */
export const zendeskSettingsSchema = z.object({
  /** `acme` for acme.zendesk.com: deep links are built from it alone. */
  subdomain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the Zendesk subdomain, e.g. acme for acme.zendesk.com'),
  /** The agent whose API token is used (API token auth). */
  email: z.email().optional(),
  /** Where the API answers; default https://<subdomain>.zendesk.com (set only for a local stand-in). */
  api_base_url: httpUrl.optional(),
  handoff_tag: z.string().regex(/^[\w:-]{1,80}$/, 'must be a Zendesk tag (letters, digits, _, -, :)').default(DEFAULT_HANDOFF_TAG),
  /**
   * A ticket created on a messaging channel is a handoff. Unset: yes, unless Sunshine Conversations
   * is connected (its passControl is then the handoff, and the ticket is linked to it).
   */
  messaging_ticket_is_handoff: z.boolean().optional(),
  /** Zendesk user ids whose comments are the bot's. */
  bot_user_ids: z.array(z.string().regex(/^\d{1,20}$/, 'must be a Zendesk user id')).default([]),
  /** Baton queue → Zendesk group id, set on the ticket at write-back. */
  group_ids: z.record(queueKey, groupId).default({}),
  /** Sunshine Conversations: the app whose passControl events come in, and its API key id. */
  sunshine_app_id: z.string().min(1).max(100).optional(),
  sunshine_key_id: z.string().min(1).max(100).optional(),
  /** Default https://<subdomain>.zendesk.com/sc. */
  sunshine_base_url: httpUrl.optional(),
});

/**
 * Settings as stored, read with today's defaults but not today's refusals: `group_ids` keys stored
 * before they had to be queue names are kept (a policy may still hold such a queue, see
 * storedPolicySchema), rather than the whole connection skipped as no longer valid. Saving the
 * settings again asks for valid ones.
 */
export const storedZendeskSettingsSchema = zendeskSettingsSchema.extend({ group_ids: z.record(z.string(), groupId).default({}) });

export const zendeskSecretsSchema = z
  .object({
    /** The webhook's signing secret. */
    webhook_secret: z.string().min(8, 'must be the webhook signing secret'),
    api_token: z.string().min(8).optional(),
    oauth_token: z.string().min(8).optional(),
    sunshine_key_secret: z.string().min(8).optional(),
    /** The Sunshine Conversations webhook's secret (sent as X-API-Key). */
    sunshine_webhook_secret: z.string().min(8).optional(),
  })
  .refine((s) => s.api_token !== undefined || s.oauth_token !== undefined, { message: 'set api_token (with email) or oauth_token', path: ['api_token'] });

export type ZendeskSettings = z.output<typeof zendeskSettingsSchema>;
export type ZendeskSecrets = z.output<typeof zendeskSecretsSchema>;

/** The agent's view of a ticket, on the tenant's own Zendesk host only. */
export function zendeskTicketUrl(subdomain: string, ticketId: string): string {
  return `https://${subdomain}.zendesk.com/agent/tickets/${encodeURIComponent(ticketId)}`;
}
