import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { packageZendesk, zendeskPackageFiles } from '../../apps/build/package-zendesk';
import { type PackageFiles, zendeskPackageErrors } from '../../apps/build/zendesk-rules';

const enc = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const dec = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, any>;

/** The committed package with one file changed. */
function withFile(name: string, change: (json: Record<string, any>) => void): PackageFiles {
  const files = new Map(zendeskPackageFiles());
  const json = dec(files.get(name)!);
  change(json);
  files.set(name, enc(json));
  return files;
}

describe("the Zendesk app against Zendesk's app rules", () => {
  it('the committed app passes every rule', () => {
    // app.js is built; the location URL must exist, and iframe.html is committed.
    expect(zendeskPackageErrors(zendeskPackageFiles())).toEqual([]);
  });

  it('is a ZAF v2 ticket sidebar app with a URL setting and a secure header-scoped token', () => {
    const manifest = dec(zendeskPackageFiles().get('manifest.json')!);
    expect(manifest.frameworkVersion).toBe('2.0');
    expect(manifest.location.support.ticket_sidebar.url).toBe('assets/iframe.html');
    const token = manifest.parameters.find((p: { name: string }) => p.name === 'token');
    expect(token).toEqual(expect.objectContaining({ secure: true, scopes: ['header'] }));
    expect(token).not.toHaveProperty('default');
    expect(manifest.parameters.find((p: { name: string }) => p.name === 'baton_url')?.type).toBe('url');
  });

  it.each<[string, string, (j: Record<string, any>) => void, RegExp]>([
    ['a missing author', 'manifest.json', (m) => delete m.author, /missing author/],
    ['a missing defaultLocale', 'manifest.json', (m) => delete m.defaultLocale, /missing defaultLocale/],
    ['a missing frameworkVersion', 'manifest.json', (m) => delete m.frameworkVersion, /missing frameworkVersion/],
    ['an unserved framework version', 'manifest.json', (m) => (m.frameworkVersion = '1.0'), /frameworkVersion/],
    ['a parameter named name', 'manifest.json', (m) => m.parameters.push({ name: 'name', type: 'text' }), /may not be called "name"/],
    ['scopes on a parameter that is not secure', 'manifest.json', (m) => (m.parameters[0].scopes = ['header']), /only for secure/],
    ['a default on a secure parameter', 'manifest.json', (m) => (m.parameters[1].default = 'bt_x'), /may not have a default/],
    ['a token that is not secure', 'manifest.json', (m) => { delete m.parameters[1].secure; delete m.parameters[1].scopes; }, /not secure/],
    ['an unknown scope', 'manifest.json', (m) => (m.parameters[1].scopes = ['cookie']), /scopes/],
    ['a location file not in the package', 'manifest.json', (m) => (m.location.support.ticket_sidebar.url = 'assets/missing.html'), /not a file under assets/],
    ['a plain-http location', 'manifest.json', (m) => (m.location.support.ticket_sidebar.url = 'http://example.com/app'), /must be https/],
    ['an unknown location', 'manifest.json', (m) => (m.location.support.ticket_side = { url: 'assets/iframe.html' }), /unknown location/],
    ['domainWhitelist not a list', 'manifest.json', (m) => (m.domainWhitelist = 'baton.example.com'), /domainWhitelist/],
    ['an app name over 40 characters', 'translations/en.json', (t) => (t.app.name = 'Baton handoff brief for support agents and more'), /at most 40/],
    ['no long_description', 'translations/en.json', (t) => delete t.app.long_description, /long_description is required/],
    ['no installation_instructions', 'translations/en.json', (t) => delete t.app.installation_instructions, /installation_instructions is required/],
    ['a parameter without a label', 'translations/en.json', (t) => delete t.app.parameters.token.label, /parameters.token.label/],
  ])('catches %s', (_name, file, change, message) => {
    const errors = zendeskPackageErrors(withFile(file, change));
    expect(errors.join('\n')).toMatch(message);
  });

  it('needs a translation file for the default locale', () => {
    const files = new Map(zendeskPackageFiles());
    files.delete('translations/en.json');
    expect(zendeskPackageErrors(files).join('\n')).toMatch(/translations\/en.json/);
  });

  it('every language has the same keys as English', () => {
    const files = zendeskPackageFiles();
    const keys = (j: unknown, prefix = ''): string[] =>
      typeof j === 'object' && j !== null ? Object.entries(j).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];
    const en = keys(dec(files.get('translations/en.json')!)).sort();
    const others = [...files.keys()].filter((f) => f.startsWith('translations/') && f !== 'translations/en.json');
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(keys(dec(files.get(other)!)).sort()).toEqual(en);
  });

  it('npm run package:zendesk writes a zip Zendesk accepts, with the SDK bundled and the domain set', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-zip-')), 'app.zip');
    await packageZendesk({ out, domain: 'baton.acme.test' });
    const files: PackageFiles = new Map(Object.entries(unzipSync(fs.readFileSync(out))));
    expect([...files.keys()].sort()).toEqual([
      'assets/app.js', 'assets/iframe.html', 'assets/logo-small.png', 'assets/logo.png', 'assets/sidebar.css',
      'manifest.json', 'translations/en.json', 'translations/es.json',
    ]);
    expect(zendeskPackageErrors(files)).toEqual([]);
    expect(dec(files.get('manifest.json')!).domainWhitelist).toEqual(['baton.acme.test']);
    const app = new TextDecoder().decode(files.get('assets/app.js')!);
    expect(app).toContain('iframe.handshake'); // the ZAF SDK itself, bundled
    expect(app).toContain('{{setting.token}}');
    expect(app).not.toMatch(/\binnerHTML\b/);
    const png = files.get('assets/logo.png')!;
    expect(Buffer.from(png.subarray(16, 24)).readUInt32BE(0)).toBe(320);
    expect(Buffer.from(files.get('assets/logo-small.png')!.subarray(16, 24)).readUInt32BE(0)).toBe(128);
  });

  it('refuses a domain that is not a host name', async () => {
    await expect(packageZendesk({ out: path.join(os.tmpdir(), 'never.zip'), domain: 'https://x/' })).rejects.toThrow(/--domain/);
  });
});
