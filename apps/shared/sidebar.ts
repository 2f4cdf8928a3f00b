import type { RedundantAsk } from './ask-guard';
import type { BriefSource, BriefView } from './brief-view';
import { h } from './dom';
import type { MessageKey, Translate } from './i18n';
import { renderBrief } from './render-brief';

export interface SidebarOptions {
  root: HTMLElement;
  source: BriefSource;
  t: Translate;
  /** Puts text into the agent's reply (Zendesk: ticket.comment.appendText); absent on the embed page. */
  insert?(text: string): Promise<void>;
  /** Asks the host to fit the frame to the content. */
  resize?(height: number): void;
  now?: () => Date;
  /** How often to look again while the brief is still being assembled. */
  pollMs?: number;
  /** When to stop looking (the assembly job has surely finished or failed by then). */
  pollForMs?: number;
}

type State = 'loading' | 'none' | 'error' | 'ready';

/** Copy that also works in frames without clipboard permission. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;opacity:0' });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/**
 * The sidebar shared by the Zendesk app and the embed page: loads the brief, shows each state
 * (loading, still assembling, no handoff, error with retry, the brief), follows the assembly until
 * the brief is ready, and shows the save guard's warnings.
 */
export class Sidebar {
  view: BriefView | null = null;
  state: State = 'loading';
  private readonly body: HTMLElement;
  private readonly guardBox: HTMLElement;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private pollUntil = 0;
  private lastHeight = 0;

  constructor(private readonly options: SidebarOptions) {
    const { root, t } = options;
    this.guardBox = h('div', { class: 'guard', role: 'alert', hidden: true });
    this.body = h('div', { class: 'body', 'aria-live': 'polite', 'aria-busy': 'true' });
    root.replaceChildren(h('header', {}, h('h1', {}, t('title'))), this.guardBox, this.body);
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.fit()).observe(root);
  }

  async start(): Promise<void> {
    this.pollUntil = this.now().getTime() + (this.options.pollForMs ?? 10 * 60_000);
    await this.load(true);
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private fit(): void {
    const height = Math.ceil(this.options.root.getBoundingClientRect().height) + 16;
    if (height !== this.lastHeight) {
      this.lastHeight = height;
      this.options.resize?.(height);
    }
  }

  private status(key: MessageKey, className: string, ...extra: Node[]): void {
    this.body.replaceChildren(h('p', { class: `notice ${className}`, role: 'status' }, this.options.t(key)), ...extra);
    this.fit();
  }

  private async load(first: boolean): Promise<void> {
    const { t } = this.options;
    if (first) {
      this.state = 'loading';
      this.body.setAttribute('aria-busy', 'true');
      this.status('loading', 'loading');
    }
    let view: BriefView | null;
    try {
      view = await this.options.source.load();
    } catch {
      this.body.setAttribute('aria-busy', 'false');
      // A failed poll keeps the brief already shown; only a first load shows the error.
      if (this.state !== 'ready') {
        this.state = 'error';
        const retry = h('button', { type: 'button', class: 'primary retry' }, t('retry'));
        retry.addEventListener('click', () => void this.load(true));
        this.status('error', 'error', retry);
        retry.focus();
      } else this.schedulePoll();
      return;
    }
    this.body.setAttribute('aria-busy', 'false');
    if (!view) {
      this.state = 'none';
      this.view = null;
      this.status('none', 'none');
      return;
    }
    const changed = !this.view || this.view.brief_version !== view.brief_version || this.view.status !== view.status || this.state !== 'ready';
    this.view = view;
    this.state = 'ready';
    if (changed) this.render(view);
    if (view.status === 'received') this.schedulePoll();
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if (this.now().getTime() > this.pollUntil) return;
    this.pollTimer = setTimeout(() => void this.load(false), this.options.pollMs ?? 1000);
  }

  private render(view: BriefView): void {
    const { t, source } = this.options;
    const brief = renderBrief(
      view,
      t,
      {
        copy: copyText,
        insert: this.options.insert,
        feedback: (helpful) => source.sendFeedback(view, helpful),
        changed: () => this.fit(),
      },
      this.now(),
    );
    const assembling = view.status === 'received' ? h('p', { class: 'notice assembling', role: 'status' }, t('assembling')) : null;
    this.body.replaceChildren(...(assembling ? [assembling] : []), brief);
    this.body.dataset.briefVersion = String(view.brief_version);
    this.body.dataset.status = view.status;
    this.fit();
  }

  /** Shows what the reply asked for again, with what the customer already gave; "Send anyway" calls back. */
  showGuardWarning(asks: RedundantAsk[], sendAnyway?: () => void): void {
    const { t } = this.options;
    const items = asks.map((ask) =>
      h('li', {}, h('strong', {}, t(`kind_${ask.kind}` as MessageKey)), ': ', h('q', {}, ask.sentence), h('span', { class: 'held' }, ` → ${ask.held.join(', ')}`)),
    );
    const buttons: Node[] = [];
    if (sendAnyway) {
      const send = h('button', { type: 'button', class: 'secondary send-anyway' }, t('guard_send_anyway'));
      send.addEventListener('click', () => {
        this.clearGuardWarning();
        sendAnyway();
      });
      buttons.push(send);
    }
    this.guardBox.replaceChildren(h('p', {}, h('strong', {}, t('guard_title'))), h('ul', {}, ...items), h('p', { class: 'hint' }, t('guard_hint')), ...buttons);
    this.guardBox.hidden = false;
    this.fit();
  }

  clearGuardWarning(): void {
    this.guardBox.hidden = true;
    this.guardBox.replaceChildren();
    this.fit();
  }

  stop(): void {
    clearTimeout(this.pollTimer);
  }
}
