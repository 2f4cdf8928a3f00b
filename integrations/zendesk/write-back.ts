import { briefTags, formatNote, noteMarker } from '../../server/brief/helpdesk-note';
import type { BriefForHelpdesk, HelpdeskWriter, WriteBackResult } from '../../server/connectors/types';
import { vendorObjects, vendorText } from '../../server/validation';
import type { ZendeskClient } from './client';

/**
 * The brief as one internal note per version, with Baton's tags and the queue's group, in one ticket
 * update. Before writing, the ticket's comments are searched for this version's marker: a job that
 * wrote the note and then crashed finds it on its retry and writes nothing.
 */
export class ZendeskHelpdeskWriter implements HelpdeskWriter {
  readonly provider = 'zendesk';

  constructor(
    private readonly client: ZendeskClient,
    private readonly groupIds: Readonly<Record<string, string>> = {},
  ) {}

  async writeBrief(input: BriefForHelpdesk, signal?: AbortSignal): Promise<WriteBackResult> {
    const tags = briefTags(input);
    // Own entries only: a queue named "constructor" has no group (the inherited Object became group_id null, unsetting the ticket's group).
    const groupId = Object.hasOwn(this.groupIds, input.decision.queue) ? this.groupIds[input.decision.queue] : undefined;
    const marker = noteMarker(input.handoffId, input.version);
    const comments = await this.client.listComments(input.ticketId, signal);
    // Zendesk's values are unchecked: a comment that is not an object, or a body that is not text, holds no marker.
    if (vendorObjects(comments).some((c) => !c.public && (vendorText(c.body) ?? vendorText(c.plain_body) ?? '').includes(marker))) {
      return { noteWritten: false, tags, ...(groupId ? { groupId } : {}) };
    }
    await this.client.updateTicket(
      input.ticketId,
      { comment: { body: formatNote(input), public: false }, additional_tags: tags, ...(groupId ? { group_id: Number(groupId) } : {}) },
      signal,
    );
    return { noteWritten: true, tags, ...(groupId ? { groupId } : {}) };
  }

  async assignByEmail(ticketId: string, email: string, signal?: AbortSignal): Promise<boolean> {
    const agent = await this.client.findAgentByEmail(email, signal);
    if (!agent) return false;
    await this.client.updateTicket(ticketId, { assignee_id: agent.id }, signal);
    return true;
  }
}
