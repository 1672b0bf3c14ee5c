import { formatTenantToken, hashSecret, newSecret, parseTenantToken, secretMatches } from './tenant-token';

describe('tenant tokens', () => {
  const tenantId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11';
  const rowId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a12';

  it('round-trips tenant, row and secret', () => {
    const secret = newSecret();
    expect(parseTenantToken('rt', formatTenantToken('rt', { tenantId, rowId, secret }))).toEqual({ tenantId, rowId, secret });
  });

  it.each(['', 'rt.x.y.z', `rt.${tenantId}.${rowId}.short`, `inv.${tenantId}.${rowId}.${'a'.repeat(43)}`])('rejects %j as a refresh token', (value) => {
    expect(parseTenantToken('rt', value)).toBeNull();
  });

  it('matches only the right secret', () => {
    const secret = newSecret();
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(newSecret(), hashSecret(secret))).toBe(false);
  });
});
