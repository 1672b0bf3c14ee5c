import { formatAmount, modelName, quoteTextValues } from './quote-answer';

const model = (name: string, yearFrom: number | null = null, yearTo: number | null = null) => ({ brand: { name: 'Toyota' }, name, yearFrom, yearTo });
const NBSP = '\u00a0';

describe('the values of a quote answer', () => {
  it('formats an amount in the locale with as many decimals as the currency has minor units', () => {
    expect(formatAmount(450000, 'THB', 'en')).toBe('4,500.00 THB');
    expect(formatAmount(450000, 'THB', 'ru-RU')).toBe(`4${NBSP}500,00 THB`);
    expect(formatAmount(450000, 'EUR', 'de')).toBe('4.500,00 EUR');
    expect(formatAmount(4500, 'JPY', 'en-US')).toBe('4,500 JPY');
    expect(formatAmount(1234567, 'KWD', 'en')).toBe('1,234.567 KWD');
    expect(formatAmount(5, 'EUR', 'th')).toBe('0.05 EUR');
  });

  it('falls back to English digits for a locale Intl does not know', () => {
    expect(formatAmount(450000, 'THB', 'x-unknown-locale-tag')).toBe('4,500.00 THB');
  });

  it('names a model with the years it covers', () => {
    expect(modelName(model('Camry', 2019, 2019))).toBe('Toyota Camry (2019)');
    expect(modelName(model('Camry', 2011, 2017))).toBe('Toyota Camry (2011–2017)');
    expect(modelName(model('Camry', 2018))).toBe('Toyota Camry (2018–)');
    expect(modelName(model('Camry', null, 2010))).toBe('Toyota Camry (–2010)');
    expect(modelName(model('Corolla'))).toBe('Toyota Corolla');
  });

  it('fills the quote with the product, the model and the price', () => {
    const quoted = { kind: 'quoted', product: 'Чехлы', model: model('Camry', 2019, 2019), amountMinor: 450000, currency: 'RUB' } as const;
    expect(quoteTextValues(quoted, 'ru')).toEqual({ product: 'Чехлы', model: 'Toyota Camry (2019)', price: `4${NBSP}500,00 RUB` });
    expect(quoteTextValues({ kind: 'unpriced', product: 'Seat covers', model: model('Corolla') }, 'en')).toEqual({ product: 'Seat covers', model: 'Toyota Corolla' });
  });

  it('gives the availability note, empty when there is none', () => {
    const unavailable = { kind: 'unavailable', product: 'Seat covers', model: model('Camry', 2019, 2019) } as const;
    expect(quoteTextValues(unavailable, 'en')).toEqual({ product: 'Seat covers', model: 'Toyota Camry (2019)', note: '' });
    expect(quoteTextValues({ ...unavailable, note: 'Back in May.' }, 'en').note).toBe('Back in May.');
  });

  it('names at most three candidate models, and every product to choose from', () => {
    const candidates = [model('Camry', 2019, 2019), model('Camry', 2021, 2021), model('Camry Hybrid'), model('Camry Solara')];
    expect(quoteTextValues({ kind: 'ask_which', candidates: candidates.slice(0, 2) }, 'en')).toEqual({ candidates: 'Toyota Camry (2019), Toyota Camry (2021)' });
    expect(quoteTextValues({ kind: 'ask_which', candidates }, 'ru').candidates).toBe('Toyota Camry (2019), Toyota Camry (2021), Toyota Camry Hybrid');
    expect(quoteTextValues({ kind: 'ask_product', products: ['EVA mats', 'Seat covers'] }, 'en')).toEqual({ products: 'EVA mats, Seat covers' });
    expect(quoteTextValues({ kind: 'ask_model', product: 'EVA mats' }, 'en')).toEqual({ product: 'EVA mats' });
  });
});
