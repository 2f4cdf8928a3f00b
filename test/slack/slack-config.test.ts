import { loadConfig } from '../../server/config';
import { ConfigError } from '../../server/errors';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('Slack configuration', () => {
  it('is off without a signing secret, and on in one of two modes with one', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }).slack).toMatchObject({ botToken: 'xoxb-1-2-abc', tenantName: 'demo' });
    const oauth = loadConfig({ SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 'x'.repeat(16), SLACK_TENANT: 'acme' });
    expect(oauth.slack).toMatchObject({ clientId: '1.2', tenantName: 'acme' });
  });

  it('names the variable to set when a mode is half set, and never echoes a secret', () => {
    expect(failure({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }).variable).toBe('SLACK_SIGNING_SECRET');
    expect(failure({ SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_CLIENT_ID: '1.2' }).variable).toBe('SLACK_CLIENT_SECRET');
    const bad = failure({ SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_BOT_TOKEN: 'xoxp-user-token-secret' });
    expect(bad.variable).toBe('SLACK_BOT_TOKEN');
    expect(bad.message).not.toContain('xoxp-user-token-secret');
  });
});
