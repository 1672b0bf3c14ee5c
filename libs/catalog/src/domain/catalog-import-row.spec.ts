import { CatalogHeaderError, parseModelRow, parsePriceRow, parseValidFrom, resolveCatalogHeader } from './catalog-import-row';
import { CatalogValueError } from './money';

describe('catalogue import rows', () => {
  const models = resolveCatalogHeader('models', ['Brand', 'Model', 'Aliases', 'Body type', 'year_from', 'Year-To']);
  const prices = resolveCatalogHeader('prices', ['category', 'bodyType', 'brand', 'model', 'option', 'price', 'currency', 'validFrom']);

  it('reads the header case-, space-, _- and --insensitively and refuses what it does not know', () => {
    expect(models).toEqual(['brand', 'model', 'aliases', 'bodytype', 'yearfrom', 'yearto']);
    expect(() => resolveCatalogHeader('models', ['brand', 'model', 'colour', 'bodytype'])).toThrow(/Unknown column "colour".*brand, model, aliases/);
    expect(() => resolveCatalogHeader('models', ['brand', 'model'])).toThrow(/needs the column bodytype/);
    expect(() => resolveCatalogHeader('models', ['brand', 'Brand', 'model', 'bodytype'])).toThrow(/brand appears twice/);
    expect(() => resolveCatalogHeader('prices', ['category', 'price', 'currency'])).toThrow(CatalogHeaderError);
    expect(() => resolveCatalogHeader('prices', ['category', 'model', 'price', 'currency'])).toThrow(/brand column/);
  });

  it('parses a model row, splitting and deduplicating aliases', () => {
    expect(parseModelRow(['Toyota', 'Land Cruiser', 'крузак; LC200 | крузак|Land cruiser', 'suv', '2008', '2021'], models)).toEqual({
      brand: 'Toyota',
      brandAliases: [],
      model: 'Land Cruiser',
      aliases: ['крузак', 'LC200'],
      bodyType: 'suv',
      yearFrom: 2008,
      yearTo: 2021,
    });
    expect(parseModelRow(['Kia', 'Rio', '', 'sedan', '', ''], models)).toMatchObject({ aliases: [], yearFrom: null, yearTo: null });
  });

  it('refuses bad model rows with the field named', () => {
    const bad = (values: string[]) => () => parseModelRow(values, models);
    expect(bad(['', 'Rio', '', 'sedan', '', ''])).toThrow(expect.objectContaining({ field: 'brand' }));
    expect(bad(['Kia', 'Rio', '', '', '', ''])).toThrow(expect.objectContaining({ field: 'bodyType' }));
    expect(bad(['Kia', 'Rio', '', 'sedan', '15', ''])).toThrow(expect.objectContaining({ field: 'yearFrom' }));
    expect(bad(['Kia', 'Rio', '', 'sedan', '2020', '2010'])).toThrow(/before yearFrom/);
    expect(bad(['Kia', 'x'.repeat(101), '', 'sedan', '', ''])).toThrow(CatalogValueError);
  });

  it('parses base, option and per-model price rows', () => {
    expect(parsePriceRow(['EVA mats', 'sedan', '', '', '', '4500', 'rub', '2026-01-01'], prices)).toEqual({
      kind: 'base',
      category: 'EVA mats',
      bodyType: 'sedan',
      amountMinor: 450000,
      currency: 'RUB',
      validFrom: new Date('2026-01-01T00:00:00Z'),
    });
    expect(parsePriceRow(['EVA mats', '', '', '', 'With rims', '500.50', 'RUB', ''], prices)).toEqual({ kind: 'option', category: 'EVA mats', option: 'With rims', amountMinor: 50050, currency: 'RUB', validFrom: null });
    expect(parsePriceRow(['EVA mats', '', 'Toyota', 'Camry', '', '5200', 'RUB', '2026-02-01T10:00:00+03:00'], prices)).toMatchObject({ kind: 'model', brand: 'Toyota', model: 'Camry', validFrom: new Date('2026-02-01T07:00:00Z') });
  });

  it('refuses bad price rows with the field named', () => {
    const bad = (values: string[]) => () => parsePriceRow(values, prices);
    expect(bad(['EVA mats', 'sedan', '', '', '', '45.999', 'RUB', ''])).toThrow(/more decimals/);
    expect(bad(['EVA mats', 'sedan', '', '', '', '4500', 'RUBLES', ''])).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(bad(['EVA mats', 'sedan', '', '', '', '', 'RUB', ''])).toThrow(expect.objectContaining({ field: 'price' }));
    expect(bad(['EVA mats', 'sedan', '', '', 'With rims', '1', 'RUB', ''])).toThrow(/exactly one of bodyType/);
    expect(bad(['EVA mats', '', '', '', '', '1', 'RUB', ''])).toThrow(/exactly one of bodyType/);
    expect(bad(['EVA mats', '', '', 'Camry', '', '1', 'RUB', ''])).toThrow(expect.objectContaining({ field: 'brand' }));
    expect(bad(['EVA mats', 'sedan', '', '', '', '1', 'RUB', '01.02.2026'])).toThrow(expect.objectContaining({ field: 'validFrom' }));
  });

  it('reads validFrom as a date (midnight UTC) or a zoned date-time', () => {
    expect(parseValidFrom('2026-01-01')).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(parseValidFrom('2026-01-01T12:30:00Z')).toEqual(new Date('2026-01-01T12:30:00Z'));
    expect(() => parseValidFrom('2026-01-01T12:30:00')).toThrow(CatalogValueError);
    expect(() => parseValidFrom('2026-13-45')).toThrow(CatalogValueError);
  });
});
