import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ConflictError } from './errors';
import type { Logger } from './logger';
import { hashApiKey } from './store/api-keys';
import type { Store, Tenant } from './store/types';

export const DEMO_TENANT_NAME = 'demo';
export const DEMO_KEY_FILE = 'demo-api-key';

async function findOrCreateDemoTenant(store: Store): Promise<Tenant> {
  const existing = await store.findTenantByName(DEMO_TENANT_NAME);
  if (existing) return existing;
  try {
    return await store.createTenant({ name: DEMO_TENANT_NAME });
  } catch (err) {
    // Another process starting on the same database may have created it a moment ago.
    const raced = await store.findTenantByName(DEMO_TENANT_NAME);
    if (raced) return raced;
    // Names are unique ignoring case: a tenant of yours is called "Demo". Not taken over (its data
    // would answer to the demo key), nor a second name invented.
    if (err instanceof ConflictError) {
      throw new ConfigError(`DEMO_TENANT: ${err.message.replace(/^name: /, '')}, so the demo tenant cannot be created; set DEMO_TENANT=false or rename that tenant`, 'DEMO_TENANT');
    }
    throw err;
  }
}

/** A fixed key from the environment: registered by its hash, so the database never holds the key. */
async function registerFixedKey(store: Store, tenant: Tenant, key: string): Promise<void> {
  const owner = await store.authenticate(key);
  if (owner && owner.id !== tenant.id) {
    throw new ConfigError('BATON_DEMO_API_KEY already belongs to another tenant; choose another key', 'BATON_DEMO_API_KEY');
  }
  if (owner) return;
  await store.db.query(
    `INSERT INTO api_keys (tenant_id, label, key_hash) VALUES ($1, 'demo (BATON_DEMO_API_KEY)', $2)
     ON CONFLICT (key_hash) DO NOTHING`,
    [tenant.id, hashApiKey(key)],
  );
}

function readKeyFile(file: string): string | undefined {
  try {
    const key = fs.readFileSync(file, 'utf8').trim();
    return key || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Written whole (temp file, then rename) and readable by the owner only. */
function writeKeyFile(file: string, key: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${key}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Makes sure the `demo` tenant exists and returns a working API key for it, the same one across
 * restarts: BATON_DEMO_API_KEY when set, else the key kept in `<dataDir>/demo-api-key`. A kept key
 * that no longer authenticates (a new database) is replaced by a freshly minted one.
 */
export async function ensureDemoTenant(
  store: Store,
  options: { dataDir: string; fixedKey?: string; logger: Logger },
): Promise<{ tenant: Tenant; apiKey: string }> {
  const tenant = await findOrCreateDemoTenant(store);
  if (options.fixedKey) {
    await registerFixedKey(store, tenant, options.fixedKey);
    return { tenant, apiKey: options.fixedKey };
  }
  const file = path.join(options.dataDir, DEMO_KEY_FILE);
  const kept = readKeyFile(file);
  if (kept && (await store.authenticate(kept))?.id === tenant.id) return { tenant, apiKey: kept };

  const { key } = await store.createApiKey(tenant.id, 'demo');
  writeKeyFile(file, key);
  options.logger.info({ file }, kept ? 'demo API key no longer valid here; minted a new one' : 'minted the demo API key');
  return { tenant, apiKey: key };
}
