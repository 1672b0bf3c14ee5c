import { newApiKey, parseApiKey } from './api-key-format';

describe('API key format', () => {
  const tenantId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11';
  const keyId = '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a12';

  it('carries tenant, key id and secret, behind slr_', () => {
    const { key, secret, prefix } = newApiKey(tenantId, keyId);
    expect(key).toMatch(/^slr_[A-Za-z0-9_-]{86}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(parseApiKey(key)).toEqual({ tenantId, keyId, secret });
  });

  it('gives different keys different prefixes', () => {
    expect(newApiKey(tenantId, keyId).prefix).not.toBe(newApiKey(tenantId, keyId).prefix);
  });

  it.each(['slr_', 'slr_short', `xyz_${'a'.repeat(86)}`, `slr_${'!'.repeat(86)}`])('rejects %j', (key) => {
    expect(parseApiKey(key)).toBeNull();
  });
});
