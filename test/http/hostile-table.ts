import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { conversationBody } from './harness';
import { MAX_HEADERS } from '../../server/http/request-head';
import { MAX_JSON_VALUES } from '../../server/validation';

/**
 * The hostile-request table: families of bad input × the routes they reach × the places in a request
 * they can hide. Generated rather than written out, so a new route or field position adds its rows
 * to every family at once. Each row says what must come back; the runner also checks that nothing
 * was stored (or exactly one handoff for bodies `/v1/handoffs` accepts) and that the app stays up.
 */

export interface Expected {
  status: number;
  code?: string;
  /** The field the error names (exact), or a prefix when it ends with `…`. */
  field?: string;
  /** `Allow` header, for OPTIONS and 405 answers. */
  allow?: string;
  /** Handoffs the request adds: 1 only when `POST /v1/handoffs` accepts a body. */
  stores: 0 | 1;
}

export interface HostileCase {
  name: string;
  method: string;
  /** Sent byte for byte (not re-encoded), so broken percent-encoding reaches the server as is. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the tenant's key (default); false for auth rows and OPTIONS. */
  auth: boolean;
  /** Leave out the Host header every HTTP/1.1 client sends. */
  withoutHost?: boolean;
  /** Sent with two Host headers (Node's client sends one unless headers are given as a raw list). */
  twoHosts?: boolean;
  /** Header lines sent after the others, as a raw list: a name already sent goes out twice. */
  repeated?: Array<[string, string]>;
  expect: Expected;
}

/** What a body deserves, whichever POST route receives it. */
type BodyVerdict = { accepted: true } | { status: number; code: string; field?: string };

interface BodyRow {
  name: string;
  body: Buffer;
  headers?: Record<string, string>;
  verdict: BodyVerdict;
}

export const LIMITS = { id: 200, title: 500, url: 2048, depth: 32 } as const;
/** Replaced by the runner with the id of a handoff it recorded first. */
export const KNOWN_HANDOFF = '{known-handoff}';
export const KNOWN_TICKET = 'known-ticket';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const ACCEPTED: BodyVerdict = { accepted: true };
const invalid = (field: string): BodyVerdict => ({ status: 422, code: 'invalid_input', field });

type Path = Array<string | number>;

let serial = 0;
/** A valid conversation that touches every field, with an id and ticket unique to the row. */
function baseBody(): Record<string, unknown> {
  serial += 1;
  return conversationBody({
    id: `hostile-${serial}`,
    customer: {
      id: 'c-19',
      name: 'Ana Ruiz',
      email: 'ana@example.com',
      phone: '+1 415 555 0134',
      tier: 'standard',
      previous_contacts: [{ at: '2026-10-28T12:00:00Z', category: 'order_status', resolved: false }],
    },
    messages: [
      { role: 'customer', text: 'Where is order #48213? It was due last week.' },
      {
        role: 'bot',
        text: 'It shipped, here is the tracking page.',
        kb_articles: [{ id: 'kb-12', title: 'Tracking', url: 'https://help.example.com/tracking' }],
        helpful: false,
      },
      { role: 'customer', text: 'That does not help. Can I talk to a real person please?' },
    ],
    ticket: { provider: 'zendesk', id: `t-${serial}`, url: 'https://acme.zendesk.com/agent/tickets/1' },
  });
}

/** Sets `value` at `path`, creating objects on the way (so unknown nested fields can be planted). */
function setAt(target: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  let node = target as Record<string | number, unknown>;
  path.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[path[path.length - 1]!] = value;
  return target;
}

const dotted = (path: Path) => path.join('.');
const jsonBuffer = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/** Every string the contract names, plus unknown fields (kept, so they must be storable too). */
const STRING_POSITIONS: Path[] = [
  ['id'],
  ['customer', 'id'],
  ['customer', 'name'],
  ['customer', 'email'],
  ['customer', 'phone'],
  ['customer', 'previous_contacts', 0, 'category'],
  ['messages', 0, 'text'],
  ['messages', 1, 'text'],
  ['messages', 1, 'kb_articles', 0, 'id'],
  ['messages', 1, 'kb_articles', 0, 'title'],
  ['messages', 1, 'kb_articles', 0, 'url'],
  ['bot', 'intent'],
  ['bot', 'handoff_reason'],
  ['ticket', 'provider'],
  ['ticket', 'id'],
  ['ticket', 'url'],
  ['note'],
  ['customer', 'crm', 'segment'],
  ['messages', 0, 'meta', 'source', 'label'],
];

const BAD_STRINGS: Array<[string, string]> = [
  ['a NUL character', 'order\u0000 48213'],
  ['a lone high surrogate', 'order \ud800 48213'],
  ['a lone low surrogate', 'order \udc00 48213'],
  ['a surrogate pair in the wrong order', 'order \udc00\ud83d 48213'],
];

/** The documented length limit of each bounded field. */
const LENGTH_LIMITS: Array<[Path, number]> = [
  [['id'], LIMITS.id],
  [['customer', 'id'], LIMITS.id],
  [['customer', 'name'], LIMITS.id],
  [['customer', 'email'], LIMITS.id],
  [['customer', 'phone'], LIMITS.id],
  [['customer', 'previous_contacts', 0, 'category'], LIMITS.id],
  [['messages', 1, 'kb_articles', 0, 'id'], LIMITS.id],
  [['messages', 1, 'kb_articles', 0, 'title'], LIMITS.title],
  [['messages', 1, 'kb_articles', 0, 'url'], LIMITS.url],
  [['bot', 'intent'], LIMITS.id],
  [['bot', 'handoff_reason'], LIMITS.id],
  [['ticket', 'provider'], LIMITS.id],
  [['ticket', 'id'], LIMITS.id],
  [['ticket', 'url'], LIMITS.url],
];

const CONTAINER_POSITIONS: Path[] = [['note'], ['customer', 'crm'], ['messages', 0, 'meta'], ['bot', 'extra']];

/**
 * `levels` nested containers around a string, as JSON text: JSON.stringify recurses and cannot
 * write 10,000 levels, so the text is built by hand and spliced in where `DEEP` stands.
 */
const DEEP = '\u0000deep\u0000';
function nestedJson(levels: number, kind: 'object' | 'array'): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `${open.repeat(levels)}"bottom"${close.repeat(levels)}`;
}

function bodyRows(): BodyRow[] {
  const rows: BodyRow[] = [];
  const mutated = (name: string, path: Path, value: unknown, verdict: BodyVerdict) =>
    rows.push({ name, body: jsonBuffer(setAt(baseBody(), path, value)), verdict });
  const deep = (name: string, path: Path, json: string, verdict: BodyVerdict) => {
    const text = JSON.stringify(setAt(baseBody(), path, DEEP)).replace(JSON.stringify(DEEP), json);
    rows.push({ name, body: Buffer.from(text), verdict });
  };

  for (const path of STRING_POSITIONS) {
    for (const [what, value] of BAD_STRINGS) mutated(`${what} in ${dotted(path)}`, path, value, invalid(dotted(path)));
  }
  // A bad character in a field's name is as unstorable as one in its value.
  for (const path of [['note'], ['customer', 'crm']] as Path[]) {
    mutated(`a NUL in a field name under ${dotted(path)}`, path, { 'na\u0000me': 1 }, invalid(dotted(path)));
    mutated(`a lone surrogate in a field name under ${dotted(path)}`, path, { '\udfffname': 1 }, invalid(dotted(path)));
  }

  for (const [path, limit] of LENGTH_LIMITS) {
    const long = (n: number) => (path.at(-1) === 'url' ? `https://example.com/${'a'.repeat(n - 20)}` : 'x'.repeat(n));
    mutated(`${dotted(path)} at its limit (${limit})`, path, long(limit), ACCEPTED);
    mutated(`${dotted(path)} one over its limit`, path, long(limit + 1), invalid(dotted(path)));
    mutated(`${dotted(path)} of 100 kB`, path, long(100_000), invalid(dotted(path)));
  }

  for (const path of CONTAINER_POSITIONS) {
    // The body is level 1, so a value at depth d below it may hold LIMITS.depth - d levels.
    const room = LIMITS.depth - path.length;
    deep(`${dotted(path)} nested to the depth limit`, path, nestedJson(room, 'object'), ACCEPTED);
    deep(`${dotted(path)} nested one level too deep`, path, nestedJson(room + 1, 'object'), invalid(`${dotted(path)}…`));
    deep(`${dotted(path)} nested 10,000 objects deep`, path, nestedJson(10_000, 'object'), invalid(`${dotted(path)}…`));
    deep(`${dotted(path)} nested 10,000 arrays deep`, path, nestedJson(10_000, 'array'), invalid(`${dotted(path)}…`));
  }

  const notObject = { status: 422, code: 'invalid_input', field: '(body)' };
  for (const text of ['[]', '[{"messages":[{"role":"customer","text":"hi"}]}]', '"messages"', '42', 'null', 'true', 'false']) {
    rows.push({ name: `the JSON value ${text}`, body: Buffer.from(text), verdict: notObject });
  }

  const badJson = { status: 400, code: 'invalid_json' };
  const rawBodies: Array<[string, string]> = [
    ['truncated JSON', '{"messages": ['],
    ['trailing garbage', '{"messages":[{"role":"customer","text":"hi"}]}}'],
    ['single quotes', "{'messages': []}"],
    ['a raw NUL byte inside a string', '{"messages":[{"role":"customer","text":"a\u0000b"}]}'],
    ['NaN', '{"messages":[{"role":"customer","text":"hi"}],"bot":{"confidence":NaN}}'],
  ];
  for (const [name, text] of rawBodies) rows.push({ name, body: Buffer.from(text), verdict: badJson });
  // JSON.parse keeps "__proto__" as a plain key, but any copy by assignment turns it into the copy's
  // prototype, so it could not be kept as the data it is: refused, naming where, and never reaching a
  // prototype. "constructor" is an ordinary name and is kept.
  for (const [name, text, verdict] of [
    ['a __proto__ key at the top', '{"__proto__":{"escalate":false,"polluted":true},"messages":[{"role":"customer","text":"I want a person"}]}', invalid('(body)')],
    ['a __proto__ key in customer', '{"customer":{"__proto__":{"tier":"vip","polluted":true}},"messages":[{"role":"customer","text":"hi"}]}', invalid('customer')],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"polluted":true}},"messages":[{"role":"customer","text":"hi"}]}', ACCEPTED],
  ] as Array<[string, string, BodyVerdict]>) {
    rows.push({ name, body: Buffer.from(text), verdict });
  }

  const schema: Array<[string, Path, unknown, string]> = [
    ['messages missing', ['messages'], undefined, 'messages'],
    ['messages empty', ['messages'], [], 'messages'],
    ['1,001 messages', ['messages'], Array.from({ length: 1001 }, (_, i) => ({ role: 'customer', text: `refund #${i} human` })), 'messages'],
    ['messages a string', ['messages'], 'hi', 'messages'],
    ['an unknown role', ['messages', 0, 'role'], 'robot', 'messages.0.role'],
    ['an empty text', ['messages', 0, 'text'], '', 'messages.0.text'],
    ['a blank text', ['messages', 0, 'text'], ' \n\t ', 'messages.0.text'],
    ['text a number', ['messages', 0, 'text'], 42, 'messages.0.text'],
    ['an occurred_at that is not a date', ['occurred_at'], 'yesterday', 'occurred_at'],
    ['an occurred_at in year 0000', ['occurred_at'], '0000-01-01T00:00:00Z', 'occurred_at'],
    ['a message time in year 0000', ['messages', 0, 'at'], '0000-06-01T10:00:00Z', 'messages.0.at'],
    ['a customer created_at in year 0000', ['customer', 'created_at'], '0000-01-01T00:00:00+01:00', 'customer.created_at'],
    ['an unknown channel', ['channel'], 'fax', 'channel'],
    ['an unknown tier', ['customer', 'tier'], 'gold', 'customer.tier'],
    ['confidence above 1', ['bot', 'confidence'], 1.5, 'bot.confidence'],
    ['confidence a string', ['bot', 'confidence'], 'high', 'bot.confidence'],
    ['helpful a string', ['messages', 1, 'helpful'], 'no', 'messages.1.helpful'],
    ['kb_articles an object', ['messages', 1, 'kb_articles'], { id: 'kb-1' }, 'messages.1.kb_articles'],
    ['an empty ticket id', ['ticket', 'id'], '', 'ticket.id'],
    ['a conversation id of spaces only', ['id'], ' \t ', 'id'],
    ['customer an array', ['customer'], ['Ana'], 'customer'],
  ];
  for (const [name, path, value, field] of schema) mutated(name, path, value, invalid(field));

  // Texts the brief cuts to a length (what was tried at 140 characters, a quote at 100, a summary
  // sentence at 200) with an emoji across the cut: half a surrogate pair left in the decision or the
  // brief is not Unicode, and Postgres refused the handoff's jsonb (a 500), though the dry run answered.
  const emoji = '\u{1F600}';
  for (const [name, path, value] of [
    ['an emoji across the cut of a bot answer (what was tried)', ['messages', 1, 'text'], `${'a'.repeat(138)}${emoji} and more`],
    ['an emoji across the cut of an uncited bot answer (its quote)', ['messages', 1], { role: 'bot', text: `${'a'.repeat(99)}${emoji} and more`, helpful: false }],
    ['an emoji across the cut of a summary sentence', ['messages', 0, 'text'], `I want a refund, the item arrived broken and z${emoji.repeat(400)}. Talk to a human.`],
  ] as Array<[string, Path, unknown]>) {
    mutated(name, path, value, ACCEPTED);
  }

  // Small enough for the body limit, too many values for any conversation (60,000 unknown keys).
  const keys = Object.fromEntries(Array.from({ length: MAX_JSON_VALUES + 10_000 }, (_, i) => [`k${i}`, 1]));
  rows.push({ name: `${MAX_JSON_VALUES + 10_000} unknown keys`, body: jsonBuffer({ ...baseBody(), extra: keys }), verdict: { status: 422, code: 'invalid_input', field: '(body)' } });

  const plain = () => jsonBuffer(baseBody());
  const encodings: Array<[string, string, () => Buffer, BodyVerdict]> = [
    ['gzip that is plain JSON', 'gzip', plain, { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }],
    ['deflate that is plain JSON', 'deflate', plain, { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }],
    ['br that is plain JSON', 'br', plain, { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }],
    ['gzip cut in half', 'gzip', () => gzipSync(plain()).subarray(0, 40), { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }],
    ['gzip that is deflate', 'gzip', () => deflateSync(plain()), { status: 400, code: 'invalid_encoding', field: 'Content-Encoding' }],
    ['an unknown encoding', 'compress', plain, { status: 415, code: 'unsupported_media_type', field: 'Content-Encoding' }],
    ['a made-up encoding', 'x-baton', plain, { status: 415, code: 'unsupported_media_type', field: 'Content-Encoding' }],
    ['two stacked encodings', 'gzip, br', () => brotliCompressSync(gzipSync(plain())), { status: 415, code: 'unsupported_media_type', field: 'Content-Encoding' }],
    ['a gzip bomb (20 MB of spaces)', 'gzip', () => gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')), { status: 413, code: 'payload_too_large' }],
    ['valid gzip', 'gzip', () => gzipSync(plain()), ACCEPTED],
    ['valid deflate', 'deflate', () => deflateSync(plain()), ACCEPTED],
    ['valid br', 'br', () => brotliCompressSync(plain()), ACCEPTED],
    ['identity', 'identity', plain, ACCEPTED],
  ];
  for (const [name, encoding, make, verdict] of encodings) {
    rows.push({ name: `Content-Encoding: ${encoding}, ${name}`, body: make(), headers: { 'Content-Encoding': encoding }, verdict });
  }

  // Sent chunked by Node's client (which chunks whenever the header names chunked), no Content-Length.
  const refusedCoding: BodyVerdict = { status: 400, code: 'bad_request', field: 'Transfer-Encoding' };
  for (const [coding, make, verdict] of [
    ['chunked', plain, ACCEPTED],
    ['gzip, chunked', () => gzipSync(plain()), refusedCoding],
    ['gzip, chunked (the body not gzipped)', plain, refusedCoding],
    ['deflate, chunked', () => deflateSync(plain()), refusedCoding],
  ] as Array<[string, () => Buffer, BodyVerdict]>) {
    rows.push({ name: `Transfer-Encoding: ${coding}`, body: make(), headers: { 'Transfer-Encoding': coding.replace(/ \(.*\)$/, '') }, verdict });
  }

  const unsupported = { status: 415, code: 'unsupported_media_type', field: 'Content-Type' };
  for (const [type, verdict] of [
    ['text/plain', unsupported],
    ['application/x-www-form-urlencoded', unsupported],
    ['application/json; charset=latin1', unsupported],
    ['application/json; charset=utf-8', ACCEPTED],
    // The label without its hyphen is a common alias of UTF-8 (WHATWG Encoding), and the same bytes.
    ['application/json;charset=UTF8', ACCEPTED],
    ['application/json; charset="utf8"', ACCEPTED],
  ] as Array<[string, BodyVerdict]>) {
    rows.push({ name: `Content-Type: ${type}`, body: plain(), headers: { 'Content-Type': type }, verdict });
  }
  return rows;
}

const POST_ROUTES = ['/v1/assess', '/v1/handoffs'] as const;
const uuidPath = `/v1/handoffs/${KNOWN_HANDOFF}`;

/** Every route with the methods it answers (the `Allow` header) and a request that succeeds on it. */
const ROUTES: Array<{ path: string; allow: string; auth: boolean; okStatus: number }> = [
  { path: '/v1/assess', allow: 'OPTIONS, POST', auth: true, okStatus: 200 },
  { path: '/v1/handoffs', allow: 'OPTIONS, POST', auth: true, okStatus: 202 },
  { path: uuidPath, allow: 'GET, HEAD, OPTIONS', auth: true, okStatus: 200 },
  { path: `/v1/briefs?provider=zendesk&ticket=${KNOWN_TICKET}`, allow: 'GET, HEAD, OPTIONS', auth: true, okStatus: 200 },
  { path: '/healthz', allow: 'GET, HEAD, OPTIONS', auth: false, okStatus: 200 },
];

function request(name: string, method: string, path: string, expect: Expected, extra: Partial<HostileCase> = {}): HostileCase {
  return { name, method, path, headers: {}, auth: true, expect, ...extra };
}

/** A valid request on `route` with `query` appended (POSTs carry a fresh valid body). */
function withQuery(route: (typeof ROUTES)[number], query: string): Pick<HostileCase, 'method' | 'path' | 'headers' | 'body'> {
  const joiner = route.path.includes('?') ? '&' : '?';
  const isPost = route.allow.includes('POST');
  return {
    method: isPost ? 'POST' : 'GET',
    path: `${route.path}${joiner}${query}`,
    headers: isPost ? { ...JSON_TYPE } : {},
    body: isPost ? jsonBuffer(baseBody()) : undefined,
  };
}

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];

  for (const row of bodyRows()) {
    for (const route of POST_ROUTES) {
      const v = row.verdict;
      const expect: Expected =
        'accepted' in v
          ? { status: route === '/v1/handoffs' ? 202 : 200, stores: route === '/v1/handoffs' ? 1 : 0 }
          : { status: v.status, code: v.code, field: v.field, stores: 0 };
      cases.push(request(`POST ${route}: ${row.name}`, 'POST', route, expect, { headers: { ...JSON_TYPE, ...row.headers }, body: row.body }));
    }
  }

  const badPercent = ['%', '%zz', 'abc%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE'];
  for (const tail of badPercent) {
    cases.push(request(`GET /v1/handoffs/${tail}: bad percent-encoding`, 'GET', `/v1/handoffs/${tail}`, { status: 400, code: 'bad_request', field: 'path', stores: 0 }));
  }
  const notFound = { status: 404, code: 'not_found', stores: 0 as const };
  for (const [name, tail] of [
    ['a NUL', '%00'],
    ['a uuid with a NUL after it', `${KNOWN_HANDOFF}%00`],
    ['an id of 5,000 characters', 'x'.repeat(5000)],
    ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['an unknown uuid', '00000000-0000-4000-8000-000000000000'],
    ['a uuid in capitals of another shape', 'ZZZZZZZZ-0000-4000-8000-000000000000'],
  ]) {
    cases.push(request(`GET /v1/handoffs/…: ${name}`, 'GET', `/v1/handoffs/${tail}`, notFound));
  }

  const briefs: Array<[string, string, Expected]> = [
    ['no parameters', '', { status: 400, code: 'bad_request', field: 'provider', stores: 0 }],
    ['no ticket', 'provider=zendesk', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['no provider', 'ticket=1', { status: 400, code: 'bad_request', field: 'provider', stores: 0 }],
    ['an empty ticket', 'provider=zendesk&ticket=', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['a blank ticket', 'provider=zendesk&ticket=%20%20', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['ticket given twice', 'provider=zendesk&ticket=1&ticket=2', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['provider given twice', 'provider=zendesk&provider=gorgias&ticket=1', { status: 400, code: 'bad_request', field: 'provider', stores: 0 }],
    ['ticket as ticket[]', 'provider=zendesk&ticket[]=1', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['a NUL in ticket', 'provider=zendesk&ticket=1%002', { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['a NUL in provider', 'provider=zen%00desk&ticket=1', { status: 400, code: 'bad_request', field: 'provider', stores: 0 }],
    ['ticket one over its limit', `provider=zendesk&ticket=${'9'.repeat(LIMITS.id + 1)}`, { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['ticket of 5,000 characters', `provider=zendesk&ticket=${'9'.repeat(5000)}`, { status: 400, code: 'bad_request', field: 'ticket', stores: 0 }],
    ['provider one over its limit', `provider=${'z'.repeat(LIMITS.id + 1)}&ticket=1`, { status: 400, code: 'bad_request', field: 'provider', stores: 0 }],
    ['ticket at its limit', `provider=zendesk&ticket=${'9'.repeat(LIMITS.id)}`, notFound],
    ['bad percent-encoding in ticket', 'provider=zendesk&ticket=%zz', notFound],
    ['invalid UTF-8 in ticket', 'provider=zendesk&ticket=%ED%A0%80', notFound],
    ['an unknown ticket', 'provider=zendesk&ticket=nope', notFound],
  ];
  for (const [name, query, expect] of briefs) cases.push(request(`GET /v1/briefs: ${name}`, 'GET', `/v1/briefs?${query}`, expect));

  for (const route of ROUTES) {
    const label = route.path.split('?')[0];
    const queryRows: Array<[string, string, Expected]> = [
      ['a NUL in an unknown query value', 'x=a%00b', { status: 400, code: 'bad_request', field: 'x', stores: 0 }],
      ['a NUL in a query name', 'x%00y=1', { status: 400, code: 'bad_request', field: 'x\u0000y', stores: 0 }],
      ['an unknown query parameter repeated', 'x=1&x=2', { status: 400, code: 'bad_request', field: 'x', stores: 0 }],
      ['an unknown query parameter', 'utm_source=bot', { status: route.okStatus, stores: route.path === '/v1/handoffs' ? 1 : 0 }],
    ];
    for (const [name, query, expect] of queryRows) {
      cases.push(request(`${label}: ${name}`, '', '', expect, { ...withQuery(route, query), auth: route.auth }));
    }
    for (const auth of [false, true]) {
      cases.push(request(`OPTIONS ${label} ${auth ? 'with' : 'without'} a key`, 'OPTIONS', route.path, { status: 204, allow: route.allow, stores: 0 }, { auth }));
    }
    for (const method of ['PUT', 'PATCH', 'DELETE', ...(route.allow.includes('POST') ? ['GET'] : ['POST'])]) {
      cases.push(request(`${method} ${label}`, method, route.path, { status: 405, code: 'method_not_allowed', allow: route.allow, stores: 0 }));
    }
    const valid = withQuery(route, 'a=1');
    cases.push(request(`${label}: no Host header`, '', '', { status: 400, code: 'bad_request', field: 'Host', stores: 0 }, { ...valid, auth: route.auth, withoutHost: true }));
    cases.push(request(`${label}: two Host headers`, '', '', { status: 400, code: 'bad_request', field: 'Host', stores: 0 }, { ...valid, auth: route.auth, twoHosts: true }));
    // Node would act on the first Authorization and drop the second: two credentials are refused.
    // A tenant route's row sends the tenant's key first (auth), /healthz's both lines here.
    const twoAuth = { status: 400, code: 'bad_request', field: 'Authorization', stores: 0 as const };
    const first = (name: string): Array<[string, string]> => (route.auth ? [] : [[name, 'Bearer bt_first-key']]);
    cases.push(request(`${label}: two Authorization headers`, '', '', twoAuth, { ...valid, auth: route.auth, repeated: [...first('Authorization'), ['Authorization', 'Bearer bt_not-a-real-key']] }));
    cases.push(request(`${label}: two Authorization headers, in other cases`, '', '', twoAuth, { ...valid, auth: route.auth, repeated: [...first('authorization'), ['AUTHORIZATION', 'Bearer bt_other-key']] }));
    cases.push(
      request(`${label}: Expect other than 100-continue`, '', '', { status: 417, code: 'expectation_failed', field: 'Expect', stores: 0 }, { ...valid, headers: { ...valid.headers, Expect: 'bogus' }, auth: route.auth }),
    );
    const headers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-extra-${i}`, '1']));
    cases.push(
      request(`${label}: ${MAX_HEADERS + 1} headers`, '', '', { status: 431, code: 'headers_too_large', stores: 0 }, { ...valid, headers: { ...valid.headers, ...headers(MAX_HEADERS + 1) }, auth: route.auth }),
    );
    // Beside the client's own (Host, Content-Type, Content-Length, Authorization, Connection).
    cases.push(
      request(`${label}: ${MAX_HEADERS - 10} extra headers`, '', '', { status: route.okStatus, stores: route.path === '/v1/handoffs' ? 1 : 0 }, { ...valid, headers: { ...valid.headers, ...headers(MAX_HEADERS - 10) }, auth: route.auth }),
    );
    if (!route.auth) continue;
    const authRows: Array<[string, Record<string, string>]> = [
      ['no key', {}],
      ['a wrong key', { Authorization: 'Bearer bt_not-a-real-key' }],
      ['a key of 3,000 characters', { Authorization: `Bearer bt_${'k'.repeat(3000)}` }],
      ['a Basic header', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ];
    for (const [name, headers] of authRows) {
      const base = withQuery(route, 'a=1');
      cases.push(request(`${label}: ${name}`, base.method, base.path, { status: 401, code: 'unauthorized', stores: 0 }, { ...base, headers: { ...base.headers, ...headers }, auth: false }));
    }
  }
  cases.push(request('OPTIONS on an unknown route', 'OPTIONS', '/v1/nothing', { ...notFound }, { auth: false }));
  cases.push(request('GET an unknown route with a NUL', 'GET', '/v1/%00', { ...notFound }));
  cases.push(request('GET an unknown route with bad percent-encoding', 'GET', '/v1/%zz', { ...notFound }));
  return cases;
}
