import { checkEmbedGrant, embedQuery, readEmbedQuery, signEmbedGrant } from '../../server/http/embed-link';

const secret = 'tenant-secret-0123456789';
const now = new Date('2026-11-30T10:00:00Z');
const grant = { tenant: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', provider: 'gorgias', ticket: '1234', expires: now.getTime() / 1000 + 900 };

function roundTrip(query: string) {
  const claimed = readEmbedQuery(Object.fromEntries(new URLSearchParams(query)));
  if (!claimed) return 'malformed';
  const check = checkEmbedGrant(secret, claimed.grant, claimed.sig, now);
  return check.ok ? check.grant : check.reason;
}

describe('signed embed links', () => {
  const sig = signEmbedGrant(secret, grant);

  it('a link Baton signed grants its ticket until it expires', () => {
    expect(roundTrip(embedQuery(grant, sig))).toEqual(grant);
  });

  it('refuses a link for another ticket, tenant or expiry with the same signature', () => {
    expect(roundTrip(embedQuery({ ...grant, ticket: '1235' }, sig))).toBe('bad_signature');
    expect(roundTrip(embedQuery({ ...grant, tenant: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4c' }, sig))).toBe('bad_signature');
    expect(roundTrip(embedQuery({ ...grant, expires: grant.expires + 3600 }, sig))).toBe('bad_signature');
  });

  it('refuses an expired link', () => {
    const old = { ...grant, expires: now.getTime() / 1000 - 1 };
    expect(roundTrip(embedQuery(old, signEmbedGrant(secret, old)))).toBe('expired');
  });

  it('refuses a link signed with another secret', () => {
    expect(roundTrip(embedQuery(grant, signEmbedGrant('another-secret', grant)))).toBe('bad_signature');
  });

  it.each([
    ['no signature', { tenant: grant.tenant, provider: 'gorgias', ticket: '1', expires: '1' }],
    ['a tenant that is not a uuid', { tenant: "x' OR 1=1", provider: 'gorgias', ticket: '1', expires: '1', sig: sig }],
    ['a ticket with a newline', { tenant: grant.tenant, provider: 'gorgias', ticket: '1\n2', expires: '1', sig }],
  ])('reads %s as malformed', (_name, query) => {
    expect(readEmbedQuery(query)).toBeNull();
  });
});
