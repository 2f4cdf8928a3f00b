// Run by stray-rejection.test.ts in a process of its own: a promise rejected with nothing awaiting it,
// then proof of life. Logs go to stderr so the test can read them.
import pino from 'pino';
import { logStrayRejections } from '../../server/main';

logStrayRejections(pino({ level: 'error' }, pino.destination({ fd: 2, sync: true })));
void Promise.reject(new Error('a call nobody awaited'));
setTimeout(() => {
  process.stderr.write('still serving\n');
  process.exit(0);
}, 200);
