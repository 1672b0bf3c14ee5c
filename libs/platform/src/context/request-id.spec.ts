import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a well-formed client id', () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(requestIdFrom(['first-id', 'second'])).toBe('first-id');
  });

  it.each([undefined, '', 'has space', 'x'.repeat(129), 'new\nline', '<script>'])('replaces %j with a UUID', (header) => {
    expect(requestIdFrom(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
