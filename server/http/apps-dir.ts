import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the helpdesk apps live (apps/ at the repository's root), from the source tree (tsx) or a
 * compiled build (dist/server/…), like the SQL migrations.
 */
export function appsDir(): string {
  const candidates = [path.resolve(__dirname, '../../apps'), path.resolve(__dirname, '../../../apps')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'zendesk', 'manifest.json'))) ?? candidates[0]!;
}

/**
 * A built browser file, or says how to build it (a fresh clone has not run esbuild yet). Missing is
 * 404 for the caller (this server has no such file; nothing will change until an operator builds
 * it), not a 5xx: the request is not at fault and the server is not failing.
 */
export function builtFile(file: string): { path: string } | { missing: string } {
  return fs.existsSync(file) ? { path: file } : { missing: `${path.basename(file)} is not built on this server: run npm run build:apps` };
}
