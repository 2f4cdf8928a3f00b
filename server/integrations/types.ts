import type { z } from 'zod';
import type { Conversation } from '../domain/conversation';
import type { ContextConnector, HelpdeskEvent, HelpdeskWriter, InboundRequest } from '../connectors/types';

/** A webhook source an integration answers on: `/webhooks/<source>/:tenant`. */
export interface WebhookSource {
  receive(request: InboundRequest, now: Date): HelpdeskEvent[];
}

/** One tenant's connected vendor, built from its settings and (opened) secrets. */
export interface BuiltIntegration {
  connector?: ContextConnector;
  writer?: HelpdeskWriter;
  /** Keyed by webhook source name (`zendesk`, `sunshine`, `gorgias`). */
  webhooks?: Record<string, WebhookSource>;
  /** The conversation when this event is a handoff to people, else undefined. */
  resolveHandoff?(event: HelpdeskEvent, signal?: AbortSignal): Promise<Conversation | undefined>;
  /**
   * The handoff this event's ticket belongs to when that handoff came from a conversation before the
   * ticket existed (Zendesk: a Sunshine Conversations passControl): Baton's conversation id for it
   * and the ticket to fill in. Undefined when the event links nothing.
   */
  ticketLink?(event: HelpdeskEvent): { conversationId: string; ticket: { provider: string; id: string; url?: string } } | undefined;
  /** The shared secret a sidebar widget request must carry (Gorgias). */
  widgetSecret?: string;
}

/** What a vendor folder registers: how to validate its settings and secrets, and how to build it. */
export interface IntegrationDefinition<S = unknown, K = unknown> {
  provider: string;
  settingsSchema: z.ZodType<S>;
  /**
   * How stored settings are read, when it takes more than settingsSchema (which checks what an admin
   * sends): a value a newer check refuses must not make the stored connection unusable.
   */
  storedSettingsSchema?: z.ZodType<S>;
  secretsSchema: z.ZodType<K>;
  build(settings: S, secrets: K): BuiltIntegration;
}
