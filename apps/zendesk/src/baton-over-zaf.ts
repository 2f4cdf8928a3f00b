import type { ZafClient, ZafRequestOptions } from 'zendesk_app_framework_sdk';
import type { BriefSource, BriefView } from '../../shared/brief-view';

/**
 * Baton's API through Zendesk's request proxy. `secure: true` with the `{{setting.token}}`
 * placeholder: Zendesk inserts the API key server-side, so it never reaches the agent's browser.
 */
export function batonOverZaf(client: ZafClient, batonUrl: string, ticketId: string, agentId: string): BriefSource {
  const base = batonUrl.replace(/\/+$/, '');
  const call = (path: string, body?: object): Promise<unknown> => {
    const options: ZafRequestOptions = {
      url: `${base}${path}`,
      type: body ? 'POST' : 'GET',
      dataType: 'json',
      secure: true,
      cors: false,
      headers: { Authorization: 'Bearer {{setting.token}}' },
    };
    if (body) {
      options.contentType = 'application/json';
      options.data = JSON.stringify(body);
    }
    return client.request(options);
  };

  return {
    async load() {
      try {
        const data = await call(`/v1/briefs?provider=zendesk&ticket=${encodeURIComponent(ticketId)}`);
        return (typeof data === 'string' ? JSON.parse(data) : data) as BriefView;
      } catch (err) {
        if ((err as { status?: number } | null)?.status === 404) return null;
        throw err;
      }
    },
    async sendFeedback(view: BriefView, helpful: boolean) {
      await call('/v1/briefs/feedback', { handoff_id: view.id, brief_version: view.brief_version, helpful, agent_id: agentId });
    },
    async countGuardWarning(view: BriefView, kinds: string[]) {
      await call('/v1/briefs/guard-warnings', { handoff_id: view.id, kinds, agent_id: agentId });
    },
  };
}
