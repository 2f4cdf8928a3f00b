import { storedZendeskSettingsSchema, zendeskSettingsSchema } from '../../../integrations/zendesk/settings';
import { parseOrThrow } from '../../../server/validation';
import { refusal } from '../../helpers/outside-http';

/** Settings checked as the admin API checks them: the first bad field, named under `settings`. */
const check = (settings: Record<string, unknown>) => refusal(() => parseOrThrow(zendeskSettingsSchema, settings, 'settings', 'settings'));

describe('Zendesk settings: group_ids', () => {
  it('maps queue names, as the policy names them, to group ids', () => {
    const settings = zendeskSettingsSchema.parse({ subdomain: 'acme', group_ids: { shipping: '20055', trust_safety: '1', 'q-2': '3', [`q${'9'.repeat(99)}`]: '4' } });
    expect(Object.keys(settings.group_ids)).toEqual(['shipping', 'trust_safety', 'q-2', `q${'9'.repeat(99)}`]);
  });

  it.each([
    ['capitals', 'Shipping'],
    ['a leading space', ' shipping'],
    ['a zero-width space (U+200B)', 'ship\u200bping'],
    ['a leading hyphen', '-shipping'],
    ['a letter outside a-z', 'facturación'],
  ])('refuses a key that is no queue name (%s), naming settings.group_ids.<key>', (_name, key) => {
    const err = check({ subdomain: 'acme', group_ids: { shipping: '20055', [key]: '20056' } });
    expect([err.status, err.field]).toEqual([422, `settings.group_ids.${key}`]);
    expect(err.message).toBe(
      `settings.group_ids.${key}: key must be a queue name: 1 to 100 lower-case letters (a-z), digits, _ or -, starting with a letter or digit, as the policy names queues`,
    );
  });

  it.each([
    ['an empty key', '', 'an empty key'],
    ['101 characters', `q${'9'.repeat(100)}`, 'a key of 101 characters'],
    ['a NUL', 'ship\u0000ping', 'a key of 9 characters with control characters'],
    ['a newline', 'shipping\n', 'a key of 9 characters with control characters'],
    ['100 kB', 'x'.repeat(100_000), 'a key of 100000 characters'],
  ])('refuses a key that cannot be read back (%s), naming settings.group_ids without echoing the key', (_name, key, described) => {
    const err = check({ subdomain: 'acme', group_ids: { [key]: '20056' } });
    expect([err.status, err.field]).toEqual([422, 'settings.group_ids']);
    expect(err.message).toMatch(new RegExp(`^settings\\.group_ids: ${described} must be a queue name: 1 to 100 lower-case letters`));
    expect(err.message.length).toBeLessThan(300);
  });

  it('still refuses a group id that is not one, naming its queue', () => {
    expect(check({ subdomain: 'acme', group_ids: { shipping: 'sales team' } }).field).toBe('settings.group_ids.shipping');
  });

  it('reads stored settings whose keys were taken before they had to be queue names', () => {
    const stored = { subdomain: 'acme', group_ids: { Shipping: '20055', shipping: '20056' } };
    expect(storedZendeskSettingsSchema.parse(stored).group_ids).toEqual({ Shipping: '20055', shipping: '20056' });
    expect(zendeskSettingsSchema.safeParse(stored).success).toBe(false);
  });
});
