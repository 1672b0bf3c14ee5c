import type { ContentType } from '../message.entity';
import { InboundItem, InboundStatusItem, MalformedWebhookError } from './inbound-item';
import { JsonObject, MessageContent, asArray, asId, asNumber, asObject, asString, ignored, postbackContent, requireArray, requireObject, unixSecondsToDate } from './webhook-fields';

const MEDIA_TYPES = new Map<string, ContentType>([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['document', 'file'],
  ['sticker', 'sticker'],
]);

const STATUSES: readonly InboundStatusItem['status'][] = ['sent', 'delivered', 'read', 'failed'];

/**
 * WhatsApp Cloud API (`object: "whatsapp_business_account"`): each `entry[].changes[]` of field
 * `messages` carries customers' messages (keyed `wa:<wamid>`) and statuses of ours (keyed
 * `wa:<wamid>:<status>`). Reactions, unsupported messages, other fields and, given the channel's
 * `phoneNumberId`, changes addressed to another number of the business account are ignored.
 */
export function parseWhatsAppWebhook(body: unknown, phoneNumberId?: string): InboundItem[] {
  const envelope = requireObject(body, 'WhatsApp webhook');
  if (envelope.object !== 'whatsapp_business_account') {
    throw new MalformedWebhookError(`WhatsApp webhook object must be "whatsapp_business_account", not ${JSON.stringify(envelope.object)}`);
  }
  return requireArray(envelope.entry, 'WhatsApp webhook entry').flatMap((entry) => parseEntry(entry, phoneNumberId));
}

function parseEntry(entry: unknown, phoneNumberId: string | undefined): InboundItem[] {
  const { changes } = asObject(entry);
  return Array.isArray(changes) ? changes.flatMap((change) => parseChange(asObject(change), phoneNumberId)) : [ignored('whatsapp entry without changes')];
}

function parseChange(change: JsonObject, phoneNumberId: string | undefined): InboundItem[] {
  if (change.field !== 'messages') return [ignored(`whatsapp field ${String(change.field)}`)];
  const value = asObject(change.value);
  // One app webhook receives every number of the business account: only this channel's number is ours.
  const to = asId(asObject(value.metadata).phone_number_id);
  if (phoneNumberId !== undefined && to !== undefined && to !== phoneNumberId) return [ignored(`whatsapp number ${to} is another channel's`)];
  const names = profileNames(value.contacts);
  const items = [...asArray(value.messages).map((message) => parseMessage(asObject(message), names)), ...asArray(value.statuses).map((status) => parseStatus(asObject(status)))];
  return items.length > 0 ? items : [ignored('whatsapp change without messages or statuses')];
}

/** `contacts[]`: the profile name of each sender, by wa_id. */
function profileNames(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const contact of asArray(contacts).map(asObject)) {
    const waId = asId(contact.wa_id);
    const name = asString(asObject(contact.profile).name);
    if (waId !== undefined && name !== undefined) names.set(waId, name);
  }
  return names;
}

function parseMessage(message: JsonObject, names: Map<string, string>): InboundItem {
  const id = asString(message.id);
  const from = asId(message.from);
  const type = asString(message.type) ?? 'untyped';
  if (id === undefined || from === undefined) return ignored('whatsapp message without id or from');
  const content = messageContent(type, message);
  if (content === null) return ignored(`whatsapp ${type}`);
  return {
    kind: 'message',
    eventKey: `wa:${id}`,
    threadId: from,
    sender: { platformUserId: from, name: names.get(from) },
    platformMessageId: id,
    ...content,
    sentAt: unixSecondsToDate(message.timestamp),
  };
}

function messageContent(type: string, message: JsonObject): MessageContent | null {
  const mediaType = MEDIA_TYPES.get(type);
  if (mediaType !== undefined) return mediaContent(mediaType, asObject(message[type]));
  switch (type) {
    case 'text':
      return { contentType: 'text', text: asString(asObject(message.text).body) ?? null, attachments: [] };
    case 'location':
      return locationContent(asObject(message.location));
    case 'interactive':
      return interactiveContent(asObject(message.interactive));
    case 'button':
      return buttonContent(asObject(message.button));
    default:
      return null;
  }
}

/** Media arrive as an id to download with the Graph API, with the caption as text. */
function mediaContent(contentType: ContentType, media: JsonObject): MessageContent {
  return {
    contentType,
    text: asString(media.caption) ?? null,
    attachments: [{ type: contentType, fileId: asString(media.id), mimeType: asString(media.mime_type), name: asString(media.filename) }],
  };
}

function locationContent(place: JsonObject): MessageContent {
  return {
    contentType: 'location',
    text: null,
    attachments: [{ type: 'location', latitude: asNumber(place.latitude), longitude: asNumber(place.longitude), title: asString(place.name), address: asString(place.address) }],
  };
}

/** A reply button or list row the customer chose; other interactive replies (flows) are not read. */
function interactiveContent(interactive: JsonObject): MessageContent | null {
  const { type } = interactive;
  if (type !== 'button_reply' && type !== 'list_reply') return null;
  const reply = asObject(interactive[type]);
  return postbackContent(asString(reply.title), asString(reply.id));
}

/** A quick reply button of a template message. */
function buttonContent(button: JsonObject): MessageContent {
  return postbackContent(asString(button.text), asString(button.payload));
}

function parseStatus(status: JsonObject): InboundItem {
  const id = asString(status.id);
  const value = STATUSES.find((known) => known === status.status);
  const threadId = asId(status.recipient_id);
  if (value === undefined) return ignored(`whatsapp status ${String(status.status)}`);
  if (id === undefined || threadId === undefined) return ignored('whatsapp status without id or recipient_id');
  const item: InboundStatusItem = { kind: 'status', eventKey: `wa:${id}:${value}`, platformMessageId: id, status: value, threadId, at: unixSecondsToDate(status.timestamp) };
  return value === 'failed' ? { ...item, error: failureText(status.errors) } : item;
}

/** `errors[0]` of a failed status, as "title: message (code N)". */
function failureText(errors: unknown): string | undefined {
  const error = asObject(asArray(errors)[0]);
  const description = [...new Set([asString(error.title), asString(error.message)].filter(Boolean))].join(': ');
  const code = asId(error.code);
  return code === undefined ? description || undefined : `${description} (code ${code})`.trim();
}
