import type { Evidence, Trigger } from '../../server/domain/decision';
import type { BriefView } from './brief-view';
import { h, safeLink } from './dom';
import type { MessageKey, Translate } from './i18n';

/** What the brief's buttons do; the sidebar wires them to its host (Zendesk, the embed page). */
export interface BriefActions {
  copy(text: string): Promise<void>;
  /** Absent where the host has no reply box (the embed page). */
  insert?(text: string): Promise<void>;
  feedback(helpful: boolean): Promise<void>;
  /** Something changed size (evidence opened, intro edited): the host may resize the frame. */
  changed(): void;
}

const FACT_KINDS = ['order_ids', 'emails', 'phones', 'tracking_numbers', 'amounts', 'dates'] as const;

function label(code: string): string {
  return code.replace(/_/g, ' ');
}

function section(title: string, ...body: (Node | null | false)[]): HTMLElement {
  return h('section', { class: 'section' }, h('h2', {}, title), ...body);
}

function evidenceText(e: Evidence): string {
  if ('quote' in e) return `“${e.quote}”`;
  const value = e.value === undefined ? '' : `: ${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}`;
  return `${e.field}${value}`;
}

function reasonChips(view: BriefView, t: Translate, actions: BriefActions): HTMLElement | null {
  const escalating = view.triggers.filter((tr) => view.reasons.includes(tr.code));
  if (escalating.length === 0) return null;
  const list = h('ul', { class: 'chips' });
  escalating.forEach((trigger: Trigger, i) => {
    const id = `evidence-${i}`;
    const evidence = h('ul', { class: 'evidence', id, hidden: true }, ...trigger.evidence.map((e) => h('li', {}, evidenceText(e))));
    const chip = h(
      'button',
      { class: 'chip', type: 'button', 'aria-expanded': 'false', 'aria-controls': id, title: trigger.detail },
      label(trigger.code),
    );
    chip.addEventListener('click', () => {
      const open = chip.getAttribute('aria-expanded') !== 'true';
      chip.setAttribute('aria-expanded', String(open));
      evidence.hidden = !open;
      actions.changed();
    });
    list.appendChild(h('li', {}, chip, h('p', { class: 'detail' }, trigger.detail), evidence));
  });
  return section(t('why'), list);
}

function minutesSince(iso: string, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60000));
}

function meta(view: BriefView, t: Translate, now: Date): HTMLElement {
  const priorityKey = `priority_${view.priority}` as MessageKey;
  return h(
    'dl',
    { class: 'meta' },
    h('div', {}, h('dt', {}, t('priority')), h('dd', { class: `priority priority-${view.priority}` }, t(priorityKey))),
    h('div', {}, h('dt', {}, t('queue')), h('dd', {}, view.queue)),
    h('div', {}, h('dt', {}, t('sla')), h('dd', {}, t('minutes_ago', { n: minutesSince(view.created_at, now) }))),
  );
}

function copyButton(value: string, t: Translate, actions: BriefActions): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `${t('copy')} ${value}` }, t('copy'));
  button.addEventListener('click', () => {
    void actions.copy(value).then(() => {
      button.textContent = t('copied');
    });
  });
  return button;
}

function toldUs(view: BriefView, t: Translate, actions: BriefActions): HTMLElement | null {
  const rows: HTMLElement[] = [];
  for (const kind of FACT_KINDS) {
    for (const item of view.facts[kind] ?? []) {
      const value = typeof item === 'string' ? item : `${item.value} ${item.currency}`;
      rows.push(h('li', {}, h('span', { class: 'fact-kind' }, t(`fact_${kind}` as MessageKey)), h('span', { class: 'fact-value' }, value), copyButton(value, t, actions)));
    }
  }
  return rows.length ? section(t('told_us'), h('ul', { class: 'facts' }, ...rows)) : null;
}

function tried(view: BriefView, t: Translate): HTMLElement | null {
  const attempts = view.brief.attempted ?? [];
  if (attempts.length === 0) return null;
  const articles = new Map<string, { title?: string; url?: string }>();
  for (const message of (view.conversation as { messages?: { kb_articles?: { id: string; title?: string; url?: string }[] }[] } | undefined)?.messages ?? []) {
    for (const article of message.kb_articles ?? []) articles.set(article.id, article);
  }
  return section(
    t('tried'),
    h(
      'ul',
      { class: 'tried' },
      ...attempts.map((a) => {
        const article = a.kb_article ? articles.get(a.kb_article) : undefined;
        return h(
          'li',
          {},
          h('span', { class: 'by' }, t(a.by === 'agent' ? 'by_agent' : 'by_bot')),
          ' ',
          a.what,
          a.kb_article ? h('span', { class: 'kb' }, ' · ', safeLink(article?.url, article?.title ?? a.kb_article)) : null,
          h('span', { class: `outcome outcome-${a.outcome}` }, t(`outcome_${a.outcome}` as MessageKey)),
        );
      }),
    ),
  );
}

type Entry = Record<string, unknown>;
const TITLE_FIELDS = ['name', 'order_name', 'number', 'tracking_number', 'id', 'email'];
const URL_FIELDS = ['url', 'admin_url', 'tracking_url', 'link'];

function scalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** One connector record (an order, a parcel, a profile) as a title and a few of its plain fields. */
function entry(item: Entry): HTMLElement {
  const titleField = TITLE_FIELDS.find((f) => scalar(item[f]));
  const title = titleField ? String(item[titleField]) : '';
  const urlField = URL_FIELDS.find((f) => typeof item[f] === 'string');
  const fields = Object.entries(item)
    .filter(([key, value]) => key !== titleField && !URL_FIELDS.includes(key) && scalar(value) && String(value) !== '')
    .slice(0, 5);
  return h(
    'li',
    {},
    title ? h('strong', {}, urlField ? safeLink(item[urlField], title) : title) : null,
    ...fields.map(([key, value]) => h('span', { class: 'field' }, ` ${label(key)}: ${String(value)}`)),
  );
}

function list(value: unknown): Entry[] {
  if (Array.isArray(value)) return value.filter((v): v is Entry => typeof v === 'object' && v !== null).slice(0, 10);
  if (typeof value === 'object' && value !== null) return [value as Entry];
  return [];
}

/**
 * The first of `keys` in the context: at its top, or in one connector's section (the context is keyed
 * by connector: `zendesk.requester`, `shopify.orders`, `tracking.parcels`).
 */
function firstOf(context: Entry, keys: string[]): unknown {
  for (const key of keys) if (context[key] !== undefined) return context[key];
  for (const section of Object.values(context)) {
    if (typeof section !== 'object' || section === null || Array.isArray(section)) continue;
    for (const key of keys) if ((section as Entry)[key] !== undefined) return (section as Entry)[key];
  }
  return undefined;
}

function customerContext(view: BriefView, t: Translate): HTMLElement[] {
  const context = (view.brief.customer_context ?? {}) as Entry;
  const profile = list(firstOf(context, ['customer', 'requester', 'profile']) ?? view.conversation?.customer);
  const orders = list(firstOf(context, ['orders', 'order']));
  const parcels = list(firstOf(context, ['parcels', 'shipments', 'parcel']) ?? (Array.isArray(context.tracking) ? context.tracking : undefined));
  const out: HTMLElement[] = [];
  if (profile.length) out.push(section(t('customer'), h('ul', { class: 'records' }, ...profile.map(entry))));
  if (orders.length) out.push(section(t('orders'), h('ul', { class: 'records' }, ...orders.map(entry))));
  if (parcels.length) out.push(section(t('parcels'), h('ul', { class: 'records' }, ...parcels.map(entry))));
  return out;
}

function nextSteps(view: BriefView, t: Translate): HTMLElement | null {
  const steps = view.brief.next_steps ?? [];
  if (steps.length === 0) return null;
  return section(
    t('next_steps'),
    h(
      'ol',
      { class: 'steps' },
      ...steps.map((step) =>
        h(
          'li',
          {},
          h('strong', {}, step.action),
          step.why ? h('p', {}, step.why) : null,
          step.policy ? h('p', { class: 'policy' }, `${t('policy')}: `, safeLink(step.policy.url, step.policy.title)) : null,
        ),
      ),
    ),
  );
}

function warmIntro(view: BriefView, t: Translate, actions: BriefActions): HTMLElement | null {
  if (!view.brief.warm_intro) return null;
  const text = h('textarea', { class: 'intro', rows: '6', readonly: true, 'aria-label': t('warm_intro') });
  text.value = view.brief.warm_intro;
  const edit = h('button', { type: 'button', class: 'secondary' }, t('edit'));
  edit.addEventListener('click', () => {
    text.readOnly = !text.readOnly;
    edit.textContent = text.readOnly ? t('edit') : t('done_editing');
    if (!text.readOnly) text.focus();
    actions.changed();
  });
  const buttons: HTMLElement[] = [edit];
  if (actions.insert) {
    const insert = h('button', { type: 'button', class: 'primary insert' }, t('insert'));
    insert.addEventListener('click', () => {
      void actions.insert!(text.value).then(() => {
        insert.textContent = t('inserted');
      });
    });
    buttons.push(insert);
  } else {
    buttons.push(copyButton(view.brief.warm_intro, t, actions));
  }
  return section(t('warm_intro'), text, h('div', { class: 'buttons' }, ...buttons));
}

function feedback(t: Translate, actions: BriefActions): HTMLElement {
  const status = h('p', { class: 'feedback-status', role: 'status' });
  const vote = (helpful: boolean) => () => {
    void actions.feedback(helpful).then(() => {
      status.textContent = t('feedback_thanks');
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
    });
  };
  const yes = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: vote(true) }, t('helpful'));
  const no = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: vote(false) }, t('not_helpful'));
  return h('section', { class: 'section feedback' }, h('p', {}, t('feedback_question')), h('div', { class: 'buttons' }, yes, no), status);
}

function partial(view: BriefView, t: Translate): HTMLElement | null {
  const failed = (view.brief.sources ?? []).filter((s) => !s.ok);
  if (failed.length === 0) return null;
  const names = failed.map((s) => (s.error ? `${s.kind} (${s.error})` : s.kind)).join(', ');
  return h('p', { class: 'notice warning', role: 'note' }, t('partial', { sources: names }));
}

/** The whole brief, top to bottom in the order an agent reads it. */
export function renderBrief(view: BriefView, t: Translate, actions: BriefActions, now: Date): HTMLElement {
  return h(
    'div',
    { class: 'brief' },
    partial(view, t),
    meta(view, t, now),
    reasonChips(view, t, actions),
    view.brief.summary ? section(t('summary'), h('p', { class: 'summary' }, view.brief.summary)) : null,
    toldUs(view, t, actions),
    tried(view, t),
    ...customerContext(view, t),
    nextSteps(view, t),
    warmIntro(view, t, actions),
    feedback(t, actions),
  );
}
