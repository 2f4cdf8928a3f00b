import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { zendeskSignature } from '../../integrations/zendesk';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { createHelpdeskWiring, type HelpdeskWiring } from '../../server/integrations/helpdesk-wiring';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secret-box';
import type { Tenant } from '../../server/store/types';
import { backends, uniqueSchema } from '../helpers/database';
import { onlyNockedHttp } from '../helpers/outside-http';
import { fixtureBytes } from '../helpers/vendor-fixtures';
import { openHarness, type Harness } from '../http/harness';

onlyNockedHttp();

const SIGNING = 'zendesk-signing-secret-0123456789';
const NOW = new Date('2026-11-02T10:15:30Z');

/**
 * A uuid names the same tenant in any case (Postgres compares them so): a webhook or widget URL with
 * the tenant id in capitals reaches the same connection, opens its sealed secrets, and stores each
 * vendor event once, whichever case a delivery and its replay use.
 */
describe.each(backends())('a tenant id written in capitals on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  let h: Harness;
  let wiring: HelpdeskWiring;
  let app: Express;
  let tenant: Tenant;

  beforeAll(async () => {
    h = await openHarness(backend, schema);
    const logger = createLogger({ logLevel: 'silent' });
    wiring = createHelpdeskWiring({ store: h.store, jobs: h.jobs, box: createSecretBox(randomBytes(32)), writer: new OfflineBriefWriter(), kb: h.kb, logger, now: () => NOW, pollingIntervalSeconds: 0.5 });
    app = h.makeApp({}, [wiring.router]);
  }, 120_000);
  afterAll(async () => h?.close());
  beforeEach(async () => {
    ({ a: { tenant } } = await h.reset());
  });

  const post = (tenantInUrl: string, body: Buffer, signed = true) => {
    const timestamp = '2026-11-02T10:15:20Z';
    const req = request(app).post(`/webhooks/zendesk/${tenantInUrl}`).set('Content-Type', 'application/json');
    if (signed) req.set('X-Zendesk-Webhook-Signature', zendeskSignature(SIGNING, timestamp, body)).set('X-Zendesk-Webhook-Signature-Timestamp', timestamp);
    return req.send(body.toString('utf8'));
  };

  it('answers a webhook as for the lower-case id: unsigned refused, signed stored once across both cases', async () => {
    // Connected under the capitalised id, as an admin may have typed it.
    await wiring.integrationStore.connect(tenant.id.toUpperCase(), 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example', bot_user_ids: ['360000000001'] },
      secrets: { webhook_secret: SIGNING, api_token: 'zd-token-0123456789' },
    });
    const body = fixtureBytes('zendesk', 'event-ticket-created');
    const unsigned = await post(tenant.id.toUpperCase(), body, false);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBeDefined();

    const first = await post(tenant.id.toUpperCase(), body);
    expect([first.status, first.body.new]).toEqual([202, 1]);
    const replay = await post(tenant.id, body);
    expect([replay.status, replay.body.new, replay.body.duplicates]).toEqual([200, 0, 1]);
    const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbound_events WHERE tenant_id = $1', [tenant.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('reads the Gorgias widget of a capitalised id without a server error', async () => {
    // Another provider's sealed secrets are opened on the way to finding none for Gorgias.
    await wiring.integrationStore.connect(tenant.id, 'zendesk', {
      settings: { subdomain: 'acme', email: 'agent@acme.example' },
      secrets: { webhook_secret: SIGNING, api_token: 'zd-token-0123456789' },
    });
    const res = await request(app).get(`/widgets/gorgias/${tenant.id.toUpperCase()}?ticket_id=1`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/gorgias/);
  });
});
