import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { assess } from '../../assess';
import { parseConversation } from '../../domain/conversation';
import { DEFAULT_POLICY } from '../../domain/policy';
import { fillCustomerMessage } from '../../brief/customer-message';
import { NotFoundError } from '../../errors';
import { appsDir, builtFile } from '../apps-dir';
import type { RouteDeps } from '../deps';
import { PAGE_CSP } from './embed-sidebar';

const DEMO_HANDOFF_ID = '00000000-0000-4000-8000-00000000d3e0';
/** The demo escalation happened this long before the page was opened, so the SLA clock reads sensibly. */
const DEMO_AGE_MS = 4 * 60_000;

/**
 * The local preview: GET /preview/zendesk is a page playing Zendesk's part (the ZAF host frame) around
 * the real built app, so an admin sees what agents see before installing. With no API key in the
 * page's fragment the app reads the demo brief below: the real rules and brief writer run on the demo
 * ticket (apps/preview/demo-ticket.json); feedback and guard warnings on the demo are not stored.
 */
export function zendeskPreviewRoutes(deps: RouteDeps): Router {
  const apps = appsDir();
  const router = Router();
  const demoTicket = JSON.parse(fs.readFileSync(path.join(apps, 'preview', 'demo-ticket.json'), 'utf8')) as {
    conversation: unknown;
    customer_context: Record<string, unknown>;
  };
  const conversation = parseConversation(demoTicket.conversation);
  let demoAssessment: ReturnType<typeof assess> | undefined;

  const page = (file: string): express.RequestHandler => (_req, res) => {
    const built = builtFile(file);
    if ('missing' in built) throw new NotFoundError(built.missing);
    res.setHeader('Content-Security-Policy', PAGE_CSP.replace("default-src 'none'", "default-src 'none'; frame-src 'self'"));
    res.sendFile(built.path);
  };

  router.get('/preview/zendesk', page(path.join(apps, 'preview', 'index.html')));
  router.get('/preview/assets/host.js', page(path.join(apps, 'preview', 'assets', 'host.js')));
  router.get('/preview/assets/host.css', page(path.join(apps, 'preview', 'host.css')));
  router.get('/preview/zendesk/app/app.js', page(path.join(apps, 'zendesk', 'assets', 'app.js')));
  router.get('/preview/zendesk/app/sidebar.css', page(path.join(apps, 'zendesk', 'assets', 'sidebar.css')));
  router.get('/preview/zendesk/app/iframe.html', page(path.join(apps, 'zendesk', 'assets', 'iframe.html')));

  router.get('/preview/zendesk/demo/v1/briefs', async (_req, res) => {
    const now = Date.now();
    demoAssessment ??= assess(conversation, {
      policy: DEFAULT_POLICY,
      writer: deps.writer,
      kb: deps.kb,
      receivedAt: new Date(now - DEMO_AGE_MS),
      customerContext: demoTicket.customer_context,
    });
    // Made once; a failed attempt is not kept, so the next page load tries again.
    const assessment = await demoAssessment.catch((err: unknown) => {
      demoAssessment = undefined;
      throw err;
    });
    const at = new Date(now - DEMO_AGE_MS).toISOString();
    const { brief, ...decision } = assessment;
    res.json({
      id: DEMO_HANDOFF_ID,
      status: 'assembled',
      conversation_id: conversation.id,
      ticket: conversation.ticket ?? null,
      created_at: at,
      updated_at: at,
      ...decision,
      brief_version: 2,
      brief: {
        ...brief,
        customer_message: fillCustomerMessage(brief.customer_message, { waitMinutes: deps.config.defaultWaitMinutes, position: 2 }),
        sources: [{ kind: 'zendesk', ok: true }, { kind: 'shopify', ok: true }, { kind: 'tracking', ok: true }],
      },
      conversation,
    });
  });
  const notStored: express.RequestHandler = (_req, res) => void res.status(204).end();
  router.post('/preview/zendesk/demo/v1/briefs/feedback', notStored);
  router.post('/preview/zendesk/demo/v1/briefs/guard-warnings', notStored);
  return router;
}
