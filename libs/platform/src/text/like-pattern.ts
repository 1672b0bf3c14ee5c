/** `%text%` for a case-insensitive `LIKE … ESCAPE '\'` over lower-cased text, with the user's own % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
