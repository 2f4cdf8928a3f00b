import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { parseConversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { widgetView } from '../../integrations/gorgias/widget';
import { createHelpdeskWiring } from '../../server/integrations/helpdesk-wiring';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import { backends, uniqueSchema } from '../helpers/database';
import { conversationBody, openHarness, type Harness } from '../http/harness';

interface TemplateWidget {
  type: string;
  title?: string;
  path?: string;
  widgets?: TemplateWidget[];
}

const template = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../apps/gorgias/widget-template.json'), 'utf8')) as TemplateWidget;

function at(data: unknown, p: string): unknown {
  return p === '' ? data : p.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], data);
}

/**
 * Every place the template points at, against the JSON it will render: a text path must hold a
 * string or number, a list path an array (its widgets then read each item), a card path an object.
 */
function templateMisses(widget: TemplateWidget, data: unknown, where = 'template', allowEmptyLists = false): string[] {
  const here = `${where}/${widget.title ?? widget.type}`;
  const value = at(data, widget.path ?? '');
  switch (widget.type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? [] : [`${here}: ${widget.path} is ${JSON.stringify(value)}`];
    case 'list':
      if (!Array.isArray(value) || (value.length === 0 && !allowEmptyLists)) return [`${here}: ${widget.path} is not a non-empty list`];
      return value.flatMap((item) => (widget.widgets ?? []).flatMap((w) => templateMisses(w, item, here, allowEmptyLists)));
    case 'card':
    case 'wrapper':
      if (typeof value !== 'object' || value === null) return [`${here}: ${widget.path} is not an object`];
      return (widget.widgets ?? []).flatMap((w) => templateMisses(w, value, here, allowEmptyLists));
    default:
      return [`${here}: unknown widget type ${widget.type}`];
  }
}

describe('the Gorgias widget template', () => {
  let view: ReturnType<typeof widgetView>;

  beforeAll(async () => {
    const conversation = parseConversation(
      conversationBody({
        messages: [
          { role: 'customer', text: 'Where is order #48213? It was due last week.' },
          { role: 'bot', text: 'It shipped, here is the tracking page.', kb_articles: [{ id: 'shipping-delivery', title: 'Shipping' }], helpful: false },
          { role: 'customer', text: 'That does not help. Can I talk to a real person please?' },
        ],
      }),
    );
    const { brief, ...decision } = await assess(conversation, {
      policy: DEFAULT_POLICY,
      writer: new OfflineBriefWriter(),
      customerContext: { shopify: { summary: 'Order #48213, paid, fulfilled' }, tracking: { summary: 'UPS, in transit, no scan for 6 days' } },
    });
    view = widgetView({
      handoffId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      status: 'assembled',
      briefVersion: 2,
      decision,
      brief: { ...brief, sources: [{ kind: 'zendesk', ok: true }, { kind: 'shopify', ok: false, error: 'timeout' }] },
      link: '/v1/handoffs/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    });
  });

  it('is a wrapper of cards and lists whose text fields all point at what the widget JSON holds', () => {
    expect(template.type).toBe('wrapper');
    expect(templateMisses(template, view)).toEqual([]);
  });

  it('maps every field an agent needs', () => {
    const paths = JSON.stringify(template);
    for (const field of ['summary', 'facts', 'reasons', 'priority', 'queue', 'warm_intro', 'attempted', 'next_steps', 'context', 'sources_warning']) {
      expect(paths).toContain(`"path":"${field}"`);
    }
  });

  it('would notice a path the JSON does not have', () => {
    const broken = JSON.parse(JSON.stringify(template).replace('"path":"summary"', '"path":"sumary"')) as TemplateWidget;
    expect(templateMisses(broken, view).join('\n')).toMatch(/sumary/);
  });
});

describe.each(backends().slice(0, 1))('the Gorgias widget endpoint on $name', (backend) => {
  const SECRET = 'gorgias-header-secret-0123456789';
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend, uniqueSchema(__filename));
  }, 120_000);
  afterAll(async () => h?.close());

  it('answers, for a handed-over Gorgias ticket, JSON holding every path the template maps', async () => {
    const { a } = await h.reset();
    const wiring = createHelpdeskWiring({
      store: h.store, jobs: h.jobs, box: createSecretBox(randomBytes(32)), writer: new OfflineBriefWriter(), kb: h.kb, logger: createLogger({ logLevel: 'silent' }),
    });
    await wiring.integrationStore.connect(a.tenant.id, 'gorgias', {
      settings: { domain: 'acme', email: 'agent@acme.example' },
      secrets: { api_key: 'gorgias-api-key-0123', webhook_secret: SECRET },
    });
    const app = h.makeApp({}, [wiring.router]);
    const posted = await request(app).post('/v1/handoffs').set(a.auth).send(
      conversationBody({
        messages: [
          { role: 'customer', text: 'Where is order #48213? It was due last week.' },
          { role: 'bot', text: 'It shipped, here is the tracking page.', kb_articles: [{ id: 'shipping-delivery', title: 'Shipping' }], helpful: false },
          { role: 'customer', text: 'That does not help. Can I talk to a real person please?' },
        ],
        ticket: { provider: 'gorgias', id: '40123' },
      }),
    );
    expect(posted.status).toBe(202);
    const res = await request(app).get(`/widgets/gorgias/${a.tenant.id}?ticket_id=40123`).set('X-Baton-Secret', SECRET);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatch(/48213/);
    // Lists may be empty here (no connectors answered); each that is present must be a list of what the template reads.
    expect(templateMisses(template, res.body, 'template', true)).toEqual([]);
    expect(res.body.attempted.length).toBeGreaterThan(0);
    expect(res.body.next_steps.length).toBeGreaterThan(0);
  });
});

