/** Outbound text longer than a platform takes in one message is sent as several, split where a reader would. */
import type { ChannelType } from '@saler/platform';

/** The longest text each send API takes, in UTF-16 code units: Telegram 4096, Messenger 2000, WhatsApp 4096, LINE 5000. */
export const TEXT_LIMITS: Readonly<Record<Exclude<ChannelType, 'web'>, number>> = Object.freeze({ telegram: 4096, messenger: 2000, whatsapp: 4096, line: 5000 });

/** Where a part may end, best first: a paragraph, a line, a sentence, a word. */
const BREAKS = [/\n\s*\n/g, /\n/g, /[.!?…。](?=\s)/g, /\s/g];

/** The end of the last break in the window that leaves the part at least half full, or -1. */
function lastBreak(window: string, pattern: RegExp): number {
  let end = -1;
  for (const match of window.matchAll(pattern)) {
    const at = (match.index ?? 0) + match[0].length;
    if (at >= window.length / 2) end = at;
  }
  return end;
}

/**
 * The text as parts of at most `limit` code units, in order, each trimmed: cut at the last
 * paragraph break, else line break, else sentence end, else space in the part's second half; a run
 * with none of these is cut hard, never inside a surrogate pair. A text within the limit is one part.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = BREAKS.map((pattern) => lastBreak(window, pattern)).find((end) => end > 0) ?? limit;
    if (cut === limit && limit > 1 && /[\uD800-\uDBFF]/.test(window[limit - 1])) cut -= 1;
    const part = rest.slice(0, cut).trim();
    if (part !== '') parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== '') parts.push(rest.trim());
  return parts;
}
