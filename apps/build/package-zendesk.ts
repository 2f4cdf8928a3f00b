import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { APPS_DIR, buildApps } from './build-apps';
import { type PackageFiles, zendeskPackageErrors } from './zendesk-rules';

/**
 * `npm run package:zendesk [-- --domain baton.example.com] [--out dist/baton-zendesk-app.zip]`:
 * builds the app and zips what Zendesk takes (manifest, translations, assets) for `zcli apps:create`
 * or a private upload. `--domain` sets the domain Zendesk may send the secure API key to.
 * Refuses to write a package that breaks Zendesk's rules.
 */

const PACKAGE_FILES = /^(manifest\.json|translations\/[\w-]+\.json|assets\/(?:iframe\.html|app\.js|sidebar\.css|logo\.png|logo-small\.png))$/;

export function zendeskPackageFiles(domain?: string): PackageFiles {
  const root = path.join(APPS_DIR, 'zendesk');
  const files: PackageFiles = new Map();
  for (const dir of ['.', 'translations', 'assets']) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const rel = path.posix.join(dir, name).replace(/^\.\//, '');
      if (PACKAGE_FILES.test(rel)) files.set(rel, fs.readFileSync(path.join(root, rel)));
    }
  }
  if (domain) {
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!)) as Record<string, unknown>;
    manifest.domainWhitelist = [domain];
    files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  }
  return files;
}

export async function packageZendesk(options: { out: string; domain?: string }): Promise<{ out: string; files: string[] }> {
  if (options.domain !== undefined && !/^[a-z0-9.-]+(:\d+)?$/i.test(options.domain)) {
    throw new Error(`--domain must be a host name like baton.example.com, got '${options.domain}'`);
  }
  await buildApps();
  const files = zendeskPackageFiles(options.domain);
  const errors = zendeskPackageErrors(files);
  if (errors.length) throw new Error(`the package breaks Zendesk's rules:\n${errors.join('\n')}`);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  // Fixed dates: the same sources give the same zip.
  const entries = Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => [name, [data, { mtime: new Date('2026-01-01T00:00:00Z') }] as const]));
  fs.writeFileSync(options.out, zipSync(entries as Parameters<typeof zipSync>[0], { level: 9 }));
  return { out: options.out, files: [...files.keys()].sort() };
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const out = path.resolve(flag('out') ?? 'dist/baton-zendesk-app.zip');
  packageZendesk({ out, domain: flag('domain') }).then(
    (result) => console.log(`wrote ${path.relative(process.cwd(), result.out)}: ${result.files.join(', ')}`),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
}
