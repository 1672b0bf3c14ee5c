import { splitText, TEXT_LIMITS } from './text-parts';

describe('splitting outbound text to the platform limits', () => {
  it('keeps a text within the limit whole, as it is', () => {
    expect(splitText('Hello!', 10)).toEqual(['Hello!']);
    expect(splitText('x'.repeat(TEXT_LIMITS.messenger), TEXT_LIMITS.messenger)).toHaveLength(1);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('cuts at a paragraph, else a line, else a sentence, else a space in the second half of a part', () => {
    expect(splitText('First paragraph here.\n\nSecond one.', 30)).toEqual(['First paragraph here.', 'Second one.']);
    expect(splitText('Line one is here\nline two is here', 25)).toEqual(['Line one is here', 'line two is here']);
    expect(splitText('One sentence here. Another sentence follows', 30)).toEqual(['One sentence here.', 'Another sentence follows']);
    expect(splitText('words and more words and more', 12)).toEqual(['words and', 'more words', 'and more']);
  });

  it('does not cut early to reach a break in the first half', () => {
    expect(splitText('Hi.\n\nThis is a long paragraph without breaks', 30)).toEqual(['Hi.\n\nThis is a long paragraph', 'without breaks']);
  });

  it('cuts a run without breaks hard, but never inside a surrogate pair', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const emoji = '😀'.repeat(5);
    const parts = splitText(emoji, 3);
    expect(parts.join('')).toBe(emoji);
    for (const part of parts) expect(part).toMatch(/^(😀)+$/);
  });

  it('keeps every word, in order, within the limit', () => {
    const text = Array.from({ length: 900 }, (_, index) => `word${index}${index % 17 === 0 ? '.\n\n' : index % 5 === 0 ? '. ' : ' '}`).join('');
    const parts = splitText(text, TEXT_LIMITS.messenger);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TEXT_LIMITS.messenger);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
  });
});
