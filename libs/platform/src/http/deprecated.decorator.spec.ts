import { deprecationHeaders } from './deprecated.decorator';

describe('deprecationHeaders', () => {
  it('formats Deprecation as an RFC 9745 date and Sunset as an HTTP date', () => {
    expect(deprecationHeaders({ since: '2026-01-01T00:00:00Z', sunset: '2026-07-01T00:00:00Z', successor: '/api/v2/things' })).toEqual({
      Deprecation: '@1767225600',
      Sunset: 'Wed, 01 Jul 2026 00:00:00 GMT',
      Link: '</api/v2/things>; rel="successor-version"',
    });
  });

  it('omits Link without a successor', () => {
    expect(deprecationHeaders({ since: '2026-01-01', sunset: '2026-07-01' })).not.toHaveProperty('Link');
  });

  it('refuses dates it cannot parse, at declaration time', () => {
    expect(() => deprecationHeaders({ since: 'soon', sunset: '2026-07-01' })).toThrow(/Invalid deprecation dates/);
  });
});
