import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', 'fixtures');

/** A vendor fixture's exact bytes (what gets signed and sent). */
export function fixtureBytes(vendor: string, name: string): Buffer {
  return fs.readFileSync(path.join(ROOT, vendor, `${name}.json`));
}

/** A vendor fixture parsed; `overrides` are merged on top for made-up cases. */
export function fixture<T = Record<string, unknown>>(vendor: string, name: string): T {
  return JSON.parse(fixtureBytes(vendor, name).toString('utf8')) as T;
}
