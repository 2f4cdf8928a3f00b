import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { BatonError, ConfigError } from '../errors';
import { createIntegrationStore } from '../integrations/integration-store';
import { createSecretBox, loadSecretKey } from '../secret-box';
import { FIRST_KEY_LABEL } from '../store/api-keys';
import { lockDataDir, type DataDirLock } from '../store/data-dir-lock';
import { openDatabase } from '../store/database';
import { createStore } from '../store/postgres-store';
import { createTenantAdmin } from '../store/tenant-admin';
import type { Store, Tenant } from '../store/types';
import type { CliIo, ExitCode } from './io';
import { UsageError } from './load-options';
import { CHANNEL_ID, USER_ID } from '../../integrations/slack/baton-command';
import { QUEUE_NAME } from '../domain/queue-name';
import { createSlackStore, type SlackStore } from '../../integrations/slack/slack-store';

export const TENANTS_USAGE = `Usage: baton tenants <subcommand>

  create NAME [--policy FILE]          make a tenant and its first API key (shown once)
  list                                 every tenant
  keys TENANT [--create [--label L] | --revoke KEY_ID]
                                       list, make or revoke API keys
  policy TENANT [FILE]                 show the policy, or replace it from FILE (JSON)
  connect TENANT PROVIDER --settings FILE --secrets FILE
                                       connect zendesk, gorgias, shopify or tracking
                                       (--secrets - reads them from standard input)
  integrations TENANT                  connected integrations (never their secrets)
  slack-routes TENANT                  where each queue is alerted in Slack
  slack-route TENANT QUEUE CHANNEL_ID [--lead USER_ID] [--sla MINUTES]
                                       alert a queue in a Slack channel (docs/SLACK.md)
  slack-unroute TENANT QUEUE           stop alerting a queue
  slack-link TENANT TEAM_ID            link an installed Slack workspace to the tenant

TENANT is a tenant's id or name. Works on the database of DATABASE_URL, else the embedded one in
DATA_DIR (stop the server first: the embedded database belongs to one process). While the server
runs, use the admin API (docs/ADMIN-API.md).`;

async function readJson(file: string, io: CliIo, what: string): Promise<unknown> {
  let text: string;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await fs.readFile(file, 'utf8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what}: ${file} is not valid JSON`);
  }
}

async function findTenant(store: Store, ref: string | undefined): Promise<Tenant> {
  if (!ref) throw new UsageError('name the tenant (id or name)');
  const tenant = (await store.getTenant(ref)) ?? (await store.findTenantByName(ref));
  if (!tenant) throw new UsageError(`no tenant "${ref}"`);
  return tenant;
}

/** The Slack subcommands: the same checks as `/baton` and the admin API. */
async function slackSubcommand(slack: SlackStore, tenant: Tenant, sub: string, args: string[], options: { lead?: string; sla?: string }): Promise<unknown> {
  if (sub === 'slack-routes') return slack.listRoutes(tenant.id);
  if (sub === 'slack-link') {
    const team = args[0] ?? '';
    if (!/^[TE][A-Z0-9]{2,38}$/.test(team)) throw new UsageError('baton tenants slack-link TENANT TEAM_ID (e.g. T0123ABCD)');
    if (!(await slack.linkInstallation(team, tenant.id))) throw new UsageError(`the Slack app is not installed in ${team}: install it at /slack/install first`);
    return { team_id: team, tenant_id: tenant.id };
  }
  const queue = (args[0] ?? '').toLowerCase();
  if (!QUEUE_NAME.test(queue)) throw new UsageError('name the queue (letters, digits, _ or -), e.g. shipping');
  if (sub === 'slack-unroute') {
    if (!(await slack.removeRoute(tenant.id, queue))) throw new UsageError(`queue ${queue} has no channel`);
    return { removed: queue };
  }
  const channel = args[1] ?? '';
  if (!CHANNEL_ID.test(channel)) throw new UsageError('CHANNEL_ID must be a Slack channel id such as C0123ABCD');
  if (options.lead !== undefined && !USER_ID.test(options.lead)) throw new UsageError('--lead must be a Slack user id such as U0123ABCD');
  const sla = options.sla === undefined ? undefined : Number(options.sla);
  if (sla !== undefined && !(Number.isInteger(sla) && sla >= 1 && sla <= 10080)) throw new UsageError('--sla must be whole minutes from 1 to 10080');
  return slack.setRoute(tenant.id, { queue, channel_id: channel, lead_user_id: options.lead ?? null, ...(sla !== undefined ? { sla_minutes: sla } : {}) });
}

/** `baton tenants …`: tenants, keys, policy and integrations from the command line. */
export async function tenantsCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      create: { type: 'boolean' },
      label: { type: 'string' },
      revoke: { type: 'string' },
      settings: { type: 'string' },
      secrets: { type: 'string' },
      lead: { type: 'string' },
      sla: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [sub, ...rest] = positionals;
  if (values.help || !sub) {
    (values.help ? io.stdout : io.stderr)(TENANTS_USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  // The embedded database belongs to one process: refuse (naming DATA_DIR) while a server holds it.
  let lock: DataDirLock | undefined;
  try {
    lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`baton tenants: ${err.message}; while the server runs, use the admin API (docs/ADMIN-API.md)\n`);
      return 1;
    }
    throw err;
  }
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') });
  const store = createStore(db);
  const print = (value: unknown) => io.stdout(JSON.stringify(value, null, 2) + '\n');
  try {
    await store.migrate();
    const admin = createTenantAdmin(db);
    const integrations = () => createIntegrationStore(db, createSecretBox(loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir })));
    switch (sub) {
      case 'create': {
        if (!rest[0]) throw new UsageError('baton tenants create NAME');
        const policy = values.policy ? await readJson(values.policy, io, '--policy') : undefined;
        const { tenant, apiKey } = await store.createTenantWithKey({ name: rest[0], policy: policy as never }, FIRST_KEY_LABEL);
        print({ tenant, api_key: apiKey });
        return 0;
      }
      case 'list':
        print(await admin.listTenants());
        return 0;
      case 'keys': {
        const tenant = await findTenant(store, rest[0]);
        if (values.create) print(await store.createApiKey(tenant.id, values.label));
        else if (values.revoke) {
          if (!(await store.revokeApiKey(tenant.id, values.revoke))) throw new UsageError(`no active key ${values.revoke}`);
          print({ revoked: values.revoke });
        } else print(await admin.listApiKeys(tenant.id));
        return 0;
      }
      case 'policy': {
        const tenant = await findTenant(store, rest[0]);
        print(rest[1] ? await admin.setPolicy(tenant.id, await readJson(rest[1], io, 'policy')) : tenant.policy);
        return 0;
      }
      case 'connect': {
        const tenant = await findTenant(store, rest[0]);
        if (!rest[1] || !values.settings || !values.secrets) throw new UsageError('baton tenants connect TENANT PROVIDER --settings FILE --secrets FILE');
        const settings = await readJson(values.settings, io, '--settings');
        const secrets = await readJson(values.secrets, io, '--secrets');
        print(await integrations().connect(tenant.id, rest[1], { settings, secrets }));
        return 0;
      }
      case 'integrations': {
        const tenant = await findTenant(store, rest[0]);
        print(await integrations().list(tenant.id));
        return 0;
      }
      case 'slack-routes':
      case 'slack-route':
      case 'slack-unroute':
      case 'slack-link': {
        const tenant = await findTenant(store, rest[0]);
        print(await slackSubcommand(createSlackStore(db), tenant, sub, rest.slice(1), values));
        return 0;
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}"\n\n${TENANTS_USAGE}`);
    }
  } catch (err) {
    if (err instanceof BatonError) {
      io.stderr(`baton tenants ${sub}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
    lock?.release();
  }
}
