/**
 * The preview's host frame: plays Zendesk's side of the ZAF postMessage protocol (as the SDK in
 * node_modules/zendesk_app_framework_sdk speaks it) around the real built app, on one ticket.
 * Handshake → `zaf.app.registered`; `get`/`set`/`invoke` requests answered by id; `iframe.on:<event>`
 * subscriptions; `request:<n>` performed here with `{{setting.x}}` filled in (as Zendesk's proxy does,
 * so the app never sees the secure token); `ticket.save` sent with `needsReply` and the app's reply
 * honoured (an error cancels the save and shows its message).
 *
 * Settings come from the page's fragment (never sent to a server): `#token=bt_…&ticket=123&locale=es`.
 * Without a token the app reads the demo brief the server serves under /preview/zendesk/demo.
 */

interface ZafMessage {
  id?: number;
  key?: string;
  request?: 'get' | 'set' | 'invoke';
  params?: unknown;
  message?: unknown;
  error?: { msg?: string };
}

const APP_GUID = 'baton-preview';
const SAVE_REPLY_TIMEOUT_MS = 30_000;

const hash = new URLSearchParams(window.location.hash.slice(1));
const demo = !hash.get('token');
const settings: Record<string, string> = {
  baton_url: hash.get('baton_url') ?? `${window.location.origin}${demo ? '/preview/zendesk/demo' : ''}`,
  token: hash.get('token') ?? 'demo',
};
const ticketId = hash.get('ticket') ?? (demo ? 'demo-1' : '1');
const locale = hash.get('locale') ?? navigator.language ?? 'en';
const secureSettings = new Set(['token']);

const frame = document.getElementById('app') as HTMLIFrameElement;
const reply = document.getElementById('reply') as HTMLTextAreaElement;
const saveStatus = document.getElementById('save-status')!;
const log = document.getElementById('host-log')!;
const subscriptions = new Map<string, number>();
let pendingSave: ((error?: string) => void) | null = null;

document.getElementById('ticket-title')!.textContent = `Ticket #${ticketId}`;
document.getElementById('mode')!.textContent = demo
  ? 'Demo ticket and demo brief (add #token=<API key>&ticket=<id> to the address to read a real ticket’s brief).'
  : `Reading ticket ${ticketId}’s brief from ${settings.baton_url}.`;

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  log.appendChild(item);
}

function send(message: object): void {
  frame.contentWindow?.postMessage(JSON.stringify(message), window.location.origin);
}

const getters: Record<string, () => unknown> = {
  'ticket.id': () => ticketId,
  'ticket.comment.text': () => reply.value,
  'currentUser.id': () => 1,
  'currentUser.name': () => 'Preview agent',
  'currentUser.locale': () => locale,
  currentUser: () => ({ id: 1, name: 'Preview agent', locale }),
};

function answerGet(id: number, paths: string[]): void {
  const result: Record<string, unknown> = {};
  const errors: Record<string, { message: string; name: string }> = {};
  for (const path of paths) {
    const getter = getters[path];
    if (getter) result[path] = getter();
    else errors[path] = { name: 'ApiError', message: 'Could not find path' };
  }
  send({ id, result: { ...result, errors } });
}

function answerSet(id: number, values: Record<string, unknown>): void {
  const errors: Record<string, { message: string; name: string }> = {};
  for (const [path, value] of Object.entries(values)) {
    if (path === 'ticket.comment.text') reply.value = String(value);
    else errors[path] = { name: 'ApiError', message: 'Cannot set this path in the preview' };
  }
  send({ id, result: { errors } });
}

function answerInvoke(id: number, calls: Record<string, unknown[]>): void {
  const errors: Record<string, { message: string; name: string }> = {};
  for (const [name, args] of Object.entries(calls)) {
    note(`invoke ${name} ${JSON.stringify(args)}`);
    if (name === 'resize') {
      const size = (args[0] ?? {}) as { height?: string | number };
      if (size.height !== undefined) frame.style.height = typeof size.height === 'number' ? `${size.height}px` : size.height;
      document.body.dataset.resizes = String(Number(document.body.dataset.resizes ?? 0) + 1);
    } else if (name === 'ticket.comment.appendText') {
      reply.value += String(args[0] ?? '');
    } else {
      errors[name] = { name: 'ApiError', message: `${name} is not available in the preview` };
    }
  }
  send({ id, result: { errors } });
}

function fill(text: string, allowSecure: boolean): string {
  return text.replace(/\{\{setting\.(\w+)\}\}/g, (whole, name: string) => {
    if (secureSettings.has(name) && !allowSecure) return whole;
    return settings[name] ?? whole;
  });
}

interface RequestOptions {
  url: string;
  type?: string;
  contentType?: string;
  data?: string;
  dataType?: string;
  headers?: Record<string, string>;
  secure?: boolean;
}

async function performRequest(key: string, options: RequestOptions): Promise<void> {
  // Like Zendesk's proxy: secure settings are filled in only on requests to the allowed domain.
  const url = new URL(fill(options.url, false), window.location.href);
  const allowed = new URL(settings.baton_url!).host === url.host;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = fill(value, Boolean(options.secure) && allowed);
  if (options.contentType) headers['Content-Type'] = options.contentType;
  note(`request ${options.type ?? 'GET'} ${url.pathname}${url.search}`);
  try {
    const res = await fetch(url, { method: options.type ?? 'GET', headers, body: options.data, credentials: 'omit' });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const xhr = { status: res.status, statusText: res.statusText, responseText: text, responseJSON: json };
    if (res.ok) {
      const data = options.dataType === 'json' ? json : text;
      send({ key: `zaf.${key}.done`, message: { responseArgs: [data, 'success', xhr] } });
    } else {
      send({ key: `zaf.${key}.fail`, message: { responseArgs: [xhr, 'error', res.statusText] } });
    }
  } catch (err) {
    const xhr = { status: 0, statusText: 'error', responseText: String(err) };
    send({ key: `zaf.${key}.fail`, message: { responseArgs: [xhr, 'error', 'error'] } });
  }
}

function register(): void {
  send({
    key: 'zaf.app.registered',
    message: {
      metadata: { appId: 0, installationId: 0, name: 'Baton handoff brief', settings: { baton_url: settings.baton_url, title: 'Baton handoff brief' } },
      context: { product: 'support', location: 'ticket_sidebar', ticketId: Number(ticketId) || ticketId, instanceGuid: APP_GUID, account: { subdomain: 'preview' } },
    },
  });
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  let message: ZafMessage;
  try {
    message = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as ZafMessage;
  } catch {
    return;
  }
  if (message.request && typeof message.id === 'number') {
    if (message.request === 'get') answerGet(message.id, message.params as string[]);
    else if (message.request === 'set') answerSet(message.id, message.params as Record<string, unknown>);
    else answerInvoke(message.id, message.params as Record<string, unknown[]>);
    return;
  }
  const key = message.key ?? '';
  if (key === 'iframe.handshake') {
    note('handshake');
    register();
  } else if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
    const name = key.slice(key.indexOf(':') + 1);
    subscriptions.set(name, (message.message as { subscriberCount?: number } | undefined)?.subscriberCount ?? 0);
  } else if (key.startsWith('request:')) {
    void performRequest(key, message.message as RequestOptions);
  } else if (key === 'iframe.reply:ticket.save' && pendingSave) {
    pendingSave(message.error ? message.error.msg ?? 'cancelled' : undefined);
  }
});

/** Asks the app whether the save may go ahead, as Zendesk does with `ticket.save` hooks. */
function askApp(): Promise<string | undefined> {
  if (!subscriptions.get('ticket.save')) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), SAVE_REPLY_TIMEOUT_MS);
    const finish = (error?: string) => {
      clearTimeout(timer);
      pendingSave = null;
      resolve(error);
    };
    pendingSave = finish;
    send({ key: 'zaf.ticket.save', needsReply: true });
  });
}

document.getElementById('submit')!.addEventListener('click', async () => {
  saveStatus.className = '';
  saveStatus.textContent = 'Saving…';
  const error = await askApp();
  if (error) {
    saveStatus.className = 'cancelled';
    saveStatus.textContent = error;
    note('ticket.save cancelled by the app');
    return;
  }
  const sent = document.createElement('li');
  sent.textContent = reply.value;
  document.getElementById('sent')!.appendChild(sent);
  reply.value = '';
  saveStatus.textContent = 'Sent.';
  note('ticket.save allowed');
});

frame.src = `/preview/zendesk/app/iframe.html?origin=${encodeURIComponent(window.location.origin)}&app_guid=${APP_GUID}`;
