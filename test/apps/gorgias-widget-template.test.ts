import fs from 'node:fs';
import path from 'node:path';
import { assess } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { parseConversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { widgetView } from '../../integrations/gorgias/widget';
import { conversationBody } from '../http/harness';

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
function templateMisses(widget: TemplateWidget, data: unknown, where = 'template'): string[] {
  const here = `${where}/${widget.title ?? widget.type}`;
  const value = at(data, widget.path ?? '');
  switch (widget.type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? [] : [`${here}: ${widget.path} is ${JSON.stringify(value)}`];
    case 'list':
      if (!Array.isArray(value) || value.length === 0) return [`${here}: ${widget.path} is not a non-empty list`];
      return value.flatMap((item) => (widget.widgets ?? []).flatMap((w) => templateMisses(w, item, here)));
    case 'card':
    case 'wrapper':
      if (typeof value !== 'object' || value === null) return [`${here}: ${widget.path} is not an object`];
      return (widget.widgets ?? []).flatMap((w) => templateMisses(w, value, here));
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
