/**
 * `npm run demo`: Baton on one machine with local stand-ins of Zendesk, Gorgias, Shopify and
 * AfterShip (test/demo/stand-ins.ts, speaking the vendors' documented shapes). It starts the
 * server and workers on a fresh embedded database, makes a tenant connected to the stand-ins, sends
 * a signed Zendesk webhook and a Gorgias one, and prints each step and the brief that results.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zendeskSignature } from '../../integrations/zendesk';
import { loadConfig } from '../../server/config';
import { createIntegrationStore } from '../../server/integrations/integration-store';
import { startRuntime } from '../../server/runtime';
import { createSecretBox } from '../../server/secret-box';
import { fixtureBytes } from '../helpers/vendor-fixtures';
import { aftershipStandIn, gorgiasStandIn, shopifyStandIn, zendeskStandIn } from './stand-ins';

const step = (text: string) => console.log(`\n== ${text}`);
const SIGNING = 'demo-zendesk-signing-secret';
const GORGIAS_SECRET = 'demo-gorgias-header-secret';

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  step('Starting stand-ins of Zendesk, Gorgias, Shopify and AfterShip on loopback');
  const [zendesk, gorgias, shopify, aftership] = await Promise.all([zendeskStandIn(), gorgiasStandIn(), shopifyStandIn(), aftershipStandIn()]);
  console.log({ zendesk: zendesk.url, gorgias: gorgias.url, shopify: shopify.url, aftership: aftership.url });

  step('Starting Baton (server and workers) on a fresh embedded database');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-demo-'));
  const secretKey = randomBytes(32).toString('hex');
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_TENANT: 'false', LOG_LEVEL: 'warn', BATON_SECRET_KEY: secretKey });
  const runtime = await startRuntime(config, { http: true, workers: true });
  console.log(`Baton at ${runtime.url}`);

  try {
    step('Creating tenant "acme" and connecting it to the stand-ins');
    const tenant = await runtime.store.createTenant({ name: 'acme' });
    const integrations = createIntegrationStore(runtime.store.db, createSecretBox(Buffer.from(secretKey, 'hex')));
    await integrations.connect(tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example', api_base_url: zendesk.url, bot_user_ids: ['360000000001'], group_ids: { shipping: '20055' } },
      secrets: { webhook_secret: SIGNING, api_token: 'demo-zendesk-token' },
    });
    await integrations.connect(tenant.id, 'gorgias', {
      settings: { domain: 'acme', email: 'baton@acme.example', api_base_url: gorgias.url },
      secrets: { api_key: 'demo-gorgias-key', webhook_secret: GORGIAS_SECRET },
    });
    await integrations.connect(tenant.id, 'shopify', { settings: { shop: 'acme', api_base_url: shopify.url }, secrets: { access_token: 'shpat_demo_token' } });
    await integrations.connect(tenant.id, 'tracking', { settings: { api_base_url: aftership.url }, secrets: { aftership_api_key: 'demo-aftership-key' } });
    console.log((await integrations.list(tenant.id)).map((i) => `${i.provider}: secrets set ${i.secrets_set.join(', ')}`).join('\n'));

    step('Zendesk: sending a signed ticket.created webhook (tag ai_handover)');
    const body = fixtureBytes('zendesk', 'event-ticket-created');
    const timestamp = new Date().toISOString();
    const send = () =>
      fetch(`${runtime.url}/webhooks/zendesk/${tenant.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Zendesk-Webhook-Signature': zendeskSignature(SIGNING, timestamp, body), 'X-Zendesk-Webhook-Signature-Timestamp': timestamp },
        body,
      });
    let res = await send();
    console.log(`POST /webhooks/zendesk/… -> ${res.status} ${await res.text()}`);
    res = await send();
    console.log(`same delivery again -> ${res.status} ${await res.text()}`);
    const badSig = await fetch(`${runtime.url}/webhooks/zendesk/${tenant.id}`, { method: 'POST', headers: { 'X-Zendesk-Webhook-Signature': 'forged', 'X-Zendesk-Webhook-Signature-Timestamp': timestamp }, body });
    console.log(`forged signature -> ${badSig.status}`);

    const zHandoff = await waitFor('the Zendesk brief', async () => {
      const h = await runtime.store.findHandoffByTicket(tenant.id, 'zendesk', '5158');
      return h?.status === 'assembled' && zendesk.writes.length > 0 ? h : undefined;
    });
    step(`Zendesk brief (handoff ${zHandoff.id}, version ${zHandoff.brief_version})`);
    printBrief(zHandoff.assessment);
    step('What Baton wrote on the Zendesk ticket');
    for (const w of zendesk.writes) console.log(`${w.call}\n  tags: ${w.body.ticket.additional_tags.join(', ')}  group: ${w.body.ticket.group_id}\n${indent(w.body.ticket.comment.body)}`);

    step('Gorgias: sending the HTTP integration call with the secret header');
    res = await fetch(`${runtime.url}/webhooks/gorgias/${tenant.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Baton-Secret': GORGIAS_SECRET },
      body: fixtureBytes('gorgias', 'http-ticket-created'),
    });
    console.log(`POST /webhooks/gorgias/… -> ${res.status} ${await res.text()}`);
    const gHandoff = await waitFor('the Gorgias brief', async () => {
      const h = await runtime.store.findHandoffByTicket(tenant.id, 'gorgias', '40123');
      return h?.status === 'assembled' && gorgias.writes.length >= 2 ? h : undefined;
    });
    step(`Gorgias brief (handoff ${gHandoff.id}, version ${gHandoff.brief_version})`);
    printBrief(gHandoff.assessment);
    step('What the Gorgias widget reads');
    const widget = await fetch(`${runtime.url}/widgets/gorgias/${tenant.id}?ticket_id=40123`, { headers: { 'X-Baton-Secret': GORGIAS_SECRET } });
    console.log(JSON.stringify(await widget.json(), null, 2));
  } finally {
    await runtime.stop();
    await Promise.all([zendesk, gorgias, shopify, aftership].map((s) => s.close()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

function printBrief(a: { escalate: boolean; reasons: string[]; priority: string; category: string; queue: string; brief: { summary: string; sources: unknown[]; customer_context: Record<string, unknown> } }): void {
  console.log(`escalate ${a.escalate}, reasons ${a.reasons.join(', ')}, priority ${a.priority}, ${a.category} -> queue ${a.queue}`);
  console.log(`summary: ${a.brief.summary}`);
  console.log(`sources: ${JSON.stringify(a.brief.sources)}`);
  for (const [kind, section] of Object.entries(a.brief.customer_context)) {
    const summary = (section as { summary?: string }).summary;
    if (summary) console.log(`context ${kind}: ${summary}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
