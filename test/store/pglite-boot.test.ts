import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/store/database';
import { initialiseApart } from '../../server/store/pglite-boot';

/**
 * The embedded database's first start builds its folder apart and gives it its real name only when
 * initdb has finished, so a start stopped half-way leaves nothing that looks like a database.
 */
describe('initialising the embedded database folder', () => {
  const made: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-initdb-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces what a start stopped half-way left, and the folder opens', async () => {
    const dataDir = path.join(tempDir(), 'pglite');
    // A half-written folder at the real name (no PG_VERSION) and a stale temporary one from a dead start.
    fs.mkdirSync(path.join(dataDir, 'global'), { recursive: true });
    fs.mkdirSync(`${dataDir}.initdb-999999/base`, { recursive: true });
    initialiseApart(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
    const db = await openDatabase({ dataDir });
    try {
      const { rows } = await db.query<{ one: number }>('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('leaves a folder holding files that are not a database alone, and says so', () => {
    const dataDir = path.join(tempDir(), 'pglite');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    expect(() => initialiseApart(dataDir)).toThrow(/holds files that are not a database \(notes\.txt\)/);
    expect(fs.readFileSync(path.join(dataDir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
  }, 60_000);
});
