import type { Attachment } from '../message.entity';
import { InboundItem, InboundSender } from './inbound-item';
import { JsonObject, MessageContent, asNumber, asObject, asString, ignored, postbackContent, requireArray, requireObject, unixMillisToDate } from './webhook-fields';

/** What every event carries, resolved once. */
interface EventContext {
  eventKey: string;
  /** The group, the room, or the user in a one-to-one chat. */
  threadId: string;
  sender: InboundSender;
  at: Date | null;
  /** Absent on unfollow/leave events and in standby mode. */
  replyToken: string | undefined;
}

/**
 * LINE Messaging API: every `events[]` item becomes one item, keyed `line:<webhookEventId>`.
 * Messages and postbacks, follow and unfollow are read; join/leave, member, unsend, beacon and
 * the other events are ignored. Redelivered events parse as the original (dedupe is later).
 */
export function parseLineWebhook(body: unknown): InboundItem[] {
  const envelope = requireObject(body, 'LINE webhook');
  return requireArray(envelope.events, 'LINE webhook events').map((event) => parseEvent(asObject(event)));
}

function parseEvent(event: JsonObject): InboundItem {
  const type = asString(event.type) ?? 'untyped';
  const webhookEventId = asString(event.webhookEventId);
  const source = asObject(event.source);
  const userId = asString(source.userId);
  const threadId = asString(source.groupId) ?? asString(source.roomId) ?? userId;
  if (webhookEventId === undefined || threadId === undefined) return ignored(`line ${type} event without webhookEventId or source`);
  const context: EventContext = {
    eventKey: `line:${webhookEventId}`,
    threadId,
    sender: { platformUserId: userId ?? threadId },
    at: unixMillisToDate(event.timestamp),
    replyToken: asString(event.replyToken),
  };
  switch (type) {
    case 'message':
      return parseMessage(asObject(event.message), context);
    case 'postback': {
      const data = asString(asObject(event.postback).data);
      return messageItem(`pb:${webhookEventId}`, postbackContent(data, data), context);
    }
    case 'follow':
    case 'unfollow':
      return { kind: type, eventKey: context.eventKey, threadId, sender: context.sender, at: context.at };
    default:
      return ignored(`line ${type}`);
  }
}

function parseMessage(message: JsonObject, context: EventContext): InboundItem {
  const id = asString(message.id);
  const content = messageContent(message);
  if (id === undefined || content === null) return ignored(`line ${asString(message.type) ?? 'untyped'} message`);
  return messageItem(id, content, context);
}

function messageItem(platformMessageId: string, content: MessageContent, { eventKey, threadId, sender, at, replyToken }: EventContext): InboundItem {
  return { kind: 'message', eventKey, threadId, sender, platformMessageId, ...content, sentAt: at, replyToken };
}

/** Media content is fetched later by message id; `url` is set only for content hosted outside LINE. */
function messageContent(message: JsonObject): MessageContent | null {
  const type = asString(message.type);
  const text = asString(message.text) ?? null;
  const fileId = asString(message.id);
  switch (type) {
    case 'text':
      return { contentType: 'text', text, attachments: [] };
    case 'image':
    case 'video':
    case 'audio':
      return { contentType: type, text, attachments: [{ type, fileId, url: asString(asObject(message.contentProvider).originalContentUrl) }] };
    case 'file':
      return { contentType: 'file', text, attachments: [{ type, fileId, name: asString(message.fileName), size: asNumber(message.fileSize) }] };
    case 'location':
      return { contentType: 'location', text, attachments: [lineLocation(message)] };
    case 'sticker':
      return { contentType: 'sticker', text, attachments: [{ type, packageId: asString(message.packageId), stickerId: asString(message.stickerId) }] };
    default:
      return null;
  }
}

function lineLocation(message: JsonObject): Attachment {
  return { type: 'location', latitude: asNumber(message.latitude), longitude: asNumber(message.longitude), title: asString(message.title), address: asString(message.address) };
}
