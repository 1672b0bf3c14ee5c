import { formatAmount, modelName, quoteAnswerText } from './quote-answer';

const model = (name: string, yearFrom: number | null = null, yearTo: number | null = null) => ({ brand: { name: 'Toyota' }, name, yearFrom, yearTo });
const NBSP = '\u00a0';

describe('the wording of a quote answer', () => {
  it('formats an amount with as many decimals as the currency has minor units', () => {
    expect(formatAmount(450000, 'THB', 'en')).toBe('4,500.00 THB');
    expect(formatAmount(450000, 'THB', 'ru-RU')).toBe(`4${NBSP}500,00 THB`);
    expect(formatAmount(4500, 'JPY', 'en-US')).toBe('4,500 JPY');
    expect(formatAmount(1234567, 'KWD', 'en')).toBe('1,234.567 KWD');
    expect(formatAmount(5, 'EUR', 'th')).toBe('0.05 EUR');
  });

  it('names a model with the years it covers', () => {
    expect(modelName(model('Camry', 2019, 2019))).toBe('Toyota Camry (2019)');
    expect(modelName(model('Camry', 2011, 2017))).toBe('Toyota Camry (2011–2017)');
    expect(modelName(model('Camry', 2018))).toBe('Toyota Camry (2018–)');
    expect(modelName(model('Camry', null, 2010))).toBe('Toyota Camry (–2010)');
    expect(modelName(model('Corolla'))).toBe('Toyota Corolla');
  });

  it('answers in English, and in Russian for a locale starting with ru', () => {
    const quoted = { kind: 'quoted', product: 'Seat covers', model: model('Camry', 2019, 2019), amountMinor: 450000, currency: 'THB' } as const;
    expect(quoteAnswerText(quoted, 'en')).toBe('Seat covers for Toyota Camry (2019): 4,500.00 THB.');
    expect(quoteAnswerText({ ...quoted, product: 'Чехлы' }, 'ru')).toBe(`Чехлы для Toyota Camry (2019): 4${NBSP}500,00 THB.`);
    expect(quoteAnswerText({ kind: 'no-model' }, 'th-TH')).toBe('Which car is it for? Tell me the make and model.');
    expect(quoteAnswerText({ kind: 'no-model' }, 'RU')).toBe('Для какой машины? Напишите марку и модель.');
    expect(quoteAnswerText({ kind: 'unpriced', product: 'Seat covers' }, 'en')).toBe('Seat covers for this car: a manager will tell you the price shortly.');
  });

  it('says when the product is not available, with the availability note', () => {
    const unavailable = { kind: 'unavailable', product: 'Seat covers', model: model('Camry', 2019, 2019) } as const;
    expect(quoteAnswerText(unavailable, 'en')).toBe('Seat covers for Toyota Camry (2019): not available at the moment.');
    expect(quoteAnswerText({ ...unavailable, note: 'back in May' }, 'en')).toBe('Seat covers for Toyota Camry (2019): not available at the moment (back in May).');
    expect(quoteAnswerText({ ...unavailable, product: 'Чехлы', note: 'ждём в мае' }, 'ru')).toBe('Чехлы для Toyota Camry (2019): сейчас нет в наличии (ждём в мае).');
  });

  it('asks which model, naming at most three candidates', () => {
    const candidates = [model('Camry', 2019, 2019), model('Camry', 2021, 2021), model('Camry Hybrid'), model('Camry Solara')];
    expect(quoteAnswerText({ kind: 'ambiguous', candidates: candidates.slice(0, 2) }, 'en')).toBe('Which one do you mean: Toyota Camry (2019), Toyota Camry (2021)?');
    expect(quoteAnswerText({ kind: 'ambiguous', candidates }, 'ru')).toBe('Какую модель вы имеете в виду: Toyota Camry (2019), Toyota Camry (2021), Toyota Camry Hybrid?');
  });
});
