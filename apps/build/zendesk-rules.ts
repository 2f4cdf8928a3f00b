/**
 * Zendesk's own checks on an app package, as its app builder (github:zendesk/zendesk_apps_support,
 * validations/manifest.rb, translations.rb, secure_settings.rb) and the apps docs state them, for a
 * public ZAF v2 app. We check offline what `zcli apps:validate` would check online (it needs an account).
 * Input: the package's files by relative path.
 */

export type PackageFiles = Map<string, Uint8Array>;

const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden'];
const SCOPES = ['header', 'body', 'url'];
const SERVED_FRAMEWORK_VERSIONS = ['2.0'];
const VALID_LOCALE = /^[a-z]{2}(-\w{2,3})?$/;
const SUPPORT_LOCATIONS = [
  'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar',
  'background', 'modal', 'ticket_editor',
];
const PUBLIC_APP_KEYS = ['name', 'short_description', 'long_description', 'installation_instructions'];
const APP_NAME_MAX = 40;

interface Parameter {
  name?: unknown;
  type?: unknown;
  required?: unknown;
  secure?: unknown;
  scopes?: unknown;
  default?: unknown;
}

function json(files: PackageFiles, path: string, errors: string[]): Record<string, unknown> | null {
  const bytes = files.get(path);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    errors.push(`${path}: not a JSON object`);
  } catch (err) {
    errors.push(`${path}: not JSON (${(err as Error).message})`);
  }
  return null;
}

function checkParameters(manifest: Record<string, unknown>, errors: string[]): Parameter[] {
  const raw = manifest.parameters ?? [];
  if (!Array.isArray(raw)) {
    errors.push('manifest.parameters: must be an array');
    return [];
  }
  const params = raw as Parameter[];
  const names = params.map((p) => p.name);
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) errors.push(`manifest.parameters: duplicate parameter ${String(name)}`);
  for (const p of params) {
    const name = String(p.name);
    if (typeof p.name !== 'string' || p.name === '') errors.push('manifest.parameters: every parameter needs a name');
    if (p.name === 'name') errors.push('manifest.parameters: a parameter may not be called "name"');
    const type = p.type ?? 'text';
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) errors.push(`manifest.parameters.${name}.type: ${String(type)} is not one of ${PARAMETER_TYPES.join(', ')}`);
    for (const flag of ['required', 'secure'] as const) {
      if (p[flag] !== undefined && typeof p[flag] !== 'boolean') errors.push(`manifest.parameters.${name}.${flag}: must be true or false`);
    }
    if (type === 'hidden' && p.required === true) errors.push(`manifest.parameters.${name}: a hidden parameter cannot be required`);
    if ('default' in p && (p.secure === true || type === 'hidden')) errors.push(`manifest.parameters.${name}: a secure or hidden parameter may not have a default`);
    if (p.scopes !== undefined) {
      if (p.secure !== true) errors.push(`manifest.parameters.${name}.scopes: scopes are only for secure parameters`);
      if (!Array.isArray(p.scopes) || p.scopes.length === 0 || !p.scopes.every((s) => typeof s === 'string' && SCOPES.includes(s))) {
        errors.push(`manifest.parameters.${name}.scopes: a non-empty list of ${SCOPES.join(', ')}`);
      }
    } else if (p.secure === true) {
      errors.push(`manifest.parameters.${name}: a secure parameter should name its scopes (where Zendesk may insert it)`);
    }
    if (p.secure !== true && /token|key|pwd|password/i.test(name) && (type === 'text' || type === 'password')) {
      errors.push(`manifest.parameters.${name}: looks like a secret but is not secure`);
    }
  }
  return params;
}

function checkLocations(manifest: Record<string, unknown>, files: PackageFiles, errors: string[]): void {
  const location = manifest.location;
  if (typeof location !== 'object' || location === null || Object.keys(location).length === 0) {
    errors.push('manifest: missing location');
    return;
  }
  for (const [host, places] of Object.entries(location as Record<string, unknown>)) {
    if (host !== 'support') {
      errors.push(`manifest.location: ${host} is not a host this app is checked for`);
      continue;
    }
    for (const [place, options] of Object.entries(places as Record<string, unknown>)) {
      if (!SUPPORT_LOCATIONS.includes(place)) errors.push(`manifest.location.support: unknown location ${place}`);
      const url = typeof options === 'string' ? options : (options as { url?: unknown }).url;
      if (typeof url !== 'string' || url === '') {
        errors.push(`manifest.location.support.${place}: a v2 app location needs a url`);
        continue;
      }
      if (/^[a-z]+:\/\//i.test(url)) {
        if (!/^https:\/\//i.test(url) && !/^http:\/\/localhost[:/]/i.test(url)) errors.push(`manifest.location.support.${place}: ${url} must be https`);
      } else if (!url.startsWith('assets/') || !files.has(url.split(/[?#]/)[0]!)) {
        errors.push(`manifest.location.support.${place}: ${url} is not a file under assets/ in the package`);
      }
      const flexible = typeof options === 'object' && options !== null ? (options as { flexible?: unknown }).flexible : undefined;
      if (flexible !== undefined && typeof flexible !== 'boolean') errors.push(`manifest.location.support.${place}.flexible: must be true or false`);
    }
  }
}

function checkTranslations(files: PackageFiles, defaultLocale: unknown, params: Parameter[], isPrivate: boolean, errors: string[]): void {
  for (const path of files.keys()) {
    const match = /^translations\/(.*)\.json$/.exec(path);
    if (match && !VALID_LOCALE.test(match[1]!)) errors.push(`${path}: ${match[1]} is not a locale (like en or pt-br)`);
  }
  if (typeof defaultLocale === 'string' && !files.has(`translations/${defaultLocale}.json`)) {
    errors.push(`translations/${defaultLocale}.json: the default locale needs its translation file`);
  }
  const en = json(files, 'translations/en.json', errors);
  if (!en) {
    errors.push('translations/en.json: missing');
    return;
  }
  const app = en.app as Record<string, unknown> | undefined;
  if (typeof app !== 'object' || app === null) {
    errors.push('translations/en.json: missing the "app" object');
    return;
  }
  const required = isPrivate ? ['name'] : PUBLIC_APP_KEYS;
  for (const key of required) {
    // The builder accepts the older `description` in place of `short_description`.
    const value = key === 'short_description' ? (app.short_description ?? app.description) : app[key];
    if (typeof value !== 'string' || value.trim() === '') errors.push(`translations/en.json: app.${key} is required`);
  }
  if (typeof app.name === 'string' && app.name.length > APP_NAME_MAX) errors.push(`translations/en.json: app.name is ${app.name.length} characters, at most ${APP_NAME_MAX}`);
  const labels = (app.parameters ?? {}) as Record<string, { label?: unknown }>;
  for (const p of params) {
    if (p.type === 'hidden') continue;
    const label = labels[String(p.name)]?.label;
    if (typeof label !== 'string' || label.trim() === '') errors.push(`translations/en.json: app.parameters.${String(p.name)}.label is required`);
  }
}

/** Every rule the package breaks (empty when Zendesk would accept it). */
export function zendeskPackageErrors(files: PackageFiles): string[] {
  const errors: string[] = [];
  const manifest = json(files, 'manifest.json', errors);
  if (!manifest) return files.has('manifest.json') ? errors : ['manifest.json: missing at the package root'];
  for (const key of ['author', 'defaultLocale', 'location', 'frameworkVersion']) {
    if (manifest[key] === undefined) errors.push(`manifest: missing ${key}`);
  }
  const author = manifest.author as Record<string, unknown> | undefined;
  if (author) {
    for (const field of ['name', 'email']) if (typeof author[field] !== 'string' || author[field] === '') errors.push(`manifest.author.${field}: required`);
    if (author.url !== undefined && !(typeof author.url === 'string' && /^https?:\/\//.test(author.url))) errors.push('manifest.author.url: must be an http(s) URL');
  }
  if (typeof manifest.defaultLocale === 'string' && !VALID_LOCALE.test(manifest.defaultLocale)) errors.push(`manifest.defaultLocale: ${manifest.defaultLocale} is not a locale`);
  if (manifest.frameworkVersion !== undefined && !SERVED_FRAMEWORK_VERSIONS.includes(String(manifest.frameworkVersion))) {
    errors.push(`manifest.frameworkVersion: ${String(manifest.frameworkVersion)} is not served (${SERVED_FRAMEWORK_VERSIONS.join(', ')})`);
  }
  const whitelist = manifest.domainWhitelist;
  if (whitelist !== undefined && !(Array.isArray(whitelist) && whitelist.every((d) => typeof d === 'string'))) errors.push('manifest.domainWhitelist: must be a list of domains');
  for (const flag of ['private', 'singleInstall', 'signedUrls']) {
    if (manifest[flag] !== undefined && typeof manifest[flag] !== 'boolean') errors.push(`manifest.${flag}: must be true or false`);
  }
  const params = checkParameters(manifest, errors);
  checkLocations(manifest, files, errors);
  checkTranslations(files, manifest.defaultLocale, params, manifest.private === true, errors);
  for (const logo of ['assets/logo.png', 'assets/logo-small.png']) if (!files.has(logo)) errors.push(`${logo}: required`);
  return errors;
}
