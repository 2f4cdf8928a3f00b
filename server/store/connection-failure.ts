/**
 * Whether an error means the database connection failed, rather than the statement: the server
 * stays up and the request can be retried once the database is back. node-postgres reports these
 * as SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down or starting),
 * 53300 (too many connections), a socket error code, or its own "Connection terminated" errors, which
 * carry no code.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

export function isConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code.startsWith('08') || SERVER_CODES.has(code) || SOCKET_CODES.has(code);
  return /^Connection terminated\b|^timeout exceeded when trying to connect$|is not queryable$/.test(err.message);
}
