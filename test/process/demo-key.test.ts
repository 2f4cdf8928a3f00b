import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAll, startServer } from './server-process';

// Two real starts of the server (PGlite and tsx warm-up), on a machine that may be busy.
const START_TIMEOUT = 180_000;
jest.setTimeout(3 * START_TIMEOUT);

describe('the demo API key', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-demo-key-'));
  });
  afterAll(() => {
    killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is printed once when it is minted, never logged, and only pointed at afterwards', async () => {
    // LOG_LEVEL=trace: not even the most talkative log may hold it.
    const first = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' }, START_TIMEOUT);
    const key = fs.readFileSync(path.join(dataDir, 'demo-api-key'), 'utf8').trim();
    expect(key).toMatch(/^bt_/);
    expect(first.output()).toContain(`Demo API key: ${key}`);
    expect(first.output().split(key).length - 1).toBe(1);
    expect(first.output()).toContain(`cat ${path.relative(path.resolve(__dirname, '..', '..'), path.join(dataDir, 'demo-api-key'))}`);
    expect(await first.terminate()).toBe(0);

    const second = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' }, START_TIMEOUT);
    expect(second.output()).not.toContain(key);
    expect(second.output()).toMatch(/its API key is kept in \S+demo-api-key/);
    // The key kept in the file still works: the pointer is true.
    const res = await fetch(`${second.url}/v1/briefs?provider=zendesk&ticket=1`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(404);
    expect(await second.terminate()).toBe(0);
    expect(second.output()).not.toContain(key);
  });
});
