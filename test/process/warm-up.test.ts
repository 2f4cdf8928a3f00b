import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inThreadAssessor } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { warmUp, warmUpConversations } from '../../server/warm-up';
import { killAll, startServer, waitFor } from './server-process';

afterAll(killAll);

describe('the engine is warmed up before the server listens', () => {
  it('assesses a conversation in each language the rules read, each round', async () => {
    const writer = new OfflineBriefWriter();
    const languages = await Promise.all(warmUpConversations().map(async (c) => (await inThreadAssessor(writer).assess(c, { policy: DEFAULT_POLICY })).language));
    expect(languages).toEqual(['en', 'es', 'fr', 'de', 'pt', 'it', 'nl']);
    const done = await warmUp(inThreadAssessor(writer), 2);
    expect(done.assessed).toBe(14);
    expect(done.regexes).toBeGreaterThan(20);
  });

  it('npm start logs the warm-up before it says where it listens', async () => {
    const server = await startServer({ DEMO_TENANT: 'false', LOG_LEVEL: 'info', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'baton-warm-up-')) });
    // The log may reach the pipe after the plain line startServer waits for.
    const out = await waitFor('the listening log record', async () => (server.output().includes('"msg":"listening"') ? server.output() : undefined));
    // Both are log records of the one logger, written in order (the "Baton listening" line is not).
    expect(out).toMatch(/"msg":"engine warmed up"/);
    expect(out).toMatch(/"msg":"listening"/);
    expect(out.indexOf('"msg":"engine warmed up"')).toBeLessThan(out.indexOf('"msg":"listening"'));
    expect(await server.terminate()).toBe(0);
  }, 90_000);
});
