import { readQuoteIntent } from './quote-intent';

const category = (name: string) => ({ id: name, name });
const covers = category('Seat covers');
const mats = category('EVA mats');
const russianCovers = category('Чехлы');

describe('reading a message for a catalogue quote', () => {
  it('finds the category by its name among the words, and keeps what may name the car', () => {
    expect(readQuoteIntent('How much are seat covers for a Camry 2019?', [mats, covers])).toEqual({ category: covers, modelText: 'camry 2019' });
    expect(readQuoteIntent('eva mats toyota rav4', [mats, covers])).toEqual({ category: mats, modelText: 'toyota rav 4' });
    expect(readQuoteIntent('Seat covers', [covers])).toEqual({ category: covers, modelText: '' });
  });

  it('reads Cyrillic and Latin spellings alike and drops Russian price and filler words', () => {
    expect(readQuoteIntent('сколько стоят чехлы на камри', [covers, russianCovers])).toEqual({ category: russianCovers, modelText: 'камри' });
    expect(readQuoteIntent('chekhly dlya solaris', [russianCovers])).toEqual({ category: russianCovers, modelText: 'dlya solaris' });
    expect(readQuoteIntent('Подскажите цену на ЧЕХЛЫ для моей Kia Rio!', [russianCovers])).toEqual({ category: russianCovers, modelText: 'kia rio' });
  });

  it('tolerates a typo in the category name, a little more when a price is asked for', () => {
    expect(readQuoteIntent('a seat cover for my camry', [covers])).toEqual({ category: covers, modelText: 'camry' });
    // "eva mat" is 0.6 similar to "eva mats"; "чехлов" 0.5 to "чехлы": enough only with a price word.
    expect(readQuoteIntent('eva mat camry', [mats])).toEqual({ category: mats, modelText: 'camry' });
    expect(readQuoteIntent('чехлов на камри', [russianCovers])).toBeNull();
    expect(readQuoteIntent('цена чехлов на камри', [russianCovers])).toEqual({ category: russianCovers, modelText: 'камри' });
  });

  it('prefers the most similar category, then the one of more words', () => {
    const coversOnly = category('Covers');
    expect(readQuoteIntent('seat covers for corolla', [coversOnly, covers])?.category).toBe(covers);
    expect(readQuoteIntent('covers for corolla', [coversOnly, covers])?.category).toBe(coversOnly);
  });

  it('is null when no category is named', () => {
    expect(readQuoteIntent('How much is a Camry 2019?', [covers, mats])).toBeNull();
    expect(readQuoteIntent('Do you deliver to Bangkok?', [covers, mats])).toBeNull();
    expect(readQuoteIntent('', [covers])).toBeNull();
    expect(readQuoteIntent('seat covers', [])).toBeNull();
  });
});
