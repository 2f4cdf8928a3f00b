/**
 * Text that reaches Slack. Slack parses `<…>` in mrkdwn as links and mentions (`<!channel>`,
 * `<@U123>`, `<https://evil|your bank>`), and `&` starts an entity; escaping those three characters is
 * what Slack documents for text that must stay text. Customer text always goes through `escapeText`.
 */

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts text to at most `max` characters (code units), ending with an ellipsis when cut. Never leaves
 * half an escape (`&am…`) or half a surrogate pair at the cut, which Slack would show as garbage.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  // Do not leave a partial entity such as `&am` behind.
  const amp = head.lastIndexOf('&');
  if (amp !== -1 && !head.slice(amp).includes(';') && head.length - amp <= 5) head = head.slice(0, amp);
  return `${head}…`;
}

/** Escaped and cut: the one call for customer text inside a mrkdwn field with a limit. */
export function safeText(text: string, max: number): string {
  return truncate(escapeText(text), max);
}

/**
 * A link Slack renders as `label`. Only http(s) URLs become links; the label is escaped and `|`
 * removed, so a label cannot close the link early or smuggle its own.
 */
export function link(url: string | undefined, label: string): string {
  const safeLabel = escapeText(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel;
  return `<${url.replace(/&/g, '&amp;')}|${safeLabel}>`;
}

/**
 * Slack's date formatting: shown in each reader's own time zone, with a plain fallback for clients
 * that cannot format it.
 */
export function slackDate(at: Date, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^${format}|${at.toISOString().replace(/\.\d{3}Z$/, 'Z')}>`;
}
