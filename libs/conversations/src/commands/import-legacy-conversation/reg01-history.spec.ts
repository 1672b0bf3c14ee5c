import { parseReg01History, Reg01FormatError } from './reg01-history';

const turn = (role: string, ...texts: string[]) => ({ role, parts: texts.map((text) => ({ text })) });

describe('parseReg01History', () => {
  it('reads the bare array of turns, with no user', () => {
    expect(parseReg01History(JSON.stringify([turn('user', 'Hi'), turn('model', 'Hello!')]))).toEqual({
      userName: null,
      userPicture: null,
      turns: [
        { role: 'user', text: 'Hi' },
        { role: 'model', text: 'Hello!' },
      ],
    });
  });

  it('reads the object with the user and the history', () => {
    const file = { user: { name: '  Somchai ', picture: 'https://cdn.example/u.jpg' }, history: [turn('user', 'Price?')] };
    expect(parseReg01History(JSON.stringify(file))).toEqual({ userName: 'Somchai', userPicture: 'https://cdn.example/u.jpg', turns: [{ role: 'user', text: 'Price?' }] });
    expect(parseReg01History(JSON.stringify({ history: [turn('user', 'Hi')] }))).toMatchObject({ userName: null, userPicture: null });
  });

  it('joins the texts of a turn, skipping parts without text and turns left empty', () => {
    const history = [
      { role: 'user', parts: [{ text: 'Line one' }, { inlineData: { mimeType: 'image/png' } }, { text: 'Line two' }] },
      { role: 'model', parts: [{ functionCall: { name: 'quote' } }] },
      turn('model', '', '  '),
      { role: 'user', parts: [] },
      turn('model', 'Answer'),
    ];
    expect(parseReg01History(JSON.stringify(history)).turns).toEqual([
      { role: 'user', text: 'Line one\nLine two' },
      { role: 'model', text: 'Answer' },
    ]);
  });

  it('keeps at most 200 characters of the name', () => {
    expect(parseReg01History(JSON.stringify({ user: { name: 'n'.repeat(300) }, history: [turn('user', 'Hi')] })).userName).toHaveLength(200);
  });

  it.each([
    ['[{"role": "user", "parts": [{"text": "Hi"}]', /^not valid JSON \(/],
    ['"hello"', /expected an array of turns/],
    ['{"messages": []}', /expected an array of turns/],
    ['{"user": "Anna", "history": []}', /^user must be an object$/],
    ['{"user": {"name": 42}, "history": [{"role": "user", "parts": [{"text": "Hi"}]}]}', /^user\.name must be a string$/],
    ['[{"role": "assistant", "parts": [{"text": "Hi"}]}]', /^turn 1: role must be "user" or "model"$/],
    ['[{"role": "user", "parts": [{"text": "Hi"}]}, {"role": "model", "parts": "Hello"}]', /^turn 2: parts must be an array$/],
    ['[null]', /^turn 1 is not an object$/],
    ['[]', /^the history has no message with text$/],
    ['[{"role": "user", "parts": [{"text": " "}]}]', /^the history has no message with text$/],
  ])('refuses %s', (json, message) => {
    expect(() => parseReg01History(json)).toThrow(Reg01FormatError);
    expect(() => parseReg01History(json)).toThrow(message);
  });
});
