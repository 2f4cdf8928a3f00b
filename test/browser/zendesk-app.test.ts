import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { buildApps } from '../../apps/build/build-apps';
import { conversationBody, type TenantWithKey } from '../http/harness';
import { startBatonServer, type BatonServer } from './baton-server';
import { launchChromium, screenshot } from './chromium';

/**
 * The real Zendesk app (built with esbuild, ZAF SDK bundled) in Debian's Chromium, inside the
 * preview's host frame, against a real Baton server on loopback.
 */
jest.setTimeout(90_000);

let baton: BatonServer;
let browser: Browser;
let context: BrowserContext;
let tenant: TenantWithKey;

beforeAll(async () => {
  await buildApps();
  [baton, browser] = await Promise.all([startBatonServer(__filename), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

beforeEach(async () => {
  ({ a: tenant } = await baton.h.reset());
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
});

afterEach(async () => {
  await context?.close();
});

async function postHandoff(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await fetch(`${baton.url}/v1/handoffs`, {
    method: 'POST',
    headers: { ...tenant.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string };
}

async function getBrief(ticket: string): Promise<{ brief: { warm_intro: string } }> {
  const res = await fetch(`${baton.url}/v1/briefs?provider=zendesk&ticket=${ticket}`, { headers: tenant.auth });
  return (await res.json()) as { brief: { warm_intro: string } };
}

/** Opens the preview on a ticket with the tenant's key (in the fragment, as an admin would). */
async function openTicket(ticket: string, extra = ''): Promise<{ page: Page; app: Frame; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${baton.url}/preview/zendesk#token=${encodeURIComponent(tenant.key)}&ticket=${ticket}${extra}`);
  const handle = await page.waitForSelector('#app');
  const app = (await handle.contentFrame())!;
  await app.waitForSelector('#baton-sidebar header');
  return { page, app, errors };
}

/**
 * Polls from the test side: the pages' Content-Security-Policy forbids the string evaluation that
 * page.waitForFunction would need.
 */
async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The brief is on screen, in the given status (any, by default). */
async function briefShown(app: Frame, status?: 'received' | 'assembled' | 'failed'): Promise<void> {
  await app.waitForSelector(`.body${status ? `[data-status="${status}"]` : ''} .brief`, { timeout: 15_000 });
}

describe('the Zendesk app in Chromium', () => {
  it('the bundled ZAF SDK handshakes with the host frame and renders the demo brief', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(`${baton.url}/preview/zendesk`);
    const app = (await (await page.waitForSelector('#app')).contentFrame())!;
    await briefShown(app, 'assembled');
    expect(await page.textContent('#host-log')).toMatch(/^handshake/);
    // The SDK came from our bundle: nothing was loaded from anywhere but this server.
    expect(requests.every((url) => url.startsWith(baton.url))).toBe(true);
    const brief = await app.textContent('.brief');
    // Customer, orders and parcels from the connectors' sections of customer_context.
    expect(brief).toContain('#48213');
    expect(brief).toContain('1Z999AA10123456784');
    expect(brief).toContain('Departed facility');
    await screenshot(page, 'zendesk-preview-demo');
  });

  it('shows the brief of a fresh handoff while it is assembled, then updates itself when it is ready', async () => {
    // With the escalation's queue routed to Slack, the handoff has follow-up work and is assembled in
    // the background (with nothing to follow it would be recorded assembled at once).
    await baton.h.db.query(`INSERT INTO slack_routes (tenant_id, queue, channel_id) VALUES ($1, 'shipping', 'C0SHIP')`, [tenant.tenant.id]);
    const { id } = await postHandoff(conversationBody({ id: 'fresh-1', ticket: { provider: 'zendesk', id: '5001' } }));
    const { page, app, errors } = await openTicket('5001');
    await briefShown(app, 'received');
    expect(await app.isVisible('.notice.assembling')).toBe(true);
    expect(await app.textContent('.brief')).toContain('human requested');
    await screenshot(page, 'zendesk-fresh-handoff-assembling');

    await baton.assemble(tenant.tenant.id, id);
    await briefShown(app, 'assembled');
    expect(await app.isVisible('.notice.assembling')).toBe(false);
    // No connectors on this tenant: assembly added nothing, so the shown version stays 1, now assembled.
    expect(await app.getAttribute('.body', 'data-brief-version')).toBe('1');
    // The token was filled in by the host, never handed to the app.
    expect(await app.evaluate('document.documentElement.outerHTML')).not.toContain(tenant.key);
    expect(errors).toEqual([]);
    await screenshot(page, 'zendesk-fresh-handoff-ready');
  });

  it('says so when the context could not be gathered, and keeps the first brief', async () => {
    await baton.h.db.query(`INSERT INTO slack_routes (tenant_id, queue, channel_id) VALUES ($1, 'shipping', 'C0SHIP')`, [tenant.tenant.id]);
    const { id } = await postHandoff(conversationBody({ id: 'fresh-failed', ticket: { provider: 'zendesk', id: '5009' } }));
    const { page, app, errors } = await openTicket('5009');
    await briefShown(app, 'received');

    await baton.failAssembly(tenant.tenant.id, id);
    await briefShown(app, 'failed');
    expect(await app.isVisible('.notice.assembling')).toBe(false);
    expect(await app.textContent('.notice.assembly-failed')).toMatch(/could not be gathered/);
    // The brief the handoff was recorded with is still the agent's to read.
    expect(await app.textContent('.brief')).toContain('human requested');
    expect(errors).toEqual([]);
    await screenshot(page, 'zendesk-handoff-assembly-failed');
  });

  it('"Insert into reply" puts the warm intro into the agent\'s reply', async () => {
    await postHandoff(conversationBody({ id: 'intro-1', ticket: { provider: 'zendesk', id: '5002' } }));
    const { page, app } = await openTicket('5002');
    await briefShown(app);
    await app.click('button.insert');
    await until(async () => (await page.inputValue('#reply')).length > 0);
    const { brief } = await getBrief('5002');
    expect(await page.inputValue('#reply')).toBe(brief.warm_intro);
    expect(await page.textContent('#host-log')).toContain('ticket.comment.appendText');
  });

  it('the agent can edit the intro before inserting it', async () => {
    await postHandoff(conversationBody({ id: 'intro-2', ticket: { provider: 'zendesk', id: '5003' } }));
    const { page, app } = await openTicket('5003');
    await briefShown(app);
    await app.click('.section button.secondary:text("Edit")');
    await app.fill('textarea.intro', 'Hi Ana, I have your order here.');
    await app.click('button.insert');
    await until(async () => (await page.inputValue('#reply')).length > 0);
    expect(await page.inputValue('#reply')).toBe('Hi Ana, I have your order here.');
  });

  it('the save guard stops a reply asking for the order number, counts it, and lets the agent send anyway', async () => {
    const { id } = await postHandoff(conversationBody({ id: 'guard-1', ticket: { provider: 'zendesk', id: '5004' } }));
    const { page, app } = await openTicket('5004');
    await briefShown(app);
    await page.fill('#reply', 'Hi Ana, could you send me your order number please?');
    await page.click('#submit');
    await page.waitForSelector('#save-status.cancelled');
    expect(await page.textContent('#save-status')).toMatch(/order number.*48213/);
    await app.waitForSelector('.guard:not([hidden])');
    expect(await app.textContent('.guard')).toContain('48213');
    expect(await page.locator('#sent li').count()).toBe(0);
    await screenshot(page, 'zendesk-save-guard');
    const { rows } = await baton.h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM guard_warnings WHERE handoff_id = $1', [id]);
    expect(Number(rows[0]!.n)).toBe(1);

    await page.click('#submit'); // the same reply again: the agent chose to send it
    await page.waitForSelector('#sent li');
    expect(await page.textContent('#sent li')).toContain('order number');
    expect(await app.isHidden('.guard')).toBe(true);

    await page.fill('#reply', 'I have opened a carrier trace for you.');
    await page.click('#submit');
    await page.waitForSelector('#sent li:nth-child(2)');
  });

  it('asks the host to resize the frame to the content', async () => {
    await postHandoff(conversationBody({ id: 'resize-1', ticket: { provider: 'zendesk', id: '5005' } }));
    const { page, app } = await openTicket('5005');
    await briefShown(app);
    await until(async () => Number(await page.getAttribute('body', 'data-resizes')) >= 2);
    const frameHeight = await page.evaluate<number>("document.getElementById('app').getBoundingClientRect().height");
    const contentHeight = await app.evaluate<number>("document.getElementById('baton-sidebar').getBoundingClientRect().height");
    expect(Math.abs(frameHeight - contentHeight - 16)).toBeLessThanOrEqual(2);
    expect(await page.textContent('#host-log')).toContain('invoke resize');
  });

  it('customer text with <script> and <img onerror> shows as text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await postHandoff(
      conversationBody({
        id: 'xss-1',
        customer: { name: `<script>window.__pwned=3</script>`, email: 'ana@example.com' },
        messages: [
          { role: 'customer', text: `${hostile} Where is order #48213? It is late.` },
          { role: 'customer', text: `I want to talk to a real person now ${hostile}` },
        ],
        ticket: { provider: 'zendesk', id: '5006' },
      }),
    );
    const { page, app, errors } = await openTicket('5006');
    await briefShown(app);
    await app.click('.chip'); // open the evidence, which quotes the customer
    const text = await app.textContent('.brief');
    expect(text).toContain('<img src=x onerror=');
    expect(await app.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await app.locator('.brief img, .brief script').count()).toBe(0);
    expect(errors).toEqual([]);
    await screenshot(page, 'zendesk-hostile-text');
  });

  it("follows the agent's locale", async () => {
    await postHandoff(conversationBody({ id: 'es-1', ticket: { provider: 'zendesk', id: '5007' } }));
    const { page, app } = await openTicket('5007', '&locale=es-419');
    await briefShown(app);
    expect(await app.textContent('header h1')).toBe('Resumen del traspaso');
    expect(await app.textContent('button.insert')).toBe('Insertar en la respuesta');
    await screenshot(page, 'zendesk-spanish');
  });

  it('says so when the ticket has no handoff, and offers a retry when Baton cannot be read', async () => {
    const { app } = await openTicket('no-such-ticket');
    await app.waitForSelector('.notice.none');
    const bad = await context.newPage();
    await bad.goto(`${baton.url}/preview/zendesk#token=bt_wrong&ticket=5008`);
    const frame = (await (await bad.waitForSelector('#app')).contentFrame())!;
    await frame.waitForSelector('button.retry');
    expect(await frame.evaluate('document.activeElement && document.activeElement.className')).toBe('primary retry');
    await screenshot(bad, 'zendesk-error');
    // Retry reads again: once the handoff exists under a valid key it shows.
    await postHandoff(conversationBody({ id: 'retry-1', ticket: { provider: 'zendesk', id: '5008' } }));
    await bad.goto(`${baton.url}/preview/zendesk#token=${encodeURIComponent(tenant.key)}&ticket=5008`);
    await bad.reload();
    const again = (await (await bad.waitForSelector('#app')).contentFrame())!;
    await briefShown(again);
  });

  it('is usable from the keyboard: chips open their evidence, feedback is stored', async () => {
    const { id } = await postHandoff(conversationBody({ id: 'kbd-1', ticket: { provider: 'zendesk', id: '5009' } }));
    const { app } = await openTicket('5009');
    await briefShown(app);
    await app.focus('.chip');
    await app.press('.chip', 'Enter');
    expect(await app.getAttribute('.chip', 'aria-expanded')).toBe('true');
    expect(await app.isVisible('.evidence')).toBe(true);
    await app.focus('.feedback button:first-of-type');
    await app.press('.feedback button:first-of-type', 'Enter');
    await app.waitForSelector('.feedback-status:not(:empty)');
    const { rows } = await baton.h.db.query<{ helpful: boolean }>('SELECT helpful FROM brief_feedback WHERE handoff_id = $1', [id]);
    expect(rows.map((r) => r.helpful)).toEqual([true]);
  });

  it('the embed page at a signed link shows the brief with no API key in the page; a tampered link is refused', async () => {
    await postHandoff(conversationBody({ id: 'embed-1', ticket: { provider: 'gorgias', id: '4012' } }));
    const res = await fetch(`${baton.url}/v1/embed-links`, {
      method: 'POST',
      headers: { ...tenant.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ provider: 'gorgias', ticket: '4012' }),
    });
    const { url } = (await res.json()) as { url: string };
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${baton.url}${url}`);
    await page.waitForSelector('.body[data-status] .brief');
    expect(await page.textContent('.brief')).toContain('48213');
    expect(await page.locator('button.insert').count()).toBe(0); // no reply box here: Copy instead
    expect(await page.content()).not.toContain(tenant.key);
    expect(errors).toEqual([]);
    await screenshot(page, 'embed-page');
    const tampered = await page.goto(`${baton.url}${url.replace('ticket=4012', 'ticket=4013')}`);
    expect(tampered?.status()).toBe(401);
  });

  it('warns when some sources did not answer', async () => {
    const { id } = await postHandoff(conversationBody({ id: 'partial-1', ticket: { provider: 'zendesk', id: '5010' } }));
    const handoff = (await baton.h.store.getHandoff(tenant.tenant.id, id))!;
    await baton.h.store.addBriefVersion(
      tenant.tenant.id,
      id,
      { ...handoff.assessment.brief, sources: [{ kind: 'zendesk', ok: true }, { kind: 'shopify', ok: false, error: 'timeout' }] },
      'assembled',
    );
    const { page, app } = await openTicket('5010');
    await briefShown(app, 'assembled');
    expect(await app.textContent('.notice.warning')).toContain('shopify (timeout)');
    await screenshot(page, 'zendesk-partial-sources');
  });
});
