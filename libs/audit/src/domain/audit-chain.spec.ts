import { canonicalJson, chainHash, firstBrokenLink, GENESIS_HASH } from './audit-chain';

const entry = (id: string, after: Record<string, unknown>) => ({
  id,
  tenantId: 't',
  occurredAt: new Date('2026-11-24T10:00:00.123Z'),
  actorType: 'user',
  actorId: 'u',
  action: 'lead.updated',
  entityType: 'lead',
  entityId: 'l',
  before: null,
  after,
  ip: '127.0.0.1',
  userAgent: 'jest',
  requestId: 'r',
});

function chain(...entries: ReturnType<typeof entry>[]) {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const hash = chainHash(prev, e);
    const linked = { ...e, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

describe('audit hash chain', () => {
  it('serialises objects canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(chainHash(GENESIS_HASH, entry('1', { x: 1, y: 2 }))).toBe(chainHash(GENESIS_HASH, entry('1', { y: 2, x: 1 })));
  });

  it('verifies an intact chain', () => {
    expect(firstBrokenLink(chain(entry('1', { n: 1 }), entry('2', { n: 2 }), entry('3', { n: 3 })))).toBeUndefined();
  });

  it('finds an edited entry', () => {
    const entries = chain(entry('1', { n: 1 }), entry('2', { n: 2 }), entry('3', { n: 3 }));
    entries[1].after = { n: 999 };
    expect(firstBrokenLink(entries)).toBe('2');
  });

  it('finds a deleted entry (the next link no longer matches)', () => {
    const entries = chain(entry('1', { n: 1 }), entry('2', { n: 2 }), entry('3', { n: 3 }));
    expect(firstBrokenLink([entries[0], entries[2]])).toBe('3');
  });
});
