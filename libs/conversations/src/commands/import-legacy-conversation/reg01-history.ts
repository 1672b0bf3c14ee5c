import type { LegacyConversationInput, LegacyTurn } from './import-legacy-conversation.command';

/** What an import keeps of a REG-01 history file. */
export type Reg01History = Pick<LegacyConversationInput, 'userName' | 'userPicture' | 'turns'>;

/** A file that is not a REG-01 history: bad JSON, another shape, or nothing to import. */
export class Reg01FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Reg01FormatError';
  }
}

/** The longest display name a contact and a conversation keep. */
const MAX_NAME = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Reg01FormatError(`${field} must be a string`);
  return value.trim() || null;
}

function parsedJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Reg01FormatError(`not valid JSON (${(error as Error).message})`);
  }
}

/** A turn's texts joined with newlines; null when it has none (an image, a function call). */
function turnOf(value: unknown, index: number): LegacyTurn | null {
  const where = `turn ${index + 1}`;
  if (!isRecord(value)) throw new Reg01FormatError(`${where} is not an object`);
  if (value.role !== 'user' && value.role !== 'model') throw new Reg01FormatError(`${where}: role must be "user" or "model"`);
  if (!Array.isArray(value.parts)) throw new Reg01FormatError(`${where}: parts must be an array`);
  const texts = value.parts.flatMap((part: unknown) => (isRecord(part) && typeof part.text === 'string' && part.text.trim() !== '' ? [part.text] : []));
  return texts.length === 0 ? null : { role: value.role, text: texts.join('\n') };
}

/**
 * Reads a REG-01 history file: the bare `[{"role": "user"|"model", "parts": [{"text": …}]}]`, or
 * `{"user": {"name"?, "picture"?}, "history": […]}`. A turn's texts are joined with newlines; parts
 * without text and turns left empty are dropped; a history with no text at all is refused.
 */
export function parseReg01History(json: string): Reg01History {
  const content = parsedJson(json);
  const wrapped = isRecord(content);
  const history = wrapped ? content.history : content;
  if (!Array.isArray(history)) throw new Reg01FormatError('expected an array of turns or {"user": {…}, "history": [turns]}');
  const user = wrapped ? (content.user ?? {}) : {};
  if (!isRecord(user)) throw new Reg01FormatError('user must be an object');
  const turns = history.map(turnOf).filter((turn) => turn !== null);
  if (turns.length === 0) throw new Reg01FormatError('the history has no message with text');
  return { userName: optionalText(user.name, 'user.name')?.slice(0, MAX_NAME) ?? null, userPicture: optionalText(user.picture, 'user.picture'), turns };
}
