/** Passwords of 10+ characters that appear at the top of public breach lists. */
const COMMON = new Set([
  '1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111', '1q2w3e4r5t', '1qaz2wsx3edc',
  'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'zxcvbnm123', 'password12', 'password123',
  'password1234', 'password!1', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'iloveyou123', 'football12', 'baseball12',
  'sunshine12', 'princess12', 'welcome123', 'welcome1234', 'letmein123', 'admin12345', 'administrator', 'changeme123',
  'trustno1234', 'abc1234567', 'abcdefghij', 'aaaaaaaaaa', 'monkey1234', 'dragon1234', 'master1234', 'superman123',
  'starwars123', 'whatever12', 'computer12', 'internet12', 'qazwsxedc123', '1234qwer!@#$', 'q1w2e3r4t5', 'a1b2c3d4e5',
]);

export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 200) return 'must be at most 200 characters';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'is too common';
  return null;
}
