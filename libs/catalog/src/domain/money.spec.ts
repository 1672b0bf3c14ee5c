import { CatalogValueError, currencyExponent, toMinorUnits } from './money';

describe('money', () => {
  it('converts major units to minor units by the currency’s exponent', () => {
    expect(toMinorUnits('1299.5', 'EUR')).toBe(129950);
    expect(toMinorUnits('1,299.50', 'USD')).toBe(129950);
    expect(toMinorUnits('1 299,50', 'EUR')).toBe(129950);
    expect(toMinorUnits('4500', 'RUB')).toBe(450000);
    expect(toMinorUnits('1200', 'JPY')).toBe(1200);
    expect(toMinorUnits('1.5', 'KWD')).toBe(1500);
    expect(toMinorUnits('0.07', 'USD')).toBe(7);
  });

  it('reads "1,299" as thousands and "12,5" as a decimal comma', () => {
    expect(toMinorUnits('1,299', 'USD')).toBe(129900);
    expect(toMinorUnits('12,5', 'EUR')).toBe(1250);
  });

  it('refuses negatives, junk, too many decimals and unknown currencies', () => {
    expect(() => toMinorUnits('-5', 'EUR')).toThrow(CatalogValueError);
    expect(() => toMinorUnits('ten', 'EUR')).toThrow(/not a non-negative amount/);
    expect(() => toMinorUnits('1.234', 'EUR')).toThrow(/more decimals than EUR allows \(2\)/);
    expect(() => toMinorUnits('1.5', 'JPY')).toThrow(/more decimals/);
    expect(() => currencyExponent('EURO')).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(() => currencyExponent('eur')).toThrow(CatalogValueError);
  });
});
