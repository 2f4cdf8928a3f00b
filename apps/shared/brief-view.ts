import type { Assessment, Brief } from '../../server/domain/decision';

/** What `GET /v1/briefs` answers (docs/API.md): the newest handoff for a ticket with its latest brief. */
export interface BriefView extends Omit<Assessment, 'brief'> {
  id: string;
  status: 'received' | 'assembled' | 'failed';
  conversation_id: string;
  ticket: { provider: string; id: string; url?: string } | null;
  created_at: string;
  updated_at: string;
  brief_version: number;
  brief: Brief;
  conversation?: { customer?: { name?: string; email?: string; phone?: string; tier?: string } };
}

/** What a sidebar can ask its host for, whatever the helpdesk: the brief and the two signals. */
export interface BriefSource {
  /** The brief for this ticket; null when Baton has no handoff for it (404). */
  load(): Promise<BriefView | null>;
  sendFeedback(view: BriefView, helpful: boolean): Promise<void>;
  countGuardWarning(view: BriefView, kinds: string[]): Promise<void>;
}
