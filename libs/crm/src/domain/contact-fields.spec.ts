import { ContactFieldError, normaliseEmail, normalisePhone, validateAttributes } from './contact-fields';

describe('contact fields', () => {
  it('lower-cases and trims emails', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it('normalises phone numbers to E.164', () => {
    expect(normalisePhone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('0812345678', 'TH')).toBe('+66812345678');
  });

  it('refuses what is not a phone number', () => {
    expect(() => normalisePhone('12')).toThrow(ContactFieldError);
    expect(() => normalisePhone('not a phone')).toThrow(/valid phone number/);
    expect(() => normalisePhone('4155552671')).toThrow(ContactFieldError);
  });

  it('accepts a flat object of scalars up to 50 keys', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i % 2 ? 'v' : i]));
    expect(validateAttributes(fifty)).toEqual(fifty);
    expect(validateAttributes({ vip: true, note: null, budget: 1200.5 })).toEqual({ vip: true, note: null, budget: 1200.5 });
  });

  it('refuses more than 50 keys, nested values and non-objects', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(() => validateAttributes(many)).toThrow(/at most 50 keys/);
    expect(() => validateAttributes({ nested: { a: 1 } })).toThrow(expect.objectContaining({ field: 'attributes.nested' }));
    expect(() => validateAttributes({ list: [1] })).toThrow(ContactFieldError);
    expect(() => validateAttributes([])).toThrow(/JSON object/);
    expect(() => validateAttributes('x')).toThrow(/JSON object/);
    expect(() => validateAttributes({ n: Number.NaN })).toThrow(ContactFieldError);
  });
});
