import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zendeskSignature } from '../../integrations/zendesk';
import type { HostileCase } from './hostile-table';

/**
 * The hostile-request table for every route hostile-table.ts does not cover: the sidebar signals and
 * embed links, the embeddable page, the Gorgias widget, the preview, the helpdesk webhooks (each
 * source, signed as the vendor signs), the admin API and Slack's endpoints. Same families as the
 * core table (bad JSON, non-objects, NUL and lone surrogates in values and field names, 10,000-deep
 * nesting, lying encodings, wrong types, bad percent-encoding and inherited names in path
 * parameters, repeated and NUL query parameters, bad auth, wrong methods), each row saying what must
 * come back and which tables it may change (none, unless it says so).
 */

export interface OtherExpected {
  status: number;
  code?: string;
  /** The field the error names (exact), or a prefix when it ends with `…`. */
  field?: string;
  allow?: string;
  /** Rows each table gains (every other table must be unchanged). */
  changes?: Record<string, number>;
}

export interface OtherCase extends Omit<HostileCase, 'expect'> {
  expect: OtherExpected;
  /** Placeholders (`{handoff}`, …) in the body are filled in by the runner too. */
  template?: boolean;
}

/** Filled in by the runner once the fixtures exist. */
export const P = {
  tenant: '{tenant-a}',
  /** Tenant B: Zendesk (with Sunshine) and Gorgias connected. */
  hooked: '{tenant-b}',
  /** Tenant C: Zendesk connected without Sunshine's secret. */
  plain: '{tenant-c}',
  /** Tenant D: what the admin rows change. */
  admin: '{tenant-d}',
  handoff: '{handoff-a}',
  otherHandoff: '{handoff-b}',
  embed: '{embed-query}',
} as const;

export const SECRETS = {
  admin: 'admin-token-for-hostile-tests-0123',
  zendesk: 'zendesk-signing-secret-0123456789',
  sunshine: 'sunshine-webhook-secret-0123',
  gorgias: 'gorgias-header-secret-0123456789',
  slack: 'slack-signing-secret-for-hostile',
} as const;

export const TICKET = 'known-ticket';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const ADMIN = { Authorization: `Bearer ${SECRETS.admin}` };
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const deep = (levels: number) => `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
const deepArray = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const DEEP = '"\u0000deep\u0000"';

type Path = Array<string | number>;
function setAt(target: unknown, path: Path, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(target)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}
/** `body` with `path` replaced by 10,000 nested objects (written by hand: JSON.stringify cannot). */
function withDeep(body: unknown, path: Path, text = deep(10_000)): Buffer {
  return Buffer.from(JSON.stringify(setAt(body, path, '\u0000deep\u0000')).replace(JSON.stringify('\u0000deep\u0000'), text));
}
const dotted = (path: Path) => path.join('.');

const BAD_TEXT: Array<[string, string]> = [
  ['a NUL', 'ab\u0000cd'],
  ['a lone high surrogate', 'ab\ud800cd'],
  ['a lone low surrogate', '\udc00'],
];

let serial = 0;
const next = () => (serial += 1);

function row(name: string, method: string, path: string, expect: OtherExpected, extra: Partial<OtherCase> = {}): OtherCase {
  return { name, method, path, headers: {}, auth: false, expect, ...extra };
}

/** A route that takes a JSON body through jsonBody(): the families every such route must refuse. */
interface JsonRoute {
  label: string;
  method: string;
  path: string;
  /** Sends the tenant's key (else `headers` carry the credential). */
  auth: boolean;
  headers?: Record<string, string>;
  body: () => unknown;
  /** Every string position the schema names, and wrong-typed values with the field they are named by. */
  strings: Path[];
  wrongTypes: Array<[string, Path, unknown, string]>;
  /** What a valid body gets, and the rows it adds. */
  ok: OtherExpected;
  /** A string of 100 kB (default: 422); some fields are unbounded or unknown ones dropped. */
  long?: OtherExpected;
  template?: boolean;
}

function jsonRouteRows(route: JsonRoute): OtherCase[] {
  const rows: OtherCase[] = [];
  const send = (name: string, body: Buffer, expect: OtherExpected, headers: Record<string, string> = {}) =>
    rows.push(
      row(`${route.method} ${route.label}: ${name}`, route.method, route.path, expect, {
        auth: route.auth,
        headers: { ...JSON_TYPE, ...route.headers, ...headers },
        body,
        // Placeholders are filled in text bodies only (never in compressed bytes).
        template: route.template && !headers['Content-Encoding'],
      }),
    );
  const invalid = (field: string): OtherExpected => ({ status: 422, code: 'invalid_input', field });

  send('a valid body', json(route.body()), route.ok);
  for (const text of ['[]', '"text"', '42', 'null', 'true']) send(`the JSON value ${text}`, Buffer.from(text), invalid('(body)'));
  for (const [name, text] of [
    ['truncated JSON', '{"a": ['],
    ['single quotes', "{'a': 1}"],
    ['a raw NUL byte in a string', '{"a":"x\u0000y"}'],
    ['NaN', '{"a":NaN}'],
  ]) {
    send(name!, Buffer.from(text!), { status: 400, code: 'invalid_json' });
  }
  // Not `{}`: on PUT …/policy that would reset the policy, on PUT …/integrations drop the keys.
  send('an empty body', Buffer.alloc(0), { status: 400, code: 'invalid_json', field: '(body)' });
  for (const path of route.strings) {
    for (const [what, value] of BAD_TEXT) send(`${what} in ${dotted(path)}`, json(setAt(route.body(), path, value)), invalid(dotted(path)));
    send(`${dotted(path)} of 100 kB`, json(setAt(route.body(), path, 'x'.repeat(100_000))), route.long ?? { status: 422, code: 'invalid_input' });
    send(`${dotted(path)} nested 10,000 objects deep`, withDeep(route.body(), path), invalid(`${dotted(path)}…`));
  }
  send('a NUL in a field name', json({ ...(route.body() as object), 'na\u0000me': 1 }), invalid('(body)'));
  send('a lone surrogate in a field name', json({ ...(route.body() as object), '\udfffname': 1 }), invalid('(body)'));
  send('an unknown field nested 10,000 objects deep', withDeep(route.body(), ['extra']), invalid('extra…'));
  send('an unknown field nested 10,000 arrays deep', withDeep(route.body(), ['extra'], deepArray(10_000)), invalid('extra…'));
  for (const [name, path, value, field] of route.wrongTypes) send(name, json(setAt(route.body(), path, value)), invalid(field));

  const plain = () => json(route.body());
  const encoding = (name: string, header: string, body: Buffer, expect: OtherExpected) => send(`Content-Encoding: ${header}, ${name}`, body, expect, { 'Content-Encoding': header });
  encoding('plain JSON', 'gzip', plain(), { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' });
  encoding('cut in half', 'gzip', gzipSync(plain()).subarray(0, 20), { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' });
  encoding('unknown', 'x-baton', plain(), { status: 415, code: 'unsupported_media_type', field: 'Content-Encoding' });
  encoding('a gzip bomb (20 MB of spaces)', 'gzip', gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')), { status: 413, code: 'payload_too_large' });
  send('a body over 1 MB', json({ ...(route.body() as object), pad: 'x'.repeat(1024 * 1024) }), { status: 413, code: 'payload_too_large' });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) {
    send(`Content-Type: ${type}`, plain(), { status: 415, code: 'unsupported_media_type', field: 'Content-Type' }, { 'Content-Type': type });
  }
  return rows;
}

/** A route for the method, query and credential families. */
interface AnyRoute {
  label: string;
  method: string;
  path: string;
  allow: string;
  /** The credential: the tenant's key, or headers. */
  auth: boolean;
  headers?: Record<string, string>;
  body?: () => Buffer;
  /** Requests without the credential: what they get (none for open routes). */
  refused?: OtherExpected;
  /** Headers that carry a wrong credential. */
  wrong?: Record<string, string>;
}

function commonRows(route: AnyRoute): OtherCase[] {
  const rows: OtherCase[] = [];
  const base = route.path.split('?')[0]!;
  const joiner = route.path.includes('?') ? '&' : '?';
  const headers = { ...(route.body ? JSON_TYPE : {}), ...route.headers };
  for (const [name, query, field] of [
    ['a NUL in a query value', 'x=a%00b', 'x'],
    ['a NUL in a query name', 'x%00y=1', 'x\u0000y'],
    ['a query parameter repeated', 'x=1&x=2', 'x'],
  ]) {
    rows.push(row(`${route.method} ${base}: ${name}`, route.method, `${route.path}${joiner}${query}`, { status: 400, code: 'bad_request', field }, { auth: route.auth, headers, body: route.body?.(), template: true }));
  }
  for (const auth of [false, true]) {
    rows.push(row(`OPTIONS ${base} ${auth ? 'with' : 'without'} a credential`, 'OPTIONS', route.path, { status: 204, allow: route.allow }, { auth: auth && route.auth, headers: auth ? { ...route.headers } : {} }));
  }
  const allowed = route.allow.split(', ');
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !allowed.includes(m))) {
    rows.push(row(`${method} ${base}`, method, route.path, { status: 405, code: 'method_not_allowed', allow: route.allow }, { auth: route.auth, headers: { ...route.headers } }));
  }
  if (route.refused) {
    rows.push(row(`${route.method} ${base}: no credential`, route.method, route.path, route.refused, { headers: { ...(route.body ? JSON_TYPE : {}) }, body: route.body?.(), template: true }));
    const wrong = route.wrong ?? { Authorization: 'Bearer bt_not-a-real-key' };
    rows.push(row(`${route.method} ${base}: a wrong credential`, route.method, route.path, route.refused, { headers: { ...headers, ...wrong }, body: route.body?.(), template: true }));
    const long = Object.fromEntries(Object.entries(wrong).map(([k, v]) => [k, `${v}${'k'.repeat(3000)}`]));
    rows.push(row(`${route.method} ${base}: a credential of 3,000 characters`, route.method, route.path, route.refused, { headers: { ...headers, ...long }, body: route.body?.(), template: true }));
  }
  return rows;
}

/** Path parameter families: broken percent-encoding is 400 `path`; anything else unknown is 404. */
function pathParamRows(label: string, method: string, make: (value: string) => string, extra: Partial<OtherCase>, notFound: OtherExpected, values: string[] = []): OtherCase[] {
  const rows: OtherCase[] = [];
  for (const bad of ['%zz', '%E0%A4%A', '%', '%ED%A0%80', '%FF%FE']) {
    rows.push(row(`${method} ${label}: bad percent-encoding ${bad}`, method, make(bad), { status: 400, code: 'bad_request', field: 'path' }, extra));
  }
  for (const value of ['%00', 'x'.repeat(5000), '__proto__', 'constructor', 'toString', UNKNOWN_UUID, 'not-a-uuid', ...values]) {
    rows.push(row(`${method} ${label}: ${value.slice(0, 40)}`, method, make(value), notFound, extra));
  }
  return rows;
}

const NOT_FOUND: OtherExpected = { status: 404, code: 'not_found' };
const UNAUTHORIZED: OtherExpected = { status: 401, code: 'unauthorized' };

function signalRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const feedback = () => ({ handoff_id: P.handoff, brief_version: 1, helpful: true, agent_id: `agent-${next()}` });
  rows.push(
    ...jsonRouteRows({
      label: '/v1/briefs/feedback',
      method: 'POST',
      path: '/v1/briefs/feedback',
      auth: true,
      body: feedback,
      template: true,
      strings: [['agent_id'], ['handoff_id']],
      wrongTypes: [
        ['handoff_id missing', ['handoff_id'], undefined, 'handoff_id'],
        ['handoff_id not a uuid', ['handoff_id'], 'not-a-uuid', 'handoff_id'],
        ['brief_version a string', ['brief_version'], '1', 'brief_version'],
        ['brief_version 0', ['brief_version'], 0, 'brief_version'],
        ['brief_version 1.5', ['brief_version'], 1.5, 'brief_version'],
        // Past what a Postgres integer column holds: refused, never sent to the database.
        ['brief_version 2^31', ['brief_version'], 2 ** 31, 'brief_version'],
        ['brief_version 2^53 - 1', ['brief_version'], Number.MAX_SAFE_INTEGER, 'brief_version'],
        ['helpful a string', ['helpful'], 'yes', 'helpful'],
        ['helpful null', ['helpful'], null, 'helpful'],
        ['agent_id a number', ['agent_id'], 42, 'agent_id'],
        ['agent_id an object', ['agent_id'], { id: 1 }, 'agent_id'],
      ],
      ok: { status: 204, changes: { brief_feedback: 1 } },
    }),
  );
  for (const [name, body] of [
    ["another tenant's handoff", { handoff_id: P.otherHandoff, brief_version: 1, helpful: true }],
    ['an unknown handoff', { handoff_id: UNKNOWN_UUID, brief_version: 1, helpful: true }],
    ['a brief version that does not exist', { handoff_id: P.handoff, brief_version: 99, helpful: true }],
    ["the database integer's largest brief version", { handoff_id: P.handoff, brief_version: 2 ** 31 - 1, helpful: true }],
  ] as const) {
    rows.push(row(`POST /v1/briefs/feedback: ${name}`, 'POST', '/v1/briefs/feedback', NOT_FOUND, { auth: true, headers: JSON_TYPE, body: json(body), template: true }));
  }

  rows.push(
    ...jsonRouteRows({
      label: '/v1/briefs/guard-warnings',
      method: 'POST',
      path: '/v1/briefs/guard-warnings',
      auth: true,
      body: () => ({ handoff_id: P.handoff, kinds: ['email', 'phone'], agent_id: 'agent-1' }),
      template: true,
      strings: [['agent_id'], ['kinds', 0]],
      wrongTypes: [
        ['kinds missing', ['kinds'], undefined, 'kinds'],
        ['kinds empty', ['kinds'], [], 'kinds'],
        ['kinds a string', ['kinds'], 'email', 'kinds'],
        ['an unknown kind', ['kinds', 0], 'password', 'kinds.0'],
        ['too many kinds', ['kinds'], ['email', 'email', 'email', 'email', 'email', 'email'], 'kinds'],
        ['handoff_id a number', ['handoff_id'], 42, 'handoff_id'],
      ],
      ok: { status: 201, changes: { guard_warnings: 1 } },
    }),
  );
  rows.push(row("POST /v1/briefs/guard-warnings: another tenant's handoff", 'POST', '/v1/briefs/guard-warnings', NOT_FOUND, { auth: true, headers: JSON_TYPE, body: json({ handoff_id: P.otherHandoff, kinds: ['email'] }), template: true }));

  rows.push(
    ...jsonRouteRows({
      label: '/v1/embed-links',
      method: 'POST',
      path: '/v1/embed-links',
      auth: true,
      body: () => ({ provider: 'zendesk', ticket: TICKET, ttl_seconds: 600 }),
      strings: [['provider'], ['ticket']],
      wrongTypes: [
        ['provider missing', ['provider'], undefined, 'provider'],
        ['a provider with a space', ['provider'], 'zen desk', 'provider'],
        ['a ticket of 129 characters', ['ticket'], '9'.repeat(129), 'ticket'],
        ['a ticket with a newline', ['ticket'], '1\n2', 'ticket'],
        ['ticket a number', ['ticket'], 12, 'ticket'],
        ['ttl_seconds under 60', ['ttl_seconds'], 59, 'ttl_seconds'],
        ['ttl_seconds over an hour', ['ttl_seconds'], 3601, 'ttl_seconds'],
        ['ttl_seconds a string', ['ttl_seconds'], '600', 'ttl_seconds'],
        ['ttl_seconds 1e300', ['ttl_seconds'], 1e300, 'ttl_seconds'],
      ],
      ok: { status: 201 },
    }),
  );

  rows.push(...commonRows({ label: 'usage', method: 'GET', path: '/v1/usage', allow: 'GET, HEAD, OPTIONS', auth: true, refused: UNAUTHORIZED }));
  for (const [name, query, expect] of [
    ['no since', '', { status: 200 }],
    ['a date', 'since=2026-11-01', { status: 200 }],
    ['since not a date', 'since=yesterday', { status: 400, code: 'bad_request', field: 'since' }],
    ['since an impossible date', 'since=2026-13-45', { status: 400, code: 'bad_request', field: 'since' }],
    ['since empty', 'since=', { status: 400, code: 'bad_request', field: 'since' }],
    ['since of 5,000 characters', `since=2026-11-01${'9'.repeat(5000)}`, { status: 400, code: 'bad_request', field: 'since' }],
    ['since twice', 'since=2026-11-01&since=2026-10-01', { status: 400, code: 'bad_request', field: 'since' }],
    ['a NUL in since', 'since=2026-11-01%00', { status: 400, code: 'bad_request', field: 'since' }],
    ['since a day February does not have', 'since=2026-02-30', { status: 400, code: 'bad_request', field: 'since' }],
    ['since the 29th of February of a common year', 'since=2025-02-29', { status: 400, code: 'bad_request', field: 'since' }],
    ['since the 29th of February of a leap year', 'since=2024-02-29', { status: 200 }],
    ['since in year 0', 'since=0000-01-01', { status: 400, code: 'bad_request', field: 'since' }],
    ['since in year 1 at +14:00 (year 0 in UTC)', 'since=0001-01-01T00:00:00%2B14:00', { status: 400, code: 'bad_request', field: 'since' }],
    ['since at the end of 9999 at -23:59 (year 10000 in UTC)', 'since=9999-12-31T23:59:59-23:59', { status: 400, code: 'bad_request', field: 'since' }],
    ['since at the start of year 1', 'since=0001-01-01', { status: 200 }],
    ['a date with words after it', 'since=2026-01-01junk', { status: 400, code: 'bad_request', field: 'since' }],
    ['a date with a month name after it', 'since=2026-01-01%20dec', { status: 400, code: 'bad_request', field: 'since' }],
    ['a time without a zone', 'since=2026-01-01T00:00', { status: 400, code: 'bad_request', field: 'since' }],
    ['a time in UTC', 'since=2026-01-01T00:00:00Z', { status: 200 }],
    ['a time with an offset and milliseconds', 'since=2026-01-01T08:30:00.250%2B02:00', { status: 200 }],
  ] as Array<[string, string, OtherExpected]>) {
    rows.push(row(`GET /v1/usage: ${name}`, 'GET', `/v1/usage${query ? `?${query}` : ''}`, expect, { auth: true }));
  }

  const alert = `/v1/handoffs/${P.handoff}/slack-alert`;
  rows.push(...commonRows({ label: 'slack-alert', method: 'GET', path: alert, allow: 'GET, HEAD, OPTIONS', auth: true, refused: UNAUTHORIZED }));
  rows.push(row('GET /v1/handoffs/:id/slack-alert: a handoff that escalates', 'GET', alert, { status: 200 }, { auth: true }));
  rows.push(...pathParamRows('/v1/handoffs/:id/slack-alert', 'GET', (id) => `/v1/handoffs/${id}/slack-alert`, { auth: true }, NOT_FOUND, [P.otherHandoff, `${P.handoff}%00`]));
  return rows;
}

function embedRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const invalidLink: OtherExpected = UNAUTHORIZED;
  for (const page of ['/embed/sidebar', '/embed/brief']) {
    rows.push(...commonRows({ label: page, method: 'GET', path: `${page}?${P.embed}`, allow: 'GET, HEAD, OPTIONS', auth: false }));
    rows.push(row(`GET ${page}: no link`, 'GET', page, invalidLink));
    for (const [name, change] of [
      ['another ticket', (q: string) => q.replace(`ticket=${TICKET}`, 'ticket=other')],
      ['a later expiry', (q: string) => q.replace(/expires=\d+/, 'expires=99999999999')],
      ['another tenant', (q: string) => q.replace(/tenant=[^&]+/, `tenant=${P.hooked}`)],
      ['an unknown tenant', (q: string) => q.replace(/tenant=[^&]+/, `tenant=${UNKNOWN_UUID}`)],
      ['a tenant that is not a uuid', (q: string) => q.replace(/tenant=[^&]+/, 'tenant=__proto__')],
      ['a signature cut short', (q: string) => q.replace(/sig=[^&]+/, 'sig=abc')],
      ['a signature of 5,000 characters', (q: string) => q.replace(/sig=[^&]+/, `sig=${'a'.repeat(5000)}`)],
      ['an expiry of 5,000 digits', (q: string) => q.replace(/expires=\d+/, `expires=${'9'.repeat(5000)}`)],
      ['bad percent-encoding in ticket', (q: string) => q.replace(`ticket=${TICKET}`, 'ticket=%zz')],
      ['a ticket with a lone surrogate', (q: string) => q.replace(`ticket=${TICKET}`, 'ticket=%ED%A0%80')],
    ] as Array<[string, (q: string) => string]>) {
      rows.push(row(`GET ${page}: a link with ${name}`, 'GET', `${page}?{embed:${name}}`, invalidLink));
      EMBED_CHANGES[name] = change;
    }
    rows.push(row(`GET ${page}: sig given twice`, 'GET', `${page}?${P.embed}&sig=x`, { status: 400, code: 'bad_request', field: 'sig' }));
  }
  rows.push(row('GET /embed/brief: the linked ticket', 'GET', `/embed/brief?${P.embed}`, { status: 200 }));
  rows.push(row('GET /embed/sidebar: the page', 'GET', `/embed/sidebar?${P.embed}`, { status: 200 }));

  const feedback = `/embed/feedback?${P.embed}`;
  rows.push(...commonRows({ label: '/embed/feedback', method: 'POST', path: feedback, allow: 'OPTIONS, POST', auth: false, body: () => json({ brief_version: 1, helpful: false }) }));
  rows.push(row('POST /embed/feedback: no link', 'POST', '/embed/feedback', invalidLink, { headers: JSON_TYPE, body: json({ brief_version: 1, helpful: true }) }));
  rows.push(
    ...jsonRouteRows({
      label: '/embed/feedback',
      method: 'POST',
      path: feedback,
      auth: false,
      body: () => ({ brief_version: 1, helpful: false }),
      strings: [],
      wrongTypes: [
        ['brief_version missing', ['brief_version'], undefined, 'brief_version'],
        ['brief_version a string', ['brief_version'], 'one', 'brief_version'],
        ['brief_version negative', ['brief_version'], -1, 'brief_version'],
        ['brief_version 2^31', ['brief_version'], 2 ** 31, 'brief_version'],
        ['helpful a number', ['helpful'], 1, 'helpful'],
        ['helpful an array', ['helpful'], [true], 'helpful'],
      ],
      ok: { status: 204, changes: { brief_feedback: 1 } },
    }),
  );
  rows.push(row('POST /embed/feedback: a brief version that does not exist', 'POST', feedback, NOT_FOUND, { headers: JSON_TYPE, body: json({ brief_version: 42, helpful: true }) }));

  // The built files may or may not be there (npm run build:apps): only what is refused either way.
  for (const [name, file, expect] of [
    ['an unknown file', 'app.js', NOT_FOUND],
    ['a path traversal', '..%2F..%2Fpackage.json', NOT_FOUND],
    ['a NUL', 'embed.js%00', NOT_FOUND],
    ['__proto__', '__proto__', NOT_FOUND],
    ['constructor', 'constructor', NOT_FOUND],
    ['toString', 'toString', NOT_FOUND],
    ['hasOwnProperty', 'hasOwnProperty', NOT_FOUND],
    ['bad percent-encoding', '%E0%A4%A', { status: 400, code: 'bad_request', field: 'path' }],
  ] as Array<[string, string, OtherExpected]>) {
    rows.push(row(`GET /embed/assets/:file: ${name}`, 'GET', `/embed/assets/${file}`, expect));
  }
  for (const method of ['POST', 'PUT', 'DELETE']) rows.push(row(`${method} /embed/assets/embed.js`, method, '/embed/assets/embed.js', { status: 405, code: 'method_not_allowed', allow: 'GET, HEAD, OPTIONS' }));

  rows.push(...commonRows({ label: '/preview/zendesk', method: 'GET', path: '/preview/zendesk/demo/v1/briefs', allow: 'GET, HEAD, OPTIONS', auth: false }));
  rows.push(row('GET /preview/zendesk/demo/v1/briefs', 'GET', '/preview/zendesk/demo/v1/briefs', { status: 200 }));
  for (const route of ['/preview/zendesk/demo/v1/briefs/feedback', '/preview/zendesk/demo/v1/briefs/guard-warnings']) {
    rows.push(row(`POST ${route}: not JSON (nothing is stored from the demo)`, 'POST', route, { status: 204 }, { headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('\u0000') }));
    rows.push(row(`GET ${route}`, 'GET', route, { status: 405, code: 'method_not_allowed', allow: 'OPTIONS, POST' }));
  }
  for (const path of ['/preview/zendesk', '/preview/assets/host.js', '/preview/zendesk/app/app.js']) {
    rows.push(row(`POST ${path}`, 'POST', path, { status: 405, code: 'method_not_allowed', allow: 'GET, HEAD, OPTIONS' }));
    rows.push(row(`GET ${path}: a NUL in a query value`, 'GET', `${path}?x=%00`, { status: 400, code: 'bad_request', field: 'x' }));
  }
  rows.push(row('GET /preview/assets/ an unknown file', 'GET', '/preview/assets/..%2F..%2Fpackage.json', NOT_FOUND));
  rows.push(row('GET /preview/assets/ a NUL', 'GET', '/preview/assets/host.js%00', NOT_FOUND));
  return rows;
}

/** Changes made to a real embed link's query, by row name (the runner applies them). */
export const EMBED_CHANGES: Record<string, (query: string) => string> = {};

function widgetRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const secret = { 'x-baton-secret': SECRETS.gorgias };
  const widget = (tenant: string, query = 'ticket_id=4012') => `/widgets/gorgias/${tenant}?${query}`;
  rows.push(...commonRows({ label: '/widgets/gorgias/:tenant', method: 'GET', path: widget(P.hooked), allow: 'GET, HEAD, OPTIONS', auth: false, headers: secret, refused: UNAUTHORIZED, wrong: { 'x-baton-secret': 'not-the-secret' } }));
  rows.push(row('GET /widgets/gorgias/:tenant: a ticket with no handoff', 'GET', widget(P.hooked), { status: 200 }, { headers: secret }));
  for (const [name, query, field] of [
    ['no ticket_id', 'x=1', 'ticket_id'],
    ['ticket_id not digits', 'ticket_id=abc', 'ticket_id'],
    ['ticket_id of 21 digits', `ticket_id=${'9'.repeat(21)}`, 'ticket_id'],
    ['ticket_id twice', 'ticket_id=1&ticket_id=2', 'ticket_id'],
    ['a NUL in ticket_id', 'ticket_id=1%00', 'ticket_id'],
    ['ticket_id as ticket_id[]', 'ticket_id[]=1', 'ticket_id'],
  ]) {
    rows.push(row(`GET /widgets/gorgias/:tenant: ${name}`, 'GET', widget(P.hooked, query), { status: 400, code: 'bad_request', field }, { headers: secret }));
  }
  rows.push(row('GET /widgets/gorgias/:tenant: the secret header twice', 'GET', widget(P.hooked), UNAUTHORIZED, { headers: { 'x-baton-secret': `${SECRETS.gorgias}, ${SECRETS.gorgias}` } }));
  rows.push(...pathParamRows('/widgets/gorgias/:tenant', 'GET', (t) => widget(t), { headers: secret }, NOT_FOUND, [P.tenant, P.plain]));
  return rows;
}

interface Source {
  name: 'zendesk' | 'sunshine' | 'gorgias';
  body: () => Record<string, unknown>;
  sign: (body: Buffer) => Record<string, string>;
  strings: Path[];
  wrongTypes: Array<[string, Path, unknown, string]>;
}

/** Webhook bodies are parsed after their signature: every bad body row is signed as the vendor signs. */
function webhookRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const now = new Date().toISOString();
  const sources: Source[] = [
    {
      name: 'zendesk',
      body: () => ({ type: 'zen:event-type:ticket.tags_changed', id: `ev-${next()}`, time: now, detail: { id: '4012', tags: ['ai_handover'] }, event: { tags: { added: ['ai_handover'] } } }),
      sign: (body) => ({ 'X-Zendesk-Webhook-Signature': zendeskSignature(SECRETS.zendesk, now, body), 'X-Zendesk-Webhook-Signature-Timestamp': now }),
      strings: [['id'], ['detail', 'id'], ['detail', 'tags', 0], ['event', 'tags', 'added', 0], ['time'], ['extra']],
      wrongTypes: [],
    },
    {
      name: 'sunshine',
      body: () => ({
        app: { id: 'app-1' },
        events: [{ id: `sun-${next()}`, type: 'switchboard:passControl', createdAt: now, payload: { conversation: { id: 'conv-1', activeSwitchboardIntegration: { name: 'zd-agentWorkspace', integrationType: 'zd:agentWorkspace' } }, metadata: { note: 'x' } } }],
      }),
      sign: () => ({ 'X-API-Key': SECRETS.sunshine }),
      strings: [['app', 'id'], ['events', 0, 'id'], ['events', 0, 'type'], ['events', 0, 'payload', 'conversation', 'id'], ['events', 0, 'payload', 'metadata', 'note']],
      wrongTypes: [
        ['events missing', ['events'], undefined, 'events'],
        ['events empty', ['events'], [], 'events'],
        ['an event id of 201 characters', ['events', 0, 'id'], 'e'.repeat(201), 'events.0.id'],
        ['app a string', ['app'], 'app-1', 'app'],
      ],
    },
    {
      name: 'gorgias',
      body: () => ({ event: 'ticket-updated', ticket: { id: 4000 + next(), tags: [{ name: 'ai_handover' }], status: 'open', updated_datetime: now } }),
      sign: () => ({ 'X-Baton-Secret': SECRETS.gorgias }),
      strings: [['ticket', 'tags', 0, 'name'], ['ticket', 'status'], ['ticket', 'updated_datetime'], ['extra']],
      wrongTypes: [
        ['ticket missing', ['ticket'], undefined, 'ticket'],
        ['a ticket id that is not a number', ['ticket', 'id'], 'abc', 'ticket.id'],
        ['an unknown event', ['event'], 'ticket-deleted', 'event'],
      ],
    },
  ];
  const bad = (field: string): OtherExpected => ({ status: 400, code: 'bad_request', field });
  const stored: OtherExpected = { status: 202, changes: { inbound_events: 1, jobs: 1 } };

  for (const source of sources) {
    const path = `/webhooks/${source.name}/${P.hooked}`;
    const label = `POST /webhooks/${source.name}/:tenant`;
    const signed = (name: string, body: Buffer, expect: OtherExpected, headers: Record<string, string> = {}, at = path) =>
      rows.push(row(`${label}: ${name}`, 'POST', at, expect, { headers: { ...JSON_TYPE, ...source.sign(body), ...headers }, body }));

    signed('a valid event', json(source.body()), stored);
    const replay = json(source.body());
    signed('an event', replay, stored);
    signed('the same event again (a replay)', replay, { status: 200 });
    for (const text of ['not json', '{"a": [', '{"a":"x\u0000y"}']) signed(`the body ${JSON.stringify(text)}`, Buffer.from(text), bad('(body)'));
    signed('an empty body', Buffer.alloc(0), bad('(body)'));
    // Raw bytes that are not UTF-8 inside a string (a lone surrogate encoded, and 0xFF): decoded they
    // would be stored as U+FFFD, text nobody sent.
    for (const [what, bytes] of [['encoded lone surrogate', [0xed, 0xa0, 0x80]], ['0xFF byte', [0xff]]] as const) {
      const whole = json(source.body());
      const at = whole.indexOf('":"') + 3;
      signed(`${what === '0xFF byte' ? 'a' : 'an'} ${what} inside a string`, Buffer.concat([whole.subarray(0, at), Buffer.from(bytes), whole.subarray(at)]), bad('(body)'));
    }
    for (const text of ['[]', '"text"', '42', 'null']) signed(`the JSON value ${text}`, Buffer.from(text), { status: 400, code: 'bad_request' });
    for (const p of source.strings) {
      for (const [what, value] of BAD_TEXT) signed(`${what} in ${dotted(p)}`, json(setAt(source.body(), p, value)), bad(dotted(p)));
      signed(`${dotted(p)} nested 10,000 objects deep`, withDeep(source.body(), p), bad(`${dotted(p)}…`));
    }
    signed('a NUL in a field name', json({ ...source.body(), 'na\u0000me': 1 }), bad('(body)'));
    signed('a lone surrogate in a field name', json({ ...source.body(), '\udfffname': 1 }), bad('(body)'));
    signed('10,000 nested arrays', withDeep(source.body(), ['extra'], deepArray(10_000)), bad('extra…'));
    for (const [name, p, value, field] of source.wrongTypes) signed(name, json(setAt(source.body(), p, value)), bad(field));
    signed('a body over 1 MB', json({ ...source.body(), pad: 'x'.repeat(1024 * 1024) }), { status: 413, code: 'payload_too_large' });
    signed('an unknown Content-Encoding', json(source.body()), { status: 415, code: 'unsupported_media_type', field: 'Content-Encoding' }, { 'Content-Encoding': 'x-baton' });
    signed('gzip that is not gzip', json(source.body()), { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }, { 'Content-Encoding': 'gzip' });
    rows.push(row(`${label}: no credential`, 'POST', path, UNAUTHORIZED, { headers: JSON_TYPE, body: json(source.body()) }));
    const body = json(source.body());
    const wrong = Object.fromEntries(Object.entries(source.sign(body)).map(([k]) => [k, 'not-the-signature']));
    rows.push(row(`${label}: a wrong credential`, 'POST', path, UNAUTHORIZED, { headers: { ...JSON_TYPE, ...wrong }, body }));
    const twice = Object.fromEntries(Object.entries(source.sign(body)).map(([k, v]) => [k, `${v}, ${v}`]));
    if (source.name !== 'zendesk') rows.push(row(`${label}: the credential header twice`, 'POST', path, { status: 401, code: 'unauthorized' }, { headers: { ...JSON_TYPE, ...twice }, body }));
    // Not this tenant's source, or no such tenant: 404 whatever the body.
    signed('a tenant with nothing connected', json(source.body()), NOT_FOUND, {}, `/webhooks/${source.name}/${P.tenant}`);
    signed('an unknown tenant', json(source.body()), NOT_FOUND, {}, `/webhooks/${source.name}/${UNKNOWN_UUID}`);
    signed('a tenant that is not a uuid', json(source.body()), NOT_FOUND, {}, `/webhooks/${source.name}/not-a-uuid`);
    signed('bad percent-encoding in the tenant', json(source.body()), { status: 400, code: 'bad_request', field: 'path' }, {}, `/webhooks/${source.name}/%E0%A4%A`);
    rows.push(...commonRows({ label: `/webhooks/${source.name}/:tenant`, method: 'POST', path, allow: 'OPTIONS, POST', auth: false, headers: source.sign(replay), body: () => replay }));
  }
  rows.push(...storableWebhookRows(sources, bad, stored));
  // Zendesk's replay window, and Sunshine for a tenant that never set its secret.
  const late = json(sources[0]!.body());
  rows.push(
    row('POST /webhooks/zendesk/:tenant: a signature an hour old', 'POST', `/webhooks/zendesk/${P.hooked}`, UNAUTHORIZED, {
      headers: { ...JSON_TYPE, 'X-Zendesk-Webhook-Signature': zendeskSignature(SECRETS.zendesk, '2020-01-01T00:00:00Z', late), 'X-Zendesk-Webhook-Signature-Timestamp': '2020-01-01T00:00:00Z' },
      body: late,
    }),
  );
  // Two ids of the longest length Sunshine's schema takes, alike but for the last character: two events.
  for (const last of ['1', '2']) {
    const body = json({ ...sources[1]!.body(), events: [{ id: `${'e'.repeat(199)}${last}`, type: 'conversation:message' }] });
    rows.push(row(`POST /webhooks/sunshine/:tenant: an event id of 200 characters ending in ${last}`, 'POST', `/webhooks/sunshine/${P.hooked}`, { status: 202, changes: { inbound_events: 1, jobs: 1 } }, { headers: { ...JSON_TYPE, 'X-API-Key': SECRETS.sunshine }, body }));
  }
  rows.push(row('POST /webhooks/sunshine/:tenant: Zendesk connected without Sunshine', 'POST', `/webhooks/sunshine/${P.plain}`, NOT_FOUND, { headers: { ...JSON_TYPE, 'X-API-Key': SECRETS.sunshine }, body: json(sources[1]!.body()) }));
  for (const source of ['freshdesk', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '%00', 'x'.repeat(5000)]) {
    rows.push(row(`POST /webhooks/:source/:tenant: source ${source.slice(0, 20)}`, 'POST', `/webhooks/${source}/${P.hooked}`, NOT_FOUND, { headers: { ...JSON_TYPE, 'X-API-Key': SECRETS.sunshine }, body: json({ a: 1 }) }));
  }
  rows.push(row('POST /webhooks/:source/:tenant: bad percent-encoding in the source', 'POST', `/webhooks/%zz/${P.hooked}`, { status: 400, code: 'bad_request', field: 'path' }, { headers: JSON_TYPE, body: json({ a: 1 }) }));
  return rows;
}

/**
 * Signed bodies whose times or ticket ids the store cannot hold (a timestamptz, the 200-character
 * ticket id): each once made a 202 whose job then failed on every attempt. Now 400 naming the field,
 * nothing stored or queued; the edges Postgres can hold are still stored.
 */
function storableWebhookRows(sources: Source[], bad: (field: string) => OtherExpected, stored: OtherExpected): OtherCase[] {
  const rows: OtherCase[] = [];
  const [zendesk, sunshine] = [sources[0]!, sources[1]!];
  const send = (source: Source, name: string, value: unknown, expect: OtherExpected) => {
    const body = json(value);
    rows.push(row(`POST /webhooks/${source.name}/:tenant: ${name}`, 'POST', `/webhooks/${source.name}/${P.hooked}`, expect, { headers: { ...JSON_TYPE, ...source.sign(body) }, body }));
  };
  const solved = (time: string) => ({ type: 'zen:event-type:ticket.status_changed', id: `ev-${next()}`, time, subject: 'zen:ticket:4012', detail: { id: '4012' }, event: { current: 'solved', previous: 'open' } });
  const comment = (time: string) => ({
    type: 'zen:event-type:ticket.comment_added',
    id: `ev-${next()}`,
    time,
    subject: 'zen:ticket:4012',
    detail: { id: '4012' },
    event: { comment: { is_public: true, author: { is_staff: true } } },
  });
  const withSubject = (subject: string) => ({ ...solved(new Date().toISOString()), subject });
  const trigger = (updatedAt: string) => ({ ticket: { id: `${4000 + next()}`, tags: 'ai_handover', status: 'solved', updated_at: updatedAt }, satisfaction: 'unoffered' });
  const NOT_TIMES = ['1', '12', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z', '2026-11-02', '2026-11-02T10:15:00', ''];
  // Leap day, and the first and last instants of four-digit years with an offset (1 BC, 10000 in UTC): Postgres holds them.
  const TIMES = ['2024-02-29T23:59:59.999Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00'];

  for (const time of NOT_TIMES) {
    send(zendesk, `a solved status with time ${JSON.stringify(time)}`, solved(time), bad('time'));
    send(zendesk, `a trigger for a solved ticket with updated_at ${JSON.stringify(time)}`, trigger(time), bad('ticket.updated_at'));
    send(sunshine, `createdAt ${JSON.stringify(time)}`, { ...sunshine.body(), events: [{ ...(sunshine.body().events as object[])[0]!, createdAt: time }] }, bad('events.0.createdAt'));
  }
  send(zendesk, 'an agent\'s public comment with time "1"', comment('1'), bad('time'));
  for (const time of TIMES) {
    send(zendesk, `a solved status with time ${time}`, solved(time), stored);
    send(zendesk, `a trigger for a solved ticket with updated_at ${time}`, trigger(time), stored);
  }
  send(zendesk, 'an agent\'s public comment on a leap day', comment(TIMES[0]!), stored);

  for (const [name, subject] of [
    ['5,000 digits', `zen:ticket:${'7'.repeat(5000)}`],
    // The handoff's conversation id is zendesk:ticket:<id>, and an id is at most 200 characters.
    ['186 digits', `zen:ticket:${'7'.repeat(186)}`],
    ['nothing', 'zen:ticket:'],
    ['only spaces', 'zen:ticket:   '],
  ]) {
    send(zendesk, `a subject naming a ticket id of ${name}`, withSubject(subject!), bad('subject'));
  }
  send(zendesk, 'a subject naming a ticket id of 185 digits', withSubject(`zen:ticket:${'7'.repeat(185)}`), stored);
  send(zendesk, 'a detail.id of 186 characters', { ...solved(new Date().toISOString()), subject: undefined, detail: { id: 'd'.repeat(186) } }, bad('detail.id'));
  send(zendesk, 'a detail.id of 185 characters', { ...solved(new Date().toISOString()), subject: undefined, detail: { id: 'd'.repeat(185) } }, stored);
  send(zendesk, 'a subject naming no ticket (a user event)', withSubject('zen:user:123'), stored);
  send(zendesk, 'a detail.id of only spaces', { ...solved(new Date().toISOString()), subject: undefined, detail: { id: '   ' } }, bad('detail.id'));

  const passControl = (ticketId: unknown) => {
    const body = sunshine.body() as { events: Array<{ payload: { metadata: Record<string, unknown> } }> };
    body.events[0]!.payload.metadata.ticket_id = ticketId;
    return body;
  };
  for (const [name, ticketId] of [
    ['of 201 characters', 't'.repeat(201)],
    ['of 5,000 digits', '7'.repeat(5000)],
    ['that is empty', ''],
    ['of only spaces', '   '],
    ['that is a fraction', 1.5],
    ['that is negative', -4],
  ] as Array<[string, unknown]>) {
    send(sunshine, `a passControl with a metadata.ticket_id ${name}`, passControl(ticketId), bad('events.0.payload.metadata.ticket_id'));
  }
  send(sunshine, 'a passControl whose metadata.ticket_id is a number', passControl(5158), stored);
  send(sunshine, 'a passControl whose metadata.ticket_id has 200 characters', passControl('t'.repeat(200)), stored);
  // The handoff's conversation id is sunshine:conversation:<id>, and an id is at most 200 characters.
  const passControlOf = (conversationId: string) => {
    const body = sunshine.body() as { events: Array<{ payload: { conversation: { id: string } } }> };
    body.events[0]!.payload.conversation.id = conversationId;
    return body;
  };
  send(sunshine, 'a passControl of a conversation id of 179 characters', passControlOf('c'.repeat(179)), bad('events.0.payload.conversation.id'));
  send(sunshine, 'a passControl of a conversation id of 178 characters', passControlOf('c'.repeat(178)), stored);
  send(sunshine, 'a passControl whose metadata.ticket_id is a boolean (never a ticket)', passControl(true), stored);

  // Events per delivery (MAX_EVENTS_PER_DELIVERY): each is a transaction, so the count is bounded.
  const events = (n: number) => ({ app: { id: 'app-1' }, events: Array.from({ length: n }, () => ({ id: `sun-${next()}`, type: 'conversation:message', createdAt: new Date().toISOString() })) });
  const tooMany: OtherExpected = { status: 422, code: 'invalid_input', field: 'events' };
  send(sunshine, 'a delivery of 100 events', events(100), { status: 202, changes: { inbound_events: 100, jobs: 100 } });
  send(sunshine, 'a delivery of 101 events', events(101), tooMany);
  send(sunshine, 'a delivery of 10,000 events (under 1 MB)', events(10_000), tooMany);
  // The count is checked before any event is read: a bad 101st event does not change the answer.
  send(sunshine, 'a delivery of 101 events, the last without an id', { ...events(101), events: [...events(100).events, { type: 'x' }] }, tooMany);
  return rows;
}

function adminRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const tenantPath = (rest = '', id: string = P.admin) => `/admin/v1/tenants/${id}${rest}`;
  const adminJson = (
    label: string,
    method: string,
    path: string,
    body: () => unknown,
    strings: Path[],
    wrongTypes: JsonRoute['wrongTypes'],
    ok: OtherExpected,
    more: Partial<JsonRoute> = {},
  ) => rows.push(...jsonRouteRows({ label, method, path, auth: false, headers: ADMIN, body, strings, wrongTypes, ok, ...more }));

  adminJson('/admin/v1/tenants', 'POST', '/admin/v1/tenants', () => ({ name: `hostile-${next()}`, policy: { refund_threshold: 50 } }), [['name'], ['policy', 'currency']], [
    ['name missing', ['name'], undefined, 'name'],
    ['name blank', ['name'], '   ', 'name'],
    ['name of 101 characters', ['name'], 'n'.repeat(101), 'name'],
    ['name a number', ['name'], 7, 'name'],
    ['policy an array', ['policy'], [1], 'policy'],
    ['a policy queue name in capitals', ['policy', 'queues'], { billing: 'Payments' }, 'policy.queues.billing'],
    ['a policy queue name of a zero-width space', ['policy', 'queues'], { sales: '\u200b' }, 'policy.queues.sales'],
    ['a policy currency that is no currency', ['policy', 'currency'], 'ab!', 'policy.currency'],
  ], { status: 201, changes: { tenants: 1, api_keys: 1 } });
  adminJson('/admin/v1/tenants/:id/policy', 'PUT', tenantPath('/policy'), () => ({ policy: { refund_threshold: 75, queues: { billing: 'payments' } } }), [['policy', 'queues', 'billing']], [
    ['a NUL in policy.currency', ['policy', 'currency'], 'U\u0000D', 'policy.currency'],
    ['policy.currency of 100 kB', ['policy', 'currency'], 'x'.repeat(100_000), 'policy.currency'],
    // An ISO 4217 code (any case); three characters that are no currency are refused.
    ['policy.currency with a symbol', ['policy', 'currency'], 'ab!', 'policy.currency'],
    ['policy.currency of currency signs', ['policy', 'currency'], '€€€', 'policy.currency'],
    ['policy.currency of three letters that are no currency', ['policy', 'currency'], 'ABC', 'policy.currency'],
    ['policy.currency with a long s that upper-cases to USD', ['policy', 'currency'], 'u\u017fd', 'policy.currency'],
    ['refund_threshold negative', ['policy', 'refund_threshold'], -1, 'policy.refund_threshold'],
    ['refund_threshold a string', ['policy', 'refund_threshold'], '75', 'policy.refund_threshold'],
    ['confidence_threshold above 1', ['policy', 'confidence_threshold'], 2, 'policy.confidence_threshold'],
    ['a queue name of 201 characters', ['policy', 'queues', 'billing'], 'q'.repeat(201), 'policy.queues.billing'],
    // Names no Slack route can match (QUEUE_NAME): the queue would never be alerted.
    ['a queue name of 101 characters', ['policy', 'queues', 'billing'], 'q'.repeat(101), 'policy.queues.billing'],
    ['a queue name of one space', ['policy', 'queues', 'billing'], ' ', 'policy.queues.billing'],
    ['a queue name of a zero-width space', ['policy', 'queues', 'billing'], '\u200b', 'policy.queues.billing'],
    ['a queue name in capitals', ['policy', 'queues', 'billing'], 'Payments', 'policy.queues.billing'],
    ['a queue name with a space inside', ['policy', 'queues', 'billing'], 'pay ments', 'policy.queues.billing'],
    ['a queue name starting with _', ['policy', 'queues', 'billing'], '_payments', 'policy.queues.billing'],
    ['a queue name with a dot', ['policy', 'queues', 'billing'], 'pay.ments', 'policy.queues.billing'],
    ['a queue name with an accent', ['policy', 'queues', 'billing'], 'paiementé', 'policy.queues.billing'],
    ['a queue name with a trailing newline', ['policy', 'queues', 'billing'], 'payments\n', 'policy.queues.billing'],
  ], { status: 200 });
  adminJson('/admin/v1/tenants/:id/keys', 'POST', tenantPath('/keys'), () => ({ label: 'bot' }), [['label']], [
    ['label of 101 characters', ['label'], 'l'.repeat(101), 'label'],
    ['label a number', ['label'], 1, 'label'],
  ], { status: 201, changes: { api_keys: 1 } });
  adminJson('/admin/v1/tenants/:id/integrations/:provider', 'PUT', tenantPath('/integrations/tracking'), () => ({ settings: {}, secrets: { aftership_api_key: 'aftership-key-0123' } }), [['secrets', 'aftership_api_key']], [
    ['settings an array', ['settings'], [], 'settings'],
    ['secrets a string', ['secrets'], 'key', 'secrets'],
    // A misspelt name would otherwise be dropped: the default stored, the key set no longer.
    ['settings with a field tracking does not have', ['settings', 'note'], 'x', 'settings.note'],
    ['secrets with a misspelt key name', ['secrets', 'aftership_api_kee'], 'aftership-key-0123', 'secrets.aftership_api_kee'],
    ['a third field beside settings and secrets', ['setings'], {}, 'setings'],
  ], { status: 200, changes: { tenant_integrations: 1 } }, { long: { status: 200 } });
  adminJson('/admin/v1/tenants/:id/slack/routes/:queue', 'PUT', tenantPath('/slack/routes/billing'), () => ({ channel_id: 'C0123ABCD', lead_user_id: 'U0123ABCD', sla_minutes: 15 }), [['channel_id'], ['lead_user_id']], [
    ['channel_id missing', ['channel_id'], undefined, 'channel_id'],
    ['channel_id not a channel', ['channel_id'], 'general', 'channel_id'],
    ['sla_minutes 0', ['sla_minutes'], 0, 'sla_minutes'],
    ['sla_minutes a week and a minute', ['sla_minutes'], 10081, 'sla_minutes'],
    ['sla_minutes a string', ['sla_minutes'], '15', 'sla_minutes'],
  ], { status: 200, changes: { slack_routes: 1 } });
  adminJson('/admin/v1/tenants/:id/slack/workspace', 'PUT', tenantPath('/slack/workspace'), () => ({ team_id: 'T0NOTINSTALLED' }), [['team_id']], [
    ['team_id missing', ['team_id'], undefined, 'team_id'],
    ['team_id lower case', ['team_id'], 't0123abcd', 'team_id'],
  ], NOT_FOUND);

  const routes: Array<[string, string, string, string]> = [
    ['GET', '/admin/v1/tenants', 'GET, HEAD, OPTIONS, POST', '/admin/v1/tenants'],
    ['GET', tenantPath(), 'GET, HEAD, OPTIONS', '/admin/v1/tenants/:id'],
    ['PUT', tenantPath('/policy'), 'OPTIONS, PUT', '/admin/v1/tenants/:id/policy'],
    ['GET', tenantPath('/keys'), 'GET, HEAD, OPTIONS, POST', '/admin/v1/tenants/:id/keys'],
    ['DELETE', tenantPath(`/keys/${UNKNOWN_UUID}`), 'DELETE, OPTIONS', '/admin/v1/tenants/:id/keys/:keyId'],
    ['GET', tenantPath('/integrations'), 'GET, HEAD, OPTIONS', '/admin/v1/tenants/:id/integrations'],
    ['DELETE', tenantPath('/integrations/shopify'), 'DELETE, OPTIONS, PUT', '/admin/v1/tenants/:id/integrations/:provider'],
    ['GET', tenantPath('/slack/routes'), 'GET, HEAD, OPTIONS', '/admin/v1/tenants/:id/slack/routes'],
    ['DELETE', tenantPath('/slack/routes/nothing'), 'DELETE, OPTIONS, PUT', '/admin/v1/tenants/:id/slack/routes/:queue'],
    ['PUT', tenantPath('/slack/workspace'), 'OPTIONS, PUT', '/admin/v1/tenants/:id/slack/workspace'],
  ];
  for (const [method, path, allow] of routes) {
    const body = method === 'PUT' ? () => json({}) : undefined;
    rows.push(...commonRows({ label: path, method, path, allow, auth: false, headers: ADMIN, body, refused: UNAUTHORIZED, wrong: { Authorization: 'Bearer not-the-admin-token' } }));
  }
  for (const [name, rest] of [
    ['/admin/v1/tenants/:id', ''],
    ['/admin/v1/tenants/:id/keys', '/keys'],
    ['/admin/v1/tenants/:id/integrations', '/integrations'],
    ['/admin/v1/tenants/:id/slack/routes', '/slack/routes'],
  ]) {
    rows.push(...pathParamRows(name!, 'GET', (id) => tenantPath(rest!, id), { headers: ADMIN }, NOT_FOUND));
  }
  rows.push(...pathParamRows('/admin/v1/tenants/:id/keys/:keyId', 'DELETE', (id) => tenantPath(`/keys/${id}`), { headers: ADMIN }, NOT_FOUND));
  rows.push(...pathParamRows('/admin/v1/tenants/:id/integrations/:provider', 'DELETE', (p) => tenantPath(`/integrations/${p}`), { headers: ADMIN }, NOT_FOUND, ['zendesk', 'hasOwnProperty']));
  rows.push(...pathParamRows('/admin/v1/tenants/:id/slack/routes/:queue', 'DELETE', (q) => tenantPath(`/slack/routes/${q}`), { headers: ADMIN }, NOT_FOUND, ['bill%20ing']));
  for (const provider of ['freshdesk', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%00', 'x'.repeat(5000)]) {
    rows.push(
      row(`PUT /admin/v1/tenants/:id/integrations/${provider.slice(0, 20)}`, 'PUT', tenantPath(`/integrations/${provider}`), { status: 422, code: 'invalid_input', field: 'provider' }, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({ settings: {}, secrets: {} }) }),
    );
  }
  for (const queue of ['%00', 'bill%20ing', 'x'.repeat(5000), '%E0%A4%A']) {
    const expect: OtherExpected = queue.startsWith('%E0') ? { status: 400, code: 'bad_request', field: 'path' } : NOT_FOUND;
    rows.push(row(`PUT /admin/v1/tenants/:id/slack/routes/${queue.slice(0, 20)}`, 'PUT', tenantPath(`/slack/routes/${queue}`), expect, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({ channel_id: 'C0123ABCD' }) }));
  }
  // Tenant names are unique ignoring case (and trimmed): another tenant's name in other capitals is taken (409).
  for (const [name, taken] of [['in capitals', 'TENANT-D'], ['in mixed case with spaces around it', ' Tenant-C ']]) {
    rows.push(row(`POST /admin/v1/tenants: a name another tenant has, ${name}`, 'POST', '/admin/v1/tenants', { status: 409, code: 'conflict', field: 'name' }, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({ name: taken }) }));
  }
  rows.push(row('PUT /admin/v1/tenants/:id/policy: an unknown tenant', 'PUT', tenantPath('/policy', UNKNOWN_UUID), NOT_FOUND, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({ policy: {} }) }));
  rows.push(row('POST /admin/v1/tenants/:id/keys: an unknown tenant', 'POST', tenantPath('/keys', UNKNOWN_UUID), NOT_FOUND, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({}) }));
  rows.push(row('GET /admin/v1/nothing', 'GET', '/admin/v1/nothing', NOT_FOUND, { headers: ADMIN }));
  // Two credentials, even the admin token twice: refused before the admin guard reads either.
  const twoAuth: OtherExpected = { status: 400, code: 'bad_request', field: 'Authorization' };
  rows.push(row('GET /admin/v1/tenants: the admin token twice', 'GET', '/admin/v1/tenants', twoAuth, { headers: ADMIN, repeated: [['Authorization', ADMIN.Authorization]] }));
  rows.push(row('GET /admin/v1/tenants: the admin token, then a wrong one', 'GET', '/admin/v1/tenants', twoAuth, { headers: ADMIN, repeated: [['authorization', 'Bearer not-the-admin-token']] }));
  rows.push(
    row('POST /admin/v1/tenants: the admin token twice', 'POST', '/admin/v1/tenants', twoAuth, { headers: { ...ADMIN, ...JSON_TYPE }, body: json({ name: 'two-credentials' }), repeated: [['Authorization', ADMIN.Authorization]] }),
  );
  return rows;
}

const slackSign = (body: Buffer, at = Math.floor(Date.now() / 1000)) => ({
  'X-Slack-Request-Timestamp': String(at),
  'X-Slack-Signature': `v0=${createHmac('sha256', SECRETS.slack).update(`v0:${at}:`).update(body).digest('hex')}`,
});

function slackRows(): OtherCase[] {
  const rows: OtherCase[] = [];
  const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const events = (name: string, body: Buffer, expect: OtherExpected, headers: Record<string, string> = JSON_TYPE, sign = slackSign(body)) =>
    rows.push(row(`POST /slack/events: ${name}`, 'POST', '/slack/events', expect, { headers: { ...headers, ...sign }, body }));
  const bad = (field: string): OtherExpected => ({ status: 400, code: 'bad_request', field });
  const callback = (event: unknown) => ({ type: 'event_callback', team_id: 'T0NOTINSTALLED', api_app_id: 'A0BATON', event, event_id: 'Ev1', event_time: 1 });

  events('a url_verification challenge', json({ type: 'url_verification', challenge: 'abc', token: 'x' }), { status: 200 });
  events('no signature', json({ type: 'url_verification', challenge: 'abc' }), UNAUTHORIZED, JSON_TYPE, {} as ReturnType<typeof slackSign>);
  const stale = json({ type: 'url_verification', challenge: 'abc' });
  events('a signature ten minutes old', stale, UNAUTHORIZED, JSON_TYPE, slackSign(stale, Math.floor(Date.now() / 1000) - 600));
  events('a signature over other bytes', json({ type: 'url_verification', challenge: 'abc' }), UNAUTHORIZED, JSON_TYPE, slackSign(Buffer.from('other')));
  events('a timestamp that is not a number', stale, UNAUTHORIZED, JSON_TYPE, { ...slackSign(stale), 'X-Slack-Request-Timestamp': 'soon' });
  for (const text of ['not json', '{"type": [', '{"a":"x\u0000y"}']) events(`the body ${JSON.stringify(text)}`, Buffer.from(text), bad('(body)'));
  events('an empty body', Buffer.alloc(0), bad('(body)'));
  for (const text of ['[]', '"text"', '42', 'null']) events(`the JSON value ${text}`, Buffer.from(text), bad('(body)'));
  events('no type', json({ challenge: 'abc' }), bad('type'));
  events('type a number', json({ type: 1 }), bad('type'));
  events('an envelope type Slack does not send', json({ type: 'x'.repeat(5000), event: { type: 'app_mention' } }), bad('type'));
  for (const [name, event, field] of [
    ['no event', undefined, 'event'],
    ['event null', null, 'event'],
    ['event a string', 'app_mention', 'event'],
    ['event a number', 42, 'event'],
    ['event an array', [], 'event'],
    ['event without a type', { text: 'hi' }, 'event.type'],
    ['event.channel null', { type: 'app_mention', channel: null }, 'event.channel'],
    ['event.user null', { type: 'app_mention', user: null }, 'event.user'],
    ['event.item.channel a number', { type: 'reaction_added', item: { channel: 1 } }, 'event.item.channel'],
  ] as Array<[string, unknown, string]>) {
    events(`an event_callback with ${name}`, json(callback(event)), bad(field));
  }
  for (const [what, value] of BAD_TEXT) events(`${what} in event.text`, json(callback({ type: 'app_mention', text: value })), bad('event.text'));
  events('a NUL in a field name', json({ type: 'url_verification', challenge: 'abc', 'a\u0000': 1 }), bad('(body)'));
  const nested = Buffer.from(JSON.stringify({ type: 'url_verification', challenge: '\u0000deep\u0000' }).replace(JSON.stringify('\u0000deep\u0000'), deep(10_000)));
  events('a challenge nested 10,000 objects deep', nested, bad('challenge…'));
  events('a body over 1 MB', json({ type: 'url_verification', challenge: 'x'.repeat(1024 * 1024) }), { status: 413, code: 'payload_too_large' });

  const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());
  events('a form with neither command nor payload', form({ text: 'hi' }), bad('command'), FORM);
  events('a form with command twice', Buffer.from('command=%2Fbaton&command=%2Fbaton&text=help'), bad('command'), FORM);
  events('a command with a NUL', form({ command: '/baton', text: 'route billing \u0000' }), bad('text'), FORM);
  events('a payload that is not JSON', form({ payload: '{' }), bad('payload'), FORM);
  events('a payload that is an array', form({ payload: '[]' }), bad('payload'), FORM);
  events('a payload without a type', form({ payload: '{"actions":[]}' }), bad('payload.type'), FORM);
  events('a payload of a type Slack does not send', form({ payload: '{"type":"robot","actions":[]}' }), bad('payload.type'), FORM);
  events("Slack's ssl_check", form({ ssl_check: '1', token: 'legacy' }), { status: 200 }, FORM);
  events('a payload whose actions are a string', form({ payload: '{"type":"block_actions","actions":"claim"}' }), bad('payload.actions'), FORM);
  events('a payload whose user is null', form({ payload: '{"type":"block_actions","user":null}' }), bad('payload.user'), FORM);
  events('a payload nested 10,000 deep', form({ payload: `{"type":"block_actions","x":${deep(10_000)}}` }), bad('payload.x…'), FORM);
  // Well-formed and signed, from a workspace that never installed the app: Bolt acknowledges and drops it.
  events('an event from a workspace not installed', json(callback({ type: 'app_mention', text: 'hi', user: 'U1', channel: 'C1' })), { status: 200 });
  events('bad percent-encoding in a form', Buffer.from('command=%2Fbaton&text=%E0%A4%A&team_id=T0NOTINSTALLED'), { status: 200 }, FORM);

  for (const method of ['GET', 'PUT', 'DELETE']) rows.push(row(`${method} /slack/events`, method, '/slack/events', { status: 405, code: 'method_not_allowed', allow: 'OPTIONS, POST' }));
  rows.push(row('OPTIONS /slack/events', 'OPTIONS', '/slack/events', { status: 204, allow: 'OPTIONS, POST' }));
  rows.push(row('GET /slack/install', 'GET', '/slack/install', { status: 302 }));
  rows.push(row('GET /slack/install: a NUL in a query value', 'GET', '/slack/install?x=%00', { status: 400, code: 'bad_request', field: 'x' }));
  // Bolt answers a browser here (an HTML page), not an API client: only the status is checked.
  for (const [name, query] of [
    ['no state', 'code=abc'],
    ['a forged state', 'code=abc&state=forged'],
    ['a state of 5,000 characters', `code=abc&state=${'s'.repeat(5000)}`],
    ['an error from Slack', 'error=access_denied&state=x'],
  ]) {
    rows.push(row(`GET /slack/oauth_redirect: ${name}`, 'GET', `/slack/oauth_redirect?${query}`, { status: 400 }));
  }
  rows.push(row('GET /slack/oauth_redirect: state twice', 'GET', '/slack/oauth_redirect?code=abc&state=a&state=b', { status: 400, code: 'bad_request', field: 'state' }));
  return rows;
}

export function otherHostileCases(): OtherCase[] {
  return [...signalRows(), ...embedRows(), ...widgetRows(), ...webhookRows(), ...adminRows(), ...slackRows()];
}

/** The route a row is about, for counting rows per route. */
export function routeOf(row: OtherCase): string {
  return row.name
    .split(': ')[0]!
    .replace(/^(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD) /, '')
    .replace(/ (with|without) a credential$/, '')
    .replace(/\?.*$/, '')
    .replace(/\{tenant-[a-z]\}/g, ':tenant')
    .replace(/\{handoff-a\}/g, ':id')
    .replace(/\/(keys|integrations|routes)\/[^/]+$/, '/$1/:param');
}
