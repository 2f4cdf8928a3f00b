import path from 'node:path';
import type { Config } from './config';
import { ConfigError } from './errors';

/** Network and server-side codes that mean "cannot reach or log in to the database", not a bug. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '28P01', // invalid_password
  '28000', // invalid_authorization_specification (no pg_hba entry, unknown role)
  '3D000', // invalid_catalog_name: the database does not exist
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

/** File-system codes that mean the folder cannot be used as it is. */
const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'ENOENT', 'EISDIR', 'EEXIST']);

function isUnder(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns the start-up failures an operator causes and can fix (a port taken, a database that does not
 * answer, a folder that cannot be written) into a ConfigError naming the variable to change, which
 * `npm start` prints as one line. Anything else is a bug and keeps its stack.
 */
export function explainStartupError(err: unknown, config: Pick<Config, 'port' | 'host' | 'databaseUrl' | 'dataDir'>): unknown {
  if (err instanceof ConfigError) return err;
  const code = errorCode(err);
  if (code === undefined) {
    // node-postgres reports a connection dropped during start-up without a code.
    if (config.databaseUrl && err instanceof Error && /^Connection terminated/.test(err.message) && !/timeout/.test(err.message)) {
      return new ConfigError('DATABASE_URL: the database closed the connection during start-up; is it running?', 'DATABASE_URL');
    }
    // pg's connectionTimeoutMillis (database.ts): something answers at that address, but not Postgres.
    if (config.databaseUrl && err instanceof Error && /timeout exceeded when trying to connect|connection timeout/i.test(err.message)) {
      return new ConfigError('DATABASE_URL: the database did not answer in time; check that the URL points at Postgres and it is running', 'DATABASE_URL');
    }
    return err;
  }
  if (code === 'EADDRINUSE') {
    return new ConfigError(`PORT ${config.port} is already in use on ${config.host}; stop the other server or set PORT to a free port`, 'PORT');
  }
  if (code === 'EACCES' && (err as { syscall?: string }).syscall === 'listen') {
    return new ConfigError(`PORT ${config.port} needs privileges this process does not have; set PORT to 1024 or above`, 'PORT');
  }
  if (code === 'EADDRNOTAVAIL') {
    return new ConfigError(`HOST ${config.host} is not an address of this machine; set HOST (e.g. 127.0.0.1 or 0.0.0.0)`, 'HOST');
  }
  if (config.databaseUrl && UNREACHABLE.has(code)) {
    // The URL is a secret (it may hold a password): name the variable and the reason only.
    return new ConfigError(`DATABASE_URL: could not connect to the database (${code}); check that it is running and the URL is right`, 'DATABASE_URL');
  }
  // DATA_DIR holds the embedded database, the lock, the demo key and the secret key: a failure on a
  // file under it is the folder's, whatever the database.
  const file = (err as { path?: unknown }).path;
  const underDataDir = typeof file === 'string' && isUnder(path.resolve(file), path.resolve(config.dataDir));
  // One without a path (the embedded database's own) is the folder's only when that database is in
  // use, and a missing file without a path could be anything.
  const embeddedFolder = !config.databaseUrl && typeof file !== 'string' && code !== 'ENOENT';
  if (FOLDER_CODES.has(code) && (underDataDir || embeddedFolder)) {
    return new ConfigError(`DATA_DIR must be a writable folder, got '${config.dataDir}' (${code})`, 'DATA_DIR');
  }
  return err;
}
