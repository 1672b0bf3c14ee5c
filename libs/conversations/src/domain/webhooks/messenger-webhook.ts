import type { Attachment, ContentType } from '../message.entity';
import { InboundItem, MalformedWebhookError } from './inbound-item';
import {
  JsonObject,
  MessageContent,
  asArray,
  asId,
  asNumber,
  asObject,
  asString,
  ignored,
  isJsonObject,
  postbackContent,
  requireArray,
  requireObject,
  unixMillisToDate,
} from './webhook-fields';

/** Attachment types that are a ContentType of their own; anything else (fallback, template…) is a file. */
const MEDIA_TYPES: readonly ContentType[] = ['image', 'video', 'audio', 'file', 'sticker', 'location'];

/** What every messaging event carries: the PSID (the thread) and when it happened. */
interface MessagingContext {
  senderId: string;
  timestamp: unknown;
}

/**
 * Messenger Platform (`object: "page"`): every `entry[].messaging[]` event becomes one item.
 * Messages and postbacks are keyed `fb:<mid>`; delivery and read receipts become statuses; our own
 * echoes and every other event (reactions, optins, referrals, handover…) are ignored.
 */
export function parseMessengerWebhook(body: unknown): InboundItem[] {
  const envelope = requireObject(body, 'Messenger webhook');
  if (envelope.object !== 'page') throw new MalformedWebhookError(`Messenger webhook object must be "page", not ${JSON.stringify(envelope.object)}`);
  return requireArray(envelope.entry, 'Messenger webhook entry').flatMap(parseEntry);
}

function parseEntry(entry: unknown): InboundItem[] {
  const { messaging } = asObject(entry);
  return Array.isArray(messaging) ? messaging.map((event) => parseEvent(asObject(event))) : [ignored('messenger entry without messaging')];
}

function parseEvent(event: JsonObject): InboundItem {
  const senderId = asId(asObject(event.sender).id);
  if (senderId === undefined) return ignored('messenger event without sender');
  const context: MessagingContext = { senderId, timestamp: event.timestamp };
  if (isJsonObject(event.message)) return parseMessage(event.message, context);
  if (isJsonObject(event.postback)) return parsePostback(event.postback, context);
  if (isJsonObject(event.delivery)) return parseReceipt('delivered', event.delivery, context);
  if (isJsonObject(event.read)) return parseReceipt('read', event.read, context);
  const kind = Object.keys(event).find((key) => !['sender', 'recipient', 'timestamp'].includes(key));
  return ignored(`messenger ${kind ?? 'event without content'}`);
}

function parseMessage(message: JsonObject, context: MessagingContext): InboundItem {
  if (message.is_echo === true) return ignored('echo');
  return messageItem(asString(message.mid), messageContent(message), context);
}

/** A tap on a postback button, persistent menu item or Get Started: the button's title and payload. */
function parsePostback(postback: JsonObject, context: MessagingContext): InboundItem {
  return messageItem(asString(postback.mid), postbackContent(asString(postback.title), asString(postback.payload)), context);
}

function messageItem(mid: string | undefined, content: MessageContent, { senderId, timestamp }: MessagingContext): InboundItem {
  const platformMessageId = mid ?? `${senderId}:${asId(timestamp) ?? 'no-timestamp'}`;
  const sentAt = unixMillisToDate(timestamp);
  return { kind: 'message', eventKey: `fb:${platformMessageId}`, threadId: senderId, sender: { platformUserId: senderId }, platformMessageId, ...content, sentAt };
}

/** Delivery and read receipts: every message we sent in the thread up to `watermark` has this status. */
function parseReceipt(status: 'delivered' | 'read', receipt: JsonObject, { senderId, timestamp }: MessagingContext): InboundItem {
  const watermark = asNumber(receipt.watermark);
  const kind = status === 'delivered' ? 'delivery' : 'read';
  if (watermark === undefined) return ignored(`messenger ${kind} without watermark`);
  return {
    kind: 'status',
    eventKey: `fb:${kind}:${senderId}:${watermark}`,
    platformMessageId: asString(asArray(receipt.mids)[0]) ?? null,
    status,
    watermark: new Date(watermark),
    threadId: senderId,
    at: unixMillisToDate(timestamp),
  };
}

/** A quick reply tap is a postback; otherwise the text and the attachments, typed by the first attachment. */
function messageContent(message: JsonObject): MessageContent {
  const text = asString(message.text) ?? null;
  const quickReply = asObject(message.quick_reply);
  if (quickReply.payload !== undefined) return { ...postbackContent(undefined, asString(quickReply.payload)), text };
  const attachments = asArray(message.attachments).map((attachment) => messengerAttachment(asObject(attachment)));
  return { contentType: attachments.length === 0 ? 'text' : contentTypeOf(attachments[0]), text, attachments };
}

function contentTypeOf(attachment: Attachment): ContentType {
  return MEDIA_TYPES.find((type) => type === attachment.type) ?? 'file';
}

function messengerAttachment(attachment: JsonObject): Attachment {
  const payload = asObject(attachment.payload);
  const url = asString(payload.url) ?? asString(attachment.url);
  if (payload.sticker_id !== undefined) return { type: 'sticker', url, stickerId: asId(payload.sticker_id) };
  const type = asString(attachment.type) ?? 'unknown';
  if (type !== 'location') return { type, url, title: asString(attachment.title) };
  const coordinates = asObject(payload.coordinates);
  return { type, url, title: asString(attachment.title), latitude: asNumber(coordinates.lat), longitude: asNumber(coordinates.long) };
}
