import { z } from 'zod';
import type { TicketUpdate } from '../connectors/types';
import { NotFoundError, ValidationError } from '../errors';
import { isoTime, isUuid } from '../store/rows';
import type { Database, Sql } from '../store/types';
import { parseOrThrow } from '../validation';
import { integrationDefinition, PROVIDERS } from './registry';
import type { SecretBox } from '../secret-box';

/** What admins see of a connection: settings and which secrets are set, never their values. */
export interface IntegrationSummary {
  provider: string;
  settings: Record<string, unknown>;
  secrets_set: string[];
  created_at: string;
  updated_at: string;
}

export interface OpenedIntegration {
  provider: string;
  settings: unknown;
  secrets: unknown;
  updated_at: string;
}

interface IntegrationRow {
  provider: string;
  settings: Record<string, unknown>;
  secrets_sealed: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const json = (value: unknown) => JSON.stringify(value);

/** The sealed blob is bound to its tenant and provider (AES-GCM associated data). */
/**
 * What a connection's secrets are sealed to. The tenant id in its canonical lower case: Postgres
 * matches a uuid in any case, so a URL naming the tenant in capitals finds the same rows, and must
 * open them too.
 */
const sealContext = (tenantId: string, provider: string) => `baton:integration:${tenantId.toLowerCase()}:${provider}`;

/**
 * A field the provider's schema does not know. The schemas are plain objects, which drop unknown
 * fields: a misspelt "stuck_after_dayz" would be stored as the default and a misspelt secret as no
 * secret at all, replacing the key that was set. So an unknown name is refused, naming it.
 */
function refuseUnknownFields(schema: z.ZodType, value: unknown, where: 'settings' | 'secrets'): void {
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new ValidationError(`unknown ${where} field (known: ${known.join(', ') || 'none'})`, `${where}.${unknown}`);
}

function definitionOf(provider: string) {
  const definition = integrationDefinition(provider);
  if (!definition) throw new ValidationError(`provider: must be one of ${PROVIDERS.join(', ')}`, 'provider');
  return definition;
}

/**
 * Tenants' connected vendors, the write-back ledger and ticket follow-ups (migration 004). Secrets
 * are validated, sealed with the SecretBox (AES-256-GCM, server/secret-box.ts) and only ever opened for building a client.
 */
export function createIntegrationStore(db: Database, box: SecretBox) {
  return {
    /** Validates and stores a connection (replacing the tenant's earlier one for that provider). */
    async connect(tenantId: string, provider: string, input: { settings?: unknown; secrets?: unknown }): Promise<IntegrationSummary> {
      const definition = definitionOf(provider);
      refuseUnknownFields(definition.settingsSchema, input.settings, 'settings');
      refuseUnknownFields(definition.secretsSchema, input.secrets, 'secrets');
      const settings = parseOrThrow(definition.settingsSchema, input.settings ?? {}, 'settings', 'settings');
      const secrets = parseOrThrow(definition.secretsSchema, input.secrets ?? {}, 'secrets', 'secrets');
      if (!isUuid(tenantId)) throw new NotFoundError('tenant not found');
      try {
        const { rows } = await db.query<IntegrationRow>(
          `INSERT INTO tenant_integrations (tenant_id, provider, settings, secrets_sealed) VALUES ($1, $2, $3::text::jsonb, $4)
           ON CONFLICT (tenant_id, provider) DO UPDATE SET settings = EXCLUDED.settings, secrets_sealed = EXCLUDED.secrets_sealed, updated_at = now()
           RETURNING provider, settings, secrets_sealed, created_at, updated_at`,
          [tenantId, provider, json(settings), box.seal(JSON.stringify(secrets), sealContext(tenantId, provider))],
        );
        return summary(rows[0]!, Object.keys(secrets as object));
      } catch (error) {
        if ((error as { code?: string }).code === '23503') throw new NotFoundError('tenant not found');
        throw error;
      }
    },

    async list(tenantId: string): Promise<IntegrationSummary[]> {
      if (!isUuid(tenantId)) return [];
      const { rows } = await db.query<IntegrationRow>(
        'SELECT provider, settings, secrets_sealed, created_at, updated_at FROM tenant_integrations WHERE tenant_id = $1 ORDER BY provider',
        [tenantId],
      );
      return rows.map((row) => summary(row, Object.keys(JSON.parse(box.open(row.secrets_sealed, sealContext(tenantId, row.provider))) as object)));
    },

    /** Settings and opened secrets, for building clients; never for an API answer or a log line. */
    async open(tenantId: string): Promise<OpenedIntegration[]> {
      if (!isUuid(tenantId)) return [];
      const { rows } = await db.query<IntegrationRow>(
        'SELECT provider, settings, secrets_sealed, created_at, updated_at FROM tenant_integrations WHERE tenant_id = $1 ORDER BY provider',
        [tenantId],
      );
      return rows.map((row) => ({
        provider: row.provider,
        settings: row.settings,
        secrets: JSON.parse(box.open(row.secrets_sealed, sealContext(tenantId, row.provider))) as unknown,
        updated_at: isoTime(row.updated_at),
      }));
    },

    async disconnect(tenantId: string, provider: string): Promise<boolean> {
      // Only a known provider can be connected (a NUL in the URL's name would fail the query).
      if (!isUuid(tenantId) || !integrationDefinition(provider)) return false;
      const { rows } = await db.query('DELETE FROM tenant_integrations WHERE tenant_id = $1 AND provider = $2 RETURNING provider', [tenantId, provider]);
      return rows.length === 1;
    },

    async inboundEventByKey(source: string, eventId: string): Promise<{ tenant_id: string | null; payload: unknown } | null> {
      const { rows } = await db.query<{ tenant_id: string | null; payload: unknown }>(
        'SELECT tenant_id, payload FROM inbound_events WHERE source = $1 AND event_id = $2',
        [source, eventId],
      );
      return rows[0] ?? null;
    },

    async noteWritten(handoffId: string, version: number, provider: string): Promise<boolean> {
      const { rows } = await db.query('SELECT 1 FROM helpdesk_notes WHERE handoff_id = $1 AND version = $2 AND provider = $3', [handoffId, version, provider]);
      return rows.length > 0;
    },

    /**
     * Claims the writing of one note for `seconds`: false while another job's claim is current.
     * Taken and checked in one statement, so of two jobs at once exactly one gets it.
     */
    async claimNote(handoffId: string, version: number, provider: string, seconds: number): Promise<boolean> {
      const { rows } = await db.query(
        `INSERT INTO helpdesk_note_claims (handoff_id, version, provider, claimed_until)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (handoff_id, version, provider) DO UPDATE SET claimed_until = EXCLUDED.claimed_until
         WHERE helpdesk_note_claims.claimed_until < now()
         RETURNING 1`,
        [handoffId, version, provider, seconds],
      );
      return rows.length === 1;
    },

    /** Lets go of a claim (the write failed and will be retried). */
    async releaseNote(handoffId: string, version: number, provider: string): Promise<void> {
      await db.query('DELETE FROM helpdesk_note_claims WHERE handoff_id = $1 AND version = $2 AND provider = $3', [handoffId, version, provider]);
    },

    async recordNote(handoffId: string, version: number, provider: string, sql: Sql = db): Promise<void> {
      await sql.query(
        'INSERT INTO helpdesk_notes (handoff_id, version, provider) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [handoffId, version, provider],
      );
    },

    /** Merges what an event says about a ticket; the first public reply keeps the earliest time seen. */
    async recordFollowup(tenantId: string, provider: string, ticketId: string, update: TicketUpdate): Promise<void> {
      await db.query(
        `INSERT INTO ticket_followups (tenant_id, provider, ticket_id, first_public_reply_at, assignee_id, status, solved_at, satisfaction)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, provider, ticket_id) DO UPDATE SET
           first_public_reply_at = LEAST(ticket_followups.first_public_reply_at, EXCLUDED.first_public_reply_at),
           assignee_id = CASE WHEN $9 THEN EXCLUDED.assignee_id ELSE ticket_followups.assignee_id END,
           status = COALESCE(EXCLUDED.status, ticket_followups.status),
           solved_at = COALESCE(EXCLUDED.solved_at, ticket_followups.solved_at),
           satisfaction = COALESCE(EXCLUDED.satisfaction, ticket_followups.satisfaction),
           updated_at = now()`,
        [
          tenantId,
          provider,
          ticketId,
          validTime(update.firstPublicAgentReplyAt),
          update.assigneeId ?? null,
          update.status ?? null,
          validTime(update.solvedAt),
          update.satisfaction ?? null,
          update.assigneeId !== undefined,
        ],
      );
    },

    async followup(tenantId: string, provider: string, ticketId: string): Promise<Record<string, unknown> | null> {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT first_public_reply_at, assignee_id, status, solved_at, satisfaction FROM ticket_followups
         WHERE tenant_id = $1 AND provider = $2 AND ticket_id = $3`,
        [tenantId, provider, ticketId],
      );
      return rows[0] ?? null;
    },
  };
}

export type IntegrationStore = ReturnType<typeof createIntegrationStore>;

function validTime(value: string | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

function summary(row: IntegrationRow, secretNames: string[]): IntegrationSummary {
  return { provider: row.provider, settings: row.settings, secrets_set: secretNames.sort(), created_at: isoTime(row.created_at), updated_at: isoTime(row.updated_at) };
}
