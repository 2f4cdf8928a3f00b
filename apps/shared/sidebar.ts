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

/** How long after a handoff a model-written brief may still replace the offline one. */
const MODEL_BRIEF_WINDOW_MS = 2 * 60_000;

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
  private startedAt = 0;
  private lastHeight = 0;

  constructor(private readonly options: SidebarOptions) {
    const { root, t } = options;
    this.guardBox = h('div', { class: 'guard', role: 'alert', hidden: true });
    this.body = h('div', { class: 'body', 'aria-live': 'polite', 'aria-busy': 'true' });
    root.replaceChildren(h('header', {}, h('h1', {}, t('title'))), this.guardBox, this.body);
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.fit()).observe(root);
  }

  async start(): Promise<void> {
    this.startedAt = this.now().getTime();
    this.pollUntil = this.startedAt + (this.options.pollForMs ?? 10 * 60_000);
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
    // A newer brief waits while the agent is editing the intro, so their words are not lost.
    const editing = this.body.querySelector('textarea.intro:not([readonly])') !== null;
    if (changed && !(editing && this.state === 'ready')) {
      this.view = view;
      this.state = 'ready';
      this.render(view);
    }
    if (this.mayChange(view)) this.schedulePoll();
  }

  /**
   * Still worth asking again: the brief is being assembled, or it is the offline brief of a recent
   * handoff, which a model-written version may replace (the progressive brief).
   */
  private mayChange(view: BriefView): boolean {
    if (view.status === 'received') return true;
    const age = this.now().getTime() - Date.parse(view.created_at);
    // A failed assembly still hands its brief to the model writer, so it may be replaced too.
    return view.brief.writer === 'offline' && age < MODEL_BRIEF_WINDOW_MS;
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    const now = this.now().getTime();
    if (now > this.pollUntil) return;
    // Every second at first (the brief is usually ready within seconds), then gentler on the API.
    const fast = this.options.pollMs ?? 1000;
    const delay = now - this.startedAt < 30_000 ? fast : Math.max(fast, 5000);
    this.pollTimer = setTimeout(() => void this.load(false), delay);
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
    const notice =
      view.status === 'received'
        ? h('p', { class: 'notice assembling', role: 'status' }, t('assembling'))
        : view.status === 'failed'
          ? h('p', { class: 'notice assembly-failed', role: 'status' }, t('assembly_failed'))
          : null;
    this.body.replaceChildren(...(notice ? [notice] : []), brief);
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
