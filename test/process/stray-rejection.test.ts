import { runToExit } from './run-to-exit';

describe('a promise that fails with nothing awaiting it', () => {
  it('is logged at error level and the process goes on', async () => {
    const { code, stderr } = await runToExit('test/process/stray-rejection.script.ts', {}, 30_000);
    expect(stderr).toContain('still serving');
    const logged = JSON.parse(stderr.split('\n').find((line) => line.startsWith('{'))!);
    expect(logged).toMatchObject({ level: 50, err: { message: 'a call nobody awaited' } });
    expect(code).toBe(0);
  });
});
