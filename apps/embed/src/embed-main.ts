import type { BriefSource, BriefView } from '../../shared/brief-view';
import { translator } from '../../shared/i18n';
import { Sidebar } from '../../shared/sidebar';

/**
 * The embeddable sidebar page, for helpdesks whose sidebars take an iframe (a Gorgias iframe widget,
 * an internal tool). It is opened at a short-lived signed link; every call back to Baton carries the
 * same signed query, which grants this one ticket's brief and nothing else.
 */
const grant = window.location.search;

async function call(path: string, body?: object): Promise<Response> {
  return fetch(`${path}${grant}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'omit',
  });
}

const source: BriefSource = {
  async load() {
    const res = await call('brief');
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Baton answered ${res.status}`);
    return (await res.json()) as BriefView;
  },
  async sendFeedback(view: BriefView, helpful: boolean) {
    const res = await call('feedback', { brief_version: view.brief_version, helpful });
    if (!res.ok) throw new Error(`Baton answered ${res.status}`);
  },
  async countGuardWarning() {
    // No reply box on this page, so no save guard.
  },
};

const root = document.getElementById('baton-sidebar')!;
const sidebar = new Sidebar({ root, source, t: translator(navigator.language) });
void sidebar.start();
