import type pino from 'pino';
import { z } from 'zod';
import { inThreadAssessor, type Assessor } from '../assess';
import type { BriefWriter } from '../brief/writer';
import type { HelpdeskEvent, TicketUpdate } from '../connectors/types';
import { conversationSchema, MAX_MESSAGES, type Conversation } from '../domain/conversation';
import { leadingText } from '../domain/text';
import type { IntegrationStore } from '../integrations/integration-store';
import type { TenantIntegrations } from '../integrations/tenant-integrations';
import type { KnowledgeSearch } from '../kb/types';
import { isUuid } from '../store/rows';
import { withStorableText } from '../validation';
import type { HandoffRecord, Sql, Store } from '../store/types';
import { fillLinkedTicket, linkConversationTicket } from '../integrations/conversation-tickets';
import { HANDOFF_ASSEMBLE, HELPDESK_WRITE_BACK } from './job-names';

export interface HelpdeskEventJob {
  tenantId: string;
  source: string;
  eventId: string;
}

export interface HelpdeskEventDeps {
  store: Store;
  integrationStore: IntegrationStore;
  integrations: TenantIntegrations;
  jobs: { sendInTransaction(tx: Sql, name: string, data: object): Promise<unknown> };
  writer: BriefWriter;
  kb?: KnowledgeSearch;
  /** Where a fetched conversation is assessed (the server's pool, so a long thread runs off the event loop); default: in-thread with `writer` and `kb`. */
  assessor?: Assessor;
  logger: pino.Logger;
  now?: () => Date;
  /** Told of follow-up facts on a ticket that has a handoff (e.g. to update its Slack alert in place). */
  onFollowup?: (handoff: HandoffRecord, update: TicketUpdate) => Promise<void>;
}

/**
 * The contract for a helpdesk's conversation. Its id keys the handoff (the idempotency key), so here
 * it is required: the repair below lets optional fields go, and never that one.
 */
const helpdeskConversationSchema = conversationSchema.required({ id: true });

/**
 * Fields of prose: one over its limit is cut to it, since its start still says who or what. An id,
 * address, URL or date cut short would be wrong, so those are dropped instead.
 */
const PROSE_FIELDS = new Set<PropertyKey>(['name', 'title']);

/** Marks a list entry to take out once every issue is repaired, so the other issues' indexes still hold. */
const REMOVED = Symbol('removed');

type Holder = Record<PropertyKey, unknown>;

/** The schema an optional (or required-made) field wraps: the object or list whose parts a path names. */
function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNonOptional ? unwrapped(schema.unwrap() as z.ZodType) : schema;
}

/**
 * The deepest place on an issue's path that the contract can do without: an optional field, or an
 * entry of an optional list (the list may hold fewer). Undefined when all of it is required (a
 * message's text), or when an earlier repair already took it away.
 */
function repairablePlace(root: unknown, path: readonly PropertyKey[]): { holder: Holder; key: PropertyKey; leaf: boolean } | undefined {
  let schema: z.ZodType = helpdeskConversationSchema;
  let value = root;
  let place: { holder: Holder; key: PropertyKey; leaf: boolean } | undefined;
  for (const [depth, key] of path.entries()) {
    if (typeof value !== 'object' || value === null) return undefined;
    const container = unwrapped(schema);
    let next: z.ZodType | undefined;
    let optional = false;
    if (container instanceof z.ZodObject) {
      next = container.shape[key as string] as z.ZodType | undefined;
      optional = next?.safeParse(undefined).success ?? false;
    } else if (container instanceof z.ZodArray) {
      next = container.element as z.ZodType;
      optional = schema.safeParse(undefined).success;
    }
    // A part the walk does not follow: the deepest optional place above it stands for it.
    if (!next) break;
    if (optional) place = { holder: value as Holder, key, leaf: depth === path.length - 1 };
    schema = next;
    value = (value as Holder)[key];
  }
  return place;
}

/**
 * `conversation` with each optional value the contract refused repaired: prose over its limit cut to
 * it, anything else (a date without a time zone, an overlong email or URL, a previous contact without
 * a valid date) dropped. Required values are left for the next parse to refuse.
 */
function withOptionalsRepaired(conversation: Conversation, issues: z.ZodError['issues']): unknown {
  const copy = structuredClone(conversation);
  const lists = new Set<unknown[]>();
  for (const issue of issues) {
    const place = repairablePlace(copy, issue.path);
    if (!place) continue;
    const { holder, key } = place;
    const text = holder[key];
    if (place.leaf && issue.code === 'too_big' && PROSE_FIELDS.has(key) && typeof text === 'string') holder[key] = leadingText(text, Number(issue.maximum));
    else if (Array.isArray(holder)) {
      holder[key] = REMOVED;
      lists.add(holder);
    } else delete holder[key];
  }
  for (const list of lists) list.splice(0, list.length, ...list.filter((entry) => entry !== REMOVED));
  return copy;
}

/**
 * A vendor's conversation made safe for the contract: optional values that do not validate are
 * repaired (cut or dropped), not fatal, and text the store cannot hold (a NUL, half a surrogate pair)
 * is replaced, not refused: a job that failed on either would fail on every attempt, and the handoff
 * would never be recorded. A required value that does not validate still fails the job.
 */
function contractConversation(fetched: Conversation): Conversation {
  const whole = withStorableText(fetched);
  // A ticket's thread can outgrow what the API takes; its latest messages are what the handoff is about.
  const conversation = whole.messages.length > MAX_MESSAGES ? { ...whole, messages: whole.messages.slice(-MAX_MESSAGES) } : whole;
  const parsed = helpdeskConversationSchema.safeParse(conversation);
  if (parsed.success) return parsed.data;
  return helpdeskConversationSchema.parse(withOptionalsRepaired(conversation, parsed.error.issues));
}

/**
 * The `helpdesk-event` job: one stored webhook event. Follow-up facts (first reply, assignee,
 * solved, satisfaction) are merged into the ticket's record; a handoff event fetches the
 * conversation, runs the rules and records the handoff with its assembly job in one transaction,
 * once per conversation (a replayed or second event for the same ticket finds it recorded). An
 * event naming the ticket of a messaging conversation links it to that conversation's handoff
 * (conversation-tickets.ts), so a passControl without a ticket id still gets its note.
 */
export function createHelpdeskEventHandler(deps: HelpdeskEventDeps): (data: HelpdeskEventJob) => Promise<void> {
  return async (data) => {
    const logger = deps.logger.child({ job: 'helpdesk-event', tenant: data?.tenantId, source: data?.source });
    if (!isUuid(data?.tenantId) || typeof data.source !== 'string' || typeof data.eventId !== 'string') {
      logger.error('job data needs tenantId, source and eventId; skipped');
      return;
    }
    const stored = await deps.integrationStore.inboundEventByKey(data.source, data.eventId);
    const tenant = await deps.store.getTenant(data.tenantId);
    if (!stored || !tenant || stored.tenant_id !== tenant.id) {
      logger.warn('event or tenant not found; skipped');
      return;
    }
    const event = stored.payload as HelpdeskEvent;
    const owner = await deps.integrations.webhookOwner(tenant.id, data.source);
    if (!owner) {
      logger.warn('the tenant no longer has this integration; skipped');
      return;
    }
    // Linked first, so the same event's follow-up (an agent's first reply) finds the handoff.
    const link = owner.integration.ticketLink?.(event);
    if (link) {
      // A ticket for a conversation handed over before the ticket existed (Sunshine passControl):
      // that handoff gets it. Already assembled: its write-back had no ticket, so it goes now;
      // still being assembled: the assembly's own write-back will find the ticket.
      const filled = await linkConversationTicket(deps.store.db, tenant.id, link.conversationId, link.ticket, async (tx, handoff) => {
        if (handoff.status !== 'received') await deps.jobs.sendInTransaction(tx, HELPDESK_WRITE_BACK, { tenantId: tenant.id, handoffId: handoff.handoffId });
      });
      if (filled) logger.info({ handoff_id: filled.handoffId, ticket: link.ticket.id }, 'ticket linked to the conversation\'s handoff');
    }
    if (event.update && event.ticketId) {
      await deps.integrationStore.recordFollowup(tenant.id, owner.provider, event.ticketId, event.update);
      const followed = deps.onFollowup && (await deps.store.findHandoffByTicket(tenant.id, owner.provider, event.ticketId));
      if (followed) await deps.onFollowup!(followed, event.update);
    }
    if (!owner.integration.resolveHandoff) return;
    if (event.ticketId && (await deps.store.findHandoffByTicket(tenant.id, owner.provider, event.ticketId))) {
      logger.info({ ticket: event.ticketId }, 'handoff already recorded for this ticket');
      return;
    }
    const fetched = await owner.integration.resolveHandoff(event, AbortSignal.timeout(30_000));
    if (!fetched) return;
    const conversation = contractConversation(fetched);
    const assessor = deps.assessor ?? inThreadAssessor(deps.writer, deps.kb);
    const assessment = await assessor.assess(conversation, { policy: tenant.policy, receivedAt: (deps.now ?? (() => new Date()))() });
    const { handoff, created } = await deps.store.recordHandoff(
      tenant.id,
      { conversation, conversationId: conversation.id!, assessment },
      async (tx, record) => {
        // A ticket an earlier event named for this conversation, before assembly reads the handoff.
        if (!record.ticket) await fillLinkedTicket(tx, tenant.id, record.conversation_id);
        await deps.jobs.sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: tenant.id, handoffId: record.id });
      },
    );
    logger.info({ handoff_id: handoff.id, created, escalate: handoff.assessment.escalate }, created ? 'handoff recorded from helpdesk' : 'handoff already recorded');
  };
}
