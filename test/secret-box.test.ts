import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSecretBox, loadSecretKey, parseSecretKey } from '../server/secret-box';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(Buffer.alloc(32, 7));

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.seal('xoxb-1234-secret', 'slack:T1');
    expect(sealed).not.toContain('xoxb');
    expect(box.open(sealed, 'slack:T1')).toBe('xoxb-1234-secret');
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('refuses a ciphertext moved to another row, tampered with, or under another key', () => {
    const sealed = box.seal('token', 'slack:T1');
    expect(() => box.open(sealed, 'slack:T2')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`, 'slack:T1')).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8)).open(sealed, 'slack:T1')).toThrow();
  });

  it('reads BATON_SECRET_KEY as hex or base64 and names the variable when wrong', () => {
    expect(parseSecretKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
    expect(() => parseSecretKey('short')).toThrow(/BATON_SECRET_KEY/);
  });

  it('generates a key once into DATA_DIR (mode 0600) and reads the same one back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-key-'));
    const first = loadSecretKey({ dataDir: dir });
    expect(loadSecretKey({ dataDir: dir }).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
