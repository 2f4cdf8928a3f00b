import ZAFClient, { type ZafClient } from 'zendesk_app_framework_sdk';
import { findRedundantAsks, heldFacts, replyText } from '../../shared/ask-guard';
import { type MessageKey, type Translate, translator } from '../../shared/i18n';
import { Sidebar } from '../../shared/sidebar';
import { batonOverZaf } from './baton-over-zaf';

/**
 * The Zendesk ticket sidebar app: the brief for this ticket, "Insert into reply", and a save guard
 * that warns before a reply asks the customer for something they already gave.
 */
async function start(client: ZafClient, root: HTMLElement): Promise<void> {
  const [metadata, data] = await Promise.all([
    client.metadata(),
    client.get(['ticket.id', 'currentUser.locale', 'currentUser.id']),
  ]);
  const t = translator(String(data['currentUser.locale'] ?? 'en'));
  document.documentElement.lang = String(data['currentUser.locale'] ?? 'en');
  const source = batonOverZaf(client, String(metadata.settings.baton_url ?? ''), String(data['ticket.id']), String(data['currentUser.id'] ?? ''));
  const sidebar = new Sidebar({
    root,
    source,
    t,
    insert: async (text) => {
      await client.invoke('ticket.comment.appendText', text);
    },
    resize: (height) => void client.invoke('resize', { width: '100%', height: `${height}px` }),
  });
  guardSaves(client, sidebar, source, t);
  await sidebar.start();
}

function guardSaves(client: ZafClient, sidebar: Sidebar, source: ReturnType<typeof batonOverZaf>, t: Translate): void {
  // The agent overrides by submitting the same reply again, or by "Send anyway" (any next reply).
  let warnedText: string | null = null;
  let allowNext = false;
  client.on('ticket.save', async () => {
    const view = sidebar.view;
    if (!view) return true;
    const text = replyText(String((await client.get('ticket.comment.text'))['ticket.comment.text'] ?? ''));
    if (allowNext || text === warnedText) {
      allowNext = false;
      warnedText = null;
      sidebar.clearGuardWarning();
      return true;
    }
    const asks = findRedundantAsks(text, heldFacts(view.facts, view.brief.summary ?? ''));
    if (asks.length === 0) return true;
    warnedText = text;
    source.countGuardWarning(view, asks.map((a) => a.kind)).catch(() => undefined);
    sidebar.showGuardWarning(asks, () => {
      allowNext = true;
    });
    const kinds = asks.map((a) => t(`kind_${a.kind}` as MessageKey)).join(', ');
    const values = asks.filter((a) => a.kind !== 'problem').flatMap((a) => a.held).join(', ');
    // A rejected promise cancels the save and Zendesk shows this message to the agent.
    return Promise.reject(t('guard_cancel_message', { kinds, values: values || t('summary') }));
  });
}

const root = document.getElementById('baton-sidebar')!;
const client = ZAFClient.init();
if (client) {
  start(client, root).catch((err: unknown) => {
    root.textContent = `Baton could not start: ${err instanceof Error ? err.message : String(err)}`;
  });
} else {
  root.textContent = 'Baton runs inside Zendesk: install the app, or open the preview at /preview/zendesk.';
}
