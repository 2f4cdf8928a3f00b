import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Builds what runs in the browser, from TypeScript, with esbuild: the Zendesk app (with the ZAF SDK
 * bundled in), the embeddable sidebar page and the preview's host frame. Outputs sit next to the
 * static files that load them and are not committed.
 * Run: npm run build:apps
 */

export const APPS_DIR = path.resolve(__dirname, '..');

const BUNDLES = [
  { entry: 'zendesk/src/main.ts', out: 'zendesk/assets/app.js', css: 'zendesk/assets/sidebar.css' },
  { entry: 'embed/src/embed-main.ts', out: 'embed/assets/embed.js', css: 'embed/assets/sidebar.css' },
  { entry: 'preview/src/host.ts', out: 'preview/assets/host.js' },
];

export async function buildApps(): Promise<string[]> {
  const written: string[] = [];
  await Promise.all(
    BUNDLES.map(async (bundle) => {
      const outfile = path.join(APPS_DIR, bundle.out);
      await build({
        entryPoints: [path.join(APPS_DIR, bundle.entry)],
        outfile,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: ['chrome100', 'firefox100', 'safari15'],
        // Readable output: Zendesk's marketplace review reads the app's code.
        minify: false,
        legalComments: 'inline',
        logLevel: 'silent',
      });
      written.push(outfile);
      if (bundle.css) {
        const css = path.join(APPS_DIR, bundle.css);
        fs.copyFileSync(path.join(APPS_DIR, 'shared/sidebar.css'), css);
        written.push(css);
      }
    }),
  );
  return written;
}

if (require.main === module) {
  buildApps().then(
    (files) => files.forEach((file) => console.log(`built ${path.relative(process.cwd(), file)}`)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
