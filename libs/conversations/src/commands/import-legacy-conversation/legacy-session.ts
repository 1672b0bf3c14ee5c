import { HttpStatus } from '@nestjs/common';
import { ChannelType, ProblemException } from '@saler/platform';

/** REG-01's session id prefixes and the channel type of each. */
const SESSION_PREFIXES = new Map<string, ChannelType>([
  ['fb', 'messenger'],
  ['web', 'web'],
  ['line', 'line'],
  ['tg', 'telegram'],
  ['wa', 'whatsapp'],
]);

/** The platform user id is a thread id (200 characters) and part of an event key (200, with `reg01:`, the prefix and a turn index). */
const MAX_SESSION_ID = 180;

export interface LegacySession {
  channelType: ChannelType;
  /** The id after the prefix: the Messenger PSID, widget visitor id, LINE userId, Telegram chat id or WhatsApp number. */
  platformUserId: string;
}

/** `fb_<psid>`, `web_<visitorId>`, `line_<userId>`, `tg_<id>`, `wa_<number>`: the platform and its user; anything else is refused. */
export function legacySession(sessionId: string): LegacySession {
  const match = /^([a-z]+)_(.+)$/.exec(sessionId);
  const channelType = match === null ? undefined : SESSION_PREFIXES.get(match[1]);
  if (match === null || channelType === undefined) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'unknown-session-prefix', `Session id "${sessionId}" does not start with ${[...SESSION_PREFIXES.keys()].map((prefix) => `${prefix}_`).join(', ')}`);
  }
  if (sessionId.length > MAX_SESSION_ID) throw new ProblemException(HttpStatus.BAD_REQUEST, 'session-id-too-long', `Session id "${sessionId.slice(0, 40)}…" is longer than ${MAX_SESSION_ID} characters`);
  return { channelType, platformUserId: match[2] };
}
