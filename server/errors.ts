/**
 * Typed errors, each mapping to one HTTP status (STYLE.md habit 6). Domain code throws these; the
 * HTTP layer turns them into `{ error: { code, message, field? } }`.
 */
export class BatonError extends Error {
  /** Seconds the caller should wait before trying again (sent as Retry-After), on errors a retry cures. */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that does not match the contract: 422, naming the field. */
export class ValidationError extends BatonError {
  constructor(message: string, field?: string) {
    super(message, 422, 'invalid_input', field);
  }
}

export class BadRequestError extends BatonError {
  constructor(message: string, field?: string) {
    super(message, 400, 'bad_request', field);
  }
}

export class UnauthorizedError extends BatonError {
  constructor(message = 'missing or invalid API key') {
    super(message, 401, 'unauthorized');
  }
}

/** Also used for another tenant's resources: they do not exist for the caller. */
export class NotFoundError extends BatonError {
  constructor(message = 'not found') {
    super(message, 404, 'not_found');
  }
}

export class ConflictError extends BatonError {
  constructor(message: string, field?: string) {
    super(message, 409, 'conflict', field);
  }
}

export class RateLimitedError extends BatonError {
  constructor(override readonly retryAfterSeconds: number) {
    super(`rate limit exceeded; retry after ${retryAfterSeconds}s`, 429, 'rate_limited');
  }
}

/**
 * The database could not be reached or dropped the connection mid-statement (a restart, a network
 * cut). The statement's transaction did not commit, or if it did, the same request again is
 * recognised (a handoff's id is its idempotency key), so the caller is told to retry.
 */
export class DatabaseUnavailableError extends BatonError {
  override readonly retryAfterSeconds = 2;
  constructor() {
    super('the database is unavailable; retry shortly (a handoff sent again with the same id is recorded once)', 503, 'database_unavailable');
  }
}

/** An outside service failed; the caller may retry later. */
export class UpstreamError extends BatonError {
  constructor(message: string, readonly retriable = true) {
    super(message, 502, 'upstream_error');
  }
}

/** Configuration that cannot start the server; names the environment variable. */
export class ConfigError extends Error {
  constructor(message: string, readonly variable: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
