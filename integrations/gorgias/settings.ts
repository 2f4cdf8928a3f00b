import { z } from 'zod';
import { DEFAULT_GORGIAS_HANDOFF_TAG } from './normalize';

export const gorgiasSettingsSchema = z.object({
  /** `acme` for acme.gorgias.com: deep links are built from it alone. */
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the Gorgias subdomain, e.g. acme for acme.gorgias.com'),
  /** The user whose API key is used; internal notes are written as this user. */
  email: z.email(),
  /** Where the API answers; default https://<domain>.gorgias.com (set only for a local stand-in). */
  api_base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  handoff_tag: z.string().min(1).max(80).default(DEFAULT_GORGIAS_HANDOFF_TAG),
  /** Senders (e-mails) whose agent-side messages are automated. */
  bot_sender_emails: z.array(z.email()).default([]),
});

export const gorgiasSecretsSchema = z.object({
  api_key: z.string().min(8, 'must be the Gorgias REST API key'),
  /** The value the admin puts in the HTTP integration's X-Baton-Secret header. */
  webhook_secret: z.string().min(16, 'must be at least 16 characters'),
});

export type GorgiasSettings = z.output<typeof gorgiasSettingsSchema>;
export type GorgiasSecrets = z.output<typeof gorgiasSecretsSchema>;

export function gorgiasTicketUrl(domain: string, ticketId: string): string {
  return `https://${domain}.gorgias.com/app/ticket/${encodeURIComponent(ticketId)}`;
}
