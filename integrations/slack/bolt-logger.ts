import { LogLevel, type Logger } from '@slack/bolt';
import type pino from 'pino';

/** Bolt and the Web API client log through our pino logger, so their lines carry our fields and redaction. */
export function boltLogger(logger: pino.Logger): Logger {
  let level = LogLevel.INFO;
  const child = logger.child({ component: 'slack' });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
