import { briefTags, formatNote, noteMarker } from '../../server/brief/helpdesk-note';
import type { BriefForHelpdesk, HelpdeskWriter, WriteBackResult } from '../../server/connectors/types';
import { vendorObjects, vendorText } from '../../server/validation';
import type { GorgiasClient } from './client';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The brief as one Gorgias internal note per version, then Baton's tags. The note carries its marker
 * as `external_id` (a field Gorgias leaves to integrations), so a retry finds it and writes nothing.
 * Gorgias has no groups; routing there is by tag (its rules can assign on `baton_<category>`).
 */
export class GorgiasHelpdeskWriter implements HelpdeskWriter {
  readonly provider = 'gorgias';

  constructor(
    private readonly client: GorgiasClient,
    private readonly senderEmail: string,
  ) {}

  async writeBrief(input: BriefForHelpdesk, signal?: AbortSignal): Promise<WriteBackResult> {
    const tags = briefTags(input);
    const marker = noteMarker(input.handoffId, input.version);
    const messages = await this.client.listMessages(input.ticketId, signal);
    // Gorgias's values are unchecked: a message that is not an object, or a body that is not text, holds no marker.
    const already = vendorObjects(messages).some((m) => m.external_id === marker || (m.channel === 'internal-note' && (vendorText(m.body_text) ?? '').includes(marker)));
    if (!already) {
      const text = formatNote(input);
      await this.client.addInternalNote(
        input.ticketId,
        { bodyText: text, bodyHtml: `<div style="white-space:pre-wrap">${escapeHtml(text)}</div>`, senderEmail: this.senderEmail, externalId: marker },
        signal,
      );
    }
    // Adding tags twice is harmless, so they are (re)applied even when the note was already there.
    await this.client.addTags(input.ticketId, tags, signal);
    return { noteWritten: !already, tags };
  }

  /**
   * A claim in Slack: assigns the ticket to the active Gorgias user with this email (matched again
   * here without regard to case; bots never). False when no such user.
   */
  async assignByEmail(ticketId: string, email: string, signal?: AbortSignal): Promise<boolean> {
    const wanted = email.trim().toLowerCase();
    const users = await this.client.findUsersByEmail(email.trim(), signal);
    const user = users.find((u) => (u.email ?? '').toLowerCase() === wanted && u.active !== false && u.role?.name !== 'bot');
    if (!user) return false;
    await this.client.assignTicket(ticketId, user.id, signal);
    return true;
  }
}
