import type { IncomingMessage, ServerResponse } from 'node:http';

/** Why an OAuth redirect failed, by the error code @slack/oauth and the Web API client give it. */
const CALLER_MISTAKES = new Set([
  'slack_oauth_missing_state',
  'slack_oauth_invalid_state',
  'slack_oauth_missing_code',
  // Slack refused the code (invalid_code, code_already_used, bad_redirect_uri): a forged or replayed redirect.
  'slack_webapi_platform_error',
]);
const SLACK_UNREACHABLE = new Set(['slack_webapi_request_error', 'slack_webapi_http_error', 'slack_webapi_rate_limited_error']);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The status an OAuth redirect's failure deserves: the caller's mistake is 4xx, only ours is 500. */
export function oauthFailureStatus(error: { code?: string }, req: IncomingMessage): number {
  const code = error.code ?? '';
  if (CALLER_MISTAKES.has(code)) return 400;
  // The admin pressed Cancel in Slack (`?error=access_denied`), or Slack sent another error back.
  if (code === 'slack_oauth_installer_authorization_error' && new URL(req.url ?? '/', 'http://x').searchParams.has('error')) return 400;
  if (SLACK_UNREACHABLE.has(code)) return 502;
  return 500;
}

/**
 * `/slack/oauth_redirect` when the install does not complete: a page for the admin's browser (the
 * redirect is a browser's), with the status the cause deserves. @slack/oauth's own page answers 500
 * for a cancelled install or a code Slack refused, which anyone can send.
 */
export function oauthFailure(error: { code?: string }, _options: unknown, req: IncomingMessage, res: ServerResponse): void {
  const status = oauthFailureStatus(error, req);
  const reason = status === 500 ? 'internal error' : (error.code ?? 'unknown');
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(
    `<!doctype html><html><head><title>Slack install did not complete</title></head><body><h2>The Slack install did not complete</h2>` +
      `<p>Start again at <a href="/slack/install">/slack/install</a> (reason: ${escapeHtml(reason)}).</p></body></html>`,
  );
}
