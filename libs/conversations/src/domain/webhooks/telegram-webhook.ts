import type { Attachment, ContentType } from '../message.entity';
import { InboundItem, InboundSender, MalformedWebhookError } from './inbound-item';
import { JsonObject, MessageContent, asArray, asId, asNumber, asObject, asString, ignored, postbackContent, requireObject, unixSecondsToDate } from './webhook-fields';

type UpdateParser = (value: JsonObject, eventKey: string) => InboundItem;

const UPDATE_PARSERS = new Map<string, UpdateParser>([
  ['message', parseMessage],
  ['edited_message', parseMessage],
  ['callback_query', parseCallbackQuery],
  ['my_chat_member', parseMyChatMember],
]);

interface Media {
  contentType: ContentType;
  attachment: Attachment;
}

/** The message fields holding content, in the order to look at them: `animation` before `document` and `venue` before `location`, since Telegram sends both. */
const MEDIA_PARSERS: [string, (value: unknown) => Media][] = [
  ['photo', (sizes) => ({ contentType: 'image', attachment: largestPhoto(sizes) })],
  ['sticker', (sticker) => ({ contentType: 'sticker', attachment: { ...telegramFile('sticker', sticker), emoji: asString(asObject(sticker).emoji) } })],
  ['animation', (animation) => ({ contentType: 'video', attachment: telegramFile('video', animation) })],
  ['video', (video) => ({ contentType: 'video', attachment: telegramFile('video', video) })],
  ['video_note', (note) => ({ contentType: 'video', attachment: telegramFile('video', note) })],
  ['voice', (voice) => ({ contentType: 'audio', attachment: telegramFile('audio', voice) })],
  ['audio', (audio) => ({ contentType: 'audio', attachment: { ...telegramFile('audio', audio), title: asString(asObject(audio).title) } })],
  ['document', (document) => ({ contentType: 'file', attachment: telegramFile('file', document) })],
  ['venue', (venue) => ({ contentType: 'location', attachment: venueLocation(asObject(venue)) })],
  ['location', (place) => ({ contentType: 'location', attachment: location(place) })],
  ['contact', (contact) => ({ contentType: 'event', attachment: contactCard(asObject(contact)) })],
];

/**
 * Telegram Bot API: one webhook call carries one Update, keyed `tg:<update_id>`. Messages and
 * edited messages, callback queries and the bot being blocked/unblocked (my_chat_member) are
 * read; channel posts and every other update type are ignored.
 */
export function parseTelegramUpdate(body: unknown): InboundItem[] {
  const update = requireObject(body, 'Telegram update');
  if (!Number.isSafeInteger(update.update_id)) throw new MalformedWebhookError('Telegram update has no numeric update_id');
  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? 'update without content';
  const parse = UPDATE_PARSERS.get(kind);
  return [parse ? parse(asObject(update[kind]), `tg:${update.update_id}`) : ignored(`telegram ${kind}`)];
}

function parseMessage(message: JsonObject, eventKey: string): InboundItem {
  const chat = asObject(message.chat);
  const chatId = asId(chat.id);
  const messageId = asId(message.message_id);
  if (chatId === undefined || messageId === undefined) return ignored('telegram message without chat or message_id');
  const content = messageContent(message);
  if (content === null) return ignored('telegram message without supported content');
  return {
    kind: 'message',
    eventKey,
    threadId: chatId,
    sender: telegramSender(asObject(message.sender_chat ?? message.from ?? chat), chatId),
    // An edit is a message of its own (the original stays as it was): its id carries the edit time.
    platformMessageId: message.edit_date === undefined ? `${chatId}:${messageId}` : `${chatId}:${messageId}:edit:${String(message.edit_date)}`,
    ...content,
    sentAt: unixSecondsToDate(message.date),
  };
}

/** A tap on an inline keyboard button: a postback in the chat that holds the keyboard. */
function parseCallbackQuery(query: JsonObject, eventKey: string): InboundItem {
  const from = asObject(query.from);
  const id = asId(query.id);
  const data = asString(query.data);
  const threadId = asId(asObject(asObject(query.message).chat).id) ?? asId(from.id);
  if (id === undefined || data === undefined || threadId === undefined) return ignored('telegram callback_query without id, data or chat');
  return { kind: 'message', eventKey, threadId, sender: telegramSender(from, threadId), platformMessageId: `cbq:${id}`, ...postbackContent(data, data), sentAt: null };
}

/** The bot's own membership: `kicked` when a user blocks it, `member` when they (re)start it or add it to a group. */
function parseMyChatMember(update: JsonObject, eventKey: string): InboundItem {
  const status = asString(asObject(update.new_chat_member).status);
  const threadId = asId(asObject(update.chat).id);
  const kind = status === 'kicked' ? 'unfollow' : status === 'member' ? 'follow' : undefined;
  if (kind === undefined || threadId === undefined) return ignored(`telegram my_chat_member ${status ?? 'without status'}`);
  return { kind, eventKey, threadId, sender: telegramSender(asObject(update.from), threadId), at: unixSecondsToDate(update.date) };
}

function messageContent(message: JsonObject): MessageContent | null {
  const text = asString(message.text) ?? asString(message.caption) ?? null;
  const found = MEDIA_PARSERS.find(([field]) => message[field] !== undefined);
  if (found !== undefined) {
    const [field, parse] = found;
    const { contentType, attachment } = parse(message[field]);
    return { contentType, text, attachments: [attachment] };
  }
  return text === null ? null : { contentType: 'text', text, attachments: [] };
}

/** A user, or a chat speaking as itself (`sender_chat`, which Telegram pairs with a placeholder `from`; or the chat when `from` is absent). */
function telegramSender(subject: JsonObject, fallbackId: string): InboundSender {
  return { platformUserId: asId(subject.id) ?? fallbackId, name: fullName(subject) ?? asString(subject.title), username: asString(subject.username), locale: asString(subject.language_code) };
}

function fullName(person: JsonObject): string | undefined {
  return [asString(person.first_name), asString(person.last_name)].filter(Boolean).join(' ') || undefined;
}

function telegramFile(type: string, value: unknown): Attachment {
  const file = asObject(value);
  return {
    type,
    fileId: asString(file.file_id),
    mimeType: asString(file.mime_type),
    name: asString(file.file_name),
    width: asNumber(file.width),
    height: asNumber(file.height),
    duration: asNumber(file.duration),
  };
}

/** Telegram sends every size of a photo; keep the largest. */
function largestPhoto(sizes: unknown): Attachment {
  const area = (size: JsonObject) => (asNumber(size.width) ?? 0) * (asNumber(size.height) ?? 0);
  const largest = asArray(sizes)
    .map(asObject)
    .reduce((best, size) => (area(size) >= area(best) ? size : best), {});
  return { type: 'image', fileId: asString(largest.file_id), width: asNumber(largest.width), height: asNumber(largest.height) };
}

function location(value: unknown): Attachment {
  const place = asObject(value);
  return { type: 'location', latitude: asNumber(place.latitude), longitude: asNumber(place.longitude) };
}

function venueLocation(venue: JsonObject): Attachment {
  return { ...location(venue.location), title: asString(venue.title), address: asString(venue.address) };
}

function contactCard(contact: JsonObject): Attachment {
  return { type: 'contact', phoneNumber: asString(contact.phone_number), name: fullName(contact), platformUserId: asId(contact.user_id) };
}
