import { Readable } from 'node:stream';
import { run } from '../../server/cli/main';

/** Runs one `baton` command in-process on DATA_DIR (embedded database), with `stdin` as standard input. */
export async function baton(dataDir: string, args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    const code = await run(args, { stdin: Readable.from([stdin]), stdout: (t) => void (out += t), stderr: (t) => void (err += t), now: () => new Date() });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
