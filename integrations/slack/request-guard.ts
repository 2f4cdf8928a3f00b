import { isValidSlackRequest } from '@slack/bolt';
// Bolt's own test of what it can dispatch (App#processEvent): what it cannot, it leaves unanswered.
import { getTypeAndConversation } from '@slack/bolt/dist/helpers';
import express, { Router, type Request, type RequestHandler } from 'express';
import type pino from 'pino';
import { z } from 'zod';
import { BadRequestError, BatonError, UnauthorizedError } from '../../server/errors';
import { BODY_LIMIT } from '../../server/http/json-body';
import { firstIssue, jsonDocumentProblem } from '../../server/validation';

/** A user, channel or team as Slack names it: an id, or an object carrying one. */
const named = z.union([z.string(), z.looseObject({})]);

/** The Events API's envelopes (JSON bodies): Bolt cannot route another and leaves it unanswered for 3 s. */
const ENVELOPES = ['event_callback', 'url_verification', 'app_rate_limited'] as const;
/** Interactive payloads Slack sends (form field `payload`), the ones Bolt routes. */
const PAYLOADS = [
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'dialog_suggestion',
  'dialog_cancellation',
] as const;

/**
 * What Bolt must find in a request to dispatch it; without these it throws while routing and
 * answers 500. Events API envelopes (JSON), interactive payloads (`payload=` JSON in a form) and
 * slash commands (a form with `command`).
 */
const eventEnvelope = z
  .looseObject({
    type: z.enum(ENVELOPES, { error: `must be one of ${ENVELOPES.join(', ')}` }),
    event: z
      .looseObject({
        type: z.string().min(1),
        user: named.optional(),
        channel: named.optional(),
        item: z.looseObject({ channel: named.optional() }).optional(),
        // Bolt reads `subteam.created_by` of any event carrying a subteam.
        subteam: z.looseObject({}).optional(),
      })
      .optional(),
  })
  .refine((envelope) => envelope.type !== 'event_callback' || envelope.event !== undefined, { message: 'an event_callback must carry its event', path: ['event'] });
/** Payload types whose listeners Bolt finds through `actions` / `view` (it reads `actions[0]`, `view.…`). */
const NEEDS_ACTIONS = new Set<string>(['block_actions', 'interactive_message']);
const NEEDS_VIEW = new Set<string>(['view_submission', 'view_closed']);
// Field order matters: the first issue is the one named. Bolt reads `user.id` of every interactive
// payload (App#processEvent, buildSource), `view.app_installed_team_id` of a view's.
const interactivePayload = z
  .looseObject({
    type: z.enum(PAYLOADS, { error: `must be an interactive payload type (${PAYLOADS.join(', ')})` }),
    actions: z.array(z.looseObject({})).optional(),
    user: z.looseObject({ id: z.string().min(1) }, { error: 'must be the object of the user who acted, with its id' }),
    channel: named.optional(),
    team: named.nullable().optional(),
    view: z.looseObject({}, { error: 'must be the view object' }).optional(),
  })
  .superRefine((payload, ctx) => {
    if (NEEDS_ACTIONS.has(payload.type) && payload.actions === undefined) {
      ctx.addIssue({ code: 'custom', path: ['actions'], message: `a ${payload.type} payload must carry its actions` });
    }
    if (NEEDS_VIEW.has(payload.type) && payload.view === undefined) {
      ctx.addIssue({ code: 'custom', path: ['view'], message: `a ${payload.type} payload must carry its view` });
    }
  });
const slashCommand = z.looseObject({ command: z.string().min(1) });

const FORM = 'application/x-www-form-urlencoded';

/**
 * The media type and charset of a Content-Type header, compared as RFC 9110 says (case-insensitive,
 * parameters after `;`). Bolt compares the whole header to the exact lowercase string.
 */
function mediaType(contentType: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (contentType ?? '').split(';');
  let charset: string | undefined;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset') charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), ...(charset !== undefined ? { charset } : {}) };
}

/** Every field of a form (no limit on their number; Bolt's parser would keep the first 1,000). */
function parseForm(text: string): Record<string, string> {
  const entries: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (seen.has(name)) throw new BadRequestError(`form field ${name} is repeated; Slack sends it once`, name);
    seen.add(name);
    entries.push([name, value]);
  }
  // fromEntries keeps a field named `__proto__` as a field, which the document check then refuses.
  return Object.fromEntries(entries);
}

function check<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): void {
  const problem = jsonDocumentProblem(value, '');
  if (problem) {
    const field = [prefix, problem.field].filter(Boolean).join('.') || '(body)';
    throw new BadRequestError(`${field}: ${problem.message}`, field);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error, prefix ?? '(body)', prefix);
    throw new BadRequestError(`${field}: ${message}`, field);
  }
}

/**
 * The request's body as Slack sent it (after its signature was checked), parsed once, checked to be
 * something Bolt can route, and returned as the object Bolt's listeners receive: an Events API
 * envelope, an interactive payload (the JSON of form field `payload`), or a slash command's fields.
 */
export function readSlackBody(text: string, contentType: string | undefined): Record<string, unknown> {
  const { type, charset } = mediaType(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BatonError(`Content-Type charset ${charset} is not supported; Slack sends UTF-8`, 415, 'unsupported_media_type', 'Content-Type');
  }
  if (type === FORM) {
    const form = parseForm(text);
    // Slack's check of the slash command's URL: Bolt answers it (after the signature, checked above).
    if (form.ssl_check !== undefined && form.command === undefined && form.payload === undefined) return form;
    if (form.payload !== undefined) {
      let payload: unknown;
      try {
        payload = JSON.parse(form.payload);
      } catch {
        throw new BadRequestError('form field payload is not valid JSON', 'payload');
      }
      check(interactivePayload, payload, 'payload');
      return payload as Record<string, unknown>;
    }
    check(slashCommand, form);
    return form;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('request body is not valid JSON', '(body)');
  }
  check(eventEnvelope, body);
  return body as Record<string, unknown>;
}

/** The same check, for callers that only need to know the body is acceptable. */
export function checkSlackBody(text: string, contentType: string | undefined): void {
  readSlackBody(text, contentType);
}

export interface SlackRequestGuardOptions {
  signingSecret: string;
  logger: pino.Logger;
  /** The OAuth redirect's path, when the OAuth install is on: it answers GET (and HEAD) only. */
  oauthRedirectPath?: string;
}

/** Slack's replay window: a signed request older than five minutes is refused (Bolt checks that much). */
const SLACK_WINDOW_SECONDS = 5 * 60;

/**
 * Within the window either way. Bolt refuses only the past, so a request signed with a time in the
 * future would stay valid, and replayable, until that time; Slack signs with its clock, so a small
 * skew is the most a real request shows.
 */
function isFresh(timestampSeconds: number): boolean {
  return Number.isFinite(timestampSeconds) && Math.abs(Date.now() / 1000 - timestampSeconds) <= SLACK_WINDOW_SECONDS;
}

/**
 * In front of Bolt's `/slack/events`: reads the body once, checks Slack's signature, then that the
 * body is something Bolt can route. A bad signature is 401 and a body Bolt could not route (no
 * `type`, an `event` that is not an object, a NUL, 10,000 levels of nesting, a payload without its
 * `user` or `view`) is 400 naming the field, both as Baton's usual JSON error, where Bolt would
 * answer 500 or nothing.
 *
 * Bolt then gets the body exactly as parsed here, as JSON (`req.rawBody`, Content-Type
 * application/json), so the two can never read a request differently: Bolt's own parser takes a form
 * only under the exact header `application/x-www-form-urlencoded` (not `…; charset=utf-8`) and keeps
 * only its first 1,000 fields. The receiver is built with `signatureVerification: false` for that
 * reason: the signature was checked here, over the bytes Slack sent.
 *
 * A body Bolt has no listener type for (the `app_rate_limited` envelope, a `dialog_cancellation`) is
 * answered 200 here: Bolt would leave it unanswered for 3 s, then answer 404.
 */
export function slackRequestGuard(options: SlackRequestGuardOptions): Router {
  const { signingSecret, logger } = options;
  const router = Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const guard: RequestHandler = (req: Request, res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const text = body.toString('utf8');
    const headers = {
      'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    };
    if (!headers['x-slack-signature'] || !isFresh(headers['x-slack-request-timestamp']) || !isValidSlackRequest({ signingSecret, body: text, headers })) {
      throw new UnauthorizedError('Slack request signature is missing, stale or does not match');
    }
    const parsed = readSlackBody(text, req.headers['content-type']);
    if (parsed.type === 'app_rate_limited') {
      // Slack stopped sending this workspace's events for the rest of the minute.
      logger.warn({ component: 'slack', team: parsed.team_id, minute_rate_limited: parsed.minute_rate_limited }, 'Slack rate-limited the events sent to Baton');
      res.status(200).end();
      return;
    }
    // Bolt's respondToUrlVerification and respondToSslCheck, tested as Bolt tests them.
    const answeredByBolt = parsed.type === 'url_verification' || Boolean(parsed.ssl_check);
    if (!answeredByBolt && getTypeAndConversation(parsed).type === undefined) {
      logger.info({ component: 'slack', type: parsed.type }, 'Slack request Baton has no use for; acknowledged');
      res.status(200).end();
      return;
    }
    // Bolt reads this instead of the (already consumed) stream, and parses it as the header says.
    req.headers['content-type'] = 'application/json';
    (req as Request & { rawBody?: Buffer }).rawBody = Buffer.from(JSON.stringify(parsed));
    next();
  };
  router.post('/slack/events', raw, guard);

  const redirect = options.oauthRedirectPath;
  if (redirect) {
    // Bolt answers every method here with the install page; the others are 405 like any route's.
    // The GET route is what tells the server's OPTIONS and 405 handlers (allowed-methods.ts) the path exists.
    router.get(redirect, (_req, _res, next) => next());
    router.all(redirect, (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      const allow = 'GET, HEAD, OPTIONS';
      res.setHeader('Allow', allow);
      if (req.method === 'OPTIONS') return void res.status(204).end();
      next(new BatonError(`${req.method} is not allowed on ${req.path}; use ${allow}`, 405, 'method_not_allowed'));
    });
  }
  return router;
}
