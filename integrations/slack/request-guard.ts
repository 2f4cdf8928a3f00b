import { isValidSlackRequest } from '@slack/bolt';
import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { BadRequestError, UnauthorizedError } from '../../server/errors';
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
      })
      .optional(),
  })
  .refine((envelope) => envelope.type !== 'event_callback' || envelope.event !== undefined, { message: 'an event_callback must carry its event', path: ['event'] });
const interactivePayload = z.looseObject({
  type: z.enum(PAYLOADS, { error: `must be an interactive payload type (${PAYLOADS.join(', ')})` }),
  user: named.optional(),
  channel: named.optional(),
  team: named.nullable().optional(),
  actions: z.array(z.looseObject({})).optional(),
});
const slashCommand = z.looseObject({ command: z.string().min(1) });

function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) throw new BadRequestError(`form field ${name} is repeated; Slack sends it once`, name);
    fields[name] = value;
  }
  return fields;
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

/** The request's body as Slack sent it, after its signature was checked: shaped so Bolt can route it. */
export function checkSlackBody(text: string, contentType: string | undefined): void {
  if ((contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const form = parseForm(text);
    // Slack's check of the slash command's URL: Bolt answers it (after the signature, checked above).
    if (form.ssl_check !== undefined && form.command === undefined && form.payload === undefined) return;
    if (form.payload !== undefined) {
      let payload: unknown;
      try {
        payload = JSON.parse(form.payload);
      } catch {
        throw new BadRequestError('form field payload is not valid JSON', 'payload');
      }
      check(interactivePayload, payload, 'payload');
      return;
    }
    check(slashCommand, form);
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('request body is not valid JSON', '(body)');
  }
  check(eventEnvelope, body);
}

/**
 * In front of Bolt's `/slack/events`: reads the body once (Bolt reuses it as `req.rawBody`), checks
 * Slack's signature, then that the body is something Bolt can route. A bad signature is 401 and a
 * body Bolt could not route (no `type`, an `event` that is not an object, a NUL, 10,000 levels of
 * nesting) is 400 naming the field, both as Baton's usual JSON error, where Bolt would answer 500.
 */
export function slackRequestGuard(signingSecret: string): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const guard: RequestHandler = (req: Request, _res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const text = body.toString('utf8');
    const headers = {
      'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    };
    if (!headers['x-slack-signature'] || !Number.isFinite(headers['x-slack-request-timestamp']) || !isValidSlackRequest({ signingSecret, body: text, headers })) {
      throw new UnauthorizedError('Slack request signature is missing, stale or does not match');
    }
    checkSlackBody(text, req.headers['content-type']);
    // Bolt reads this instead of the (already consumed) stream.
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  };
  router.post('/slack/events', raw, guard);
  return router;
}
