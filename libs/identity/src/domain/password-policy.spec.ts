import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short1!', 'must be at least 10 characters'],
    ['Password123', 'is too common'],
    ['QWERTYUIOP', 'is too common'],
    ['zzzzzzzzzzzz', 'is too common'],
    ['x'.repeat(201), 'must be at most 200 characters'],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });
});
