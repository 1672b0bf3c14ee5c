import { formatRefreshToken, hashSecret, newRefreshSecret, parseRefreshToken, secretMatches } from './refresh-token-codec';

describe('refresh token codec', () => {
  const tenantId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11';
  const tokenId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a12';

  it('round-trips tenant, row and secret', () => {
    const secret = newRefreshSecret();
    expect(parseRefreshToken(formatRefreshToken({ tenantId, tokenId, secret }))).toEqual({ tenantId, tokenId, secret });
  });

  it.each(['', 'rt.x.y.z', `rt.${tenantId}.${tokenId}.short`, `xx.${tenantId}.${tokenId}.${'a'.repeat(43)}`])('rejects %j', (value) => {
    expect(parseRefreshToken(value)).toBeNull();
  });

  it('matches only the right secret', () => {
    const secret = newRefreshSecret();
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(newRefreshSecret(), hashSecret(secret))).toBe(false);
  });
});
