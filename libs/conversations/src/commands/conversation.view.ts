import { ApiProperty } from '@nestjs/swagger';
import { Conversation, CONVERSATION_STATUSES, ConversationStatus } from '../domain/conversation.entity';
import { Attachment, BotStep, CONTENT_TYPES, ContentType, DELIVERY_STATUSES, DeliveryStatus, Message, MESSAGE_DIRECTIONS, MessageDirection, SENDER_TYPES, SenderType } from '../domain/message.entity';

export class ConversationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  channelId: string;

  @ApiProperty({ description: "The platform's thread: chat id, PSID, wa_id, LINE user/group id, widget visitor id" })
  threadId: string;

  @ApiProperty({ format: 'uuid' })
  contactId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  leadId: string | null;

  @ApiProperty({ nullable: true, type: String })
  contactName: string | null;

  @ApiProperty({ enum: CONVERSATION_STATUSES })
  status: ConversationStatus;

  @ApiProperty()
  botEnabled: boolean;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assigneeId: string | null;

  @ApiProperty({ nullable: true, type: String })
  locale: string | null;

  @ApiProperty()
  messageCount: number;

  @ApiProperty({ format: 'date-time' })
  lastMessageAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastInboundAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The first agent reply' })
  firstResponseAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'From the conversation opening to the first agent reply, in ms' })
  firstResponseMs: number | null;

  @ApiProperty({ nullable: true, type: String })
  summary: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  summarizedAt: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ConversationPage {
  @ApiProperty({ type: [ConversationView] })
  data: ConversationView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  conversationId: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS })
  direction: MessageDirection;

  @ApiProperty({ enum: SENDER_TYPES })
  senderType: SenderType;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  senderId: string | null;

  @ApiProperty({ enum: CONTENT_TYPES })
  contentType: ContentType;

  @ApiProperty({ nullable: true, type: String })
  text: string | null;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  attachments: Attachment[];

  @ApiProperty({ nullable: true, type: String })
  platformMessageId: string | null;

  @ApiProperty({ enum: DELIVERY_STATUSES, nullable: true, description: 'Outbound only' })
  deliveryStatus: DeliveryStatus | null;

  @ApiProperty({ nullable: true, type: String, description: "The platform's error when delivery failed" })
  deliveryError: string | null;

  @ApiProperty()
  deliveryAttempts: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The customer's message this replies to" })
  replyToId: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'From the inbound message being received to this reply being stored, in ms' })
  latencyMs: number | null;

  @ApiProperty()
  fromFaq: boolean;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  faqId: string | null;

  @ApiProperty({ nullable: true, type: Number })
  faqScore: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'An avatar gesture attached by the bot' })
  motion: string | null;

  @ApiProperty({ nullable: true, type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The bot pipeline steps behind a bot reply' })
  botSteps: BotStep[] | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MessagePage {
  @ApiProperty({ type: [MessageView] })
  data: MessageView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const toConversationView = (c: Conversation): ConversationView => ({
  id: c.id,
  channelId: c.channelId,
  threadId: c.threadId,
  contactId: c.contactId,
  leadId: c.leadId,
  contactName: c.contactName,
  status: c.status,
  botEnabled: c.botEnabled,
  assigneeId: c.assigneeId,
  locale: c.locale,
  messageCount: c.messageCount,
  lastMessageAt: c.lastMessageAt.toISOString(),
  lastInboundAt: iso(c.lastInboundAt),
  firstResponseAt: iso(c.firstResponseAt),
  firstResponseMs: c.firstResponseMs,
  summary: c.summary,
  summarizedAt: iso(c.summarizedAt),
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const toMessageView = (m: Message): MessageView => ({
  id: m.id,
  conversationId: m.conversationId,
  direction: m.direction,
  senderType: m.senderType,
  senderId: m.senderId,
  contentType: m.contentType,
  text: m.text,
  attachments: m.attachments,
  platformMessageId: m.platformMessageId,
  deliveryStatus: m.deliveryStatus,
  deliveryError: m.deliveryError,
  deliveryAttempts: m.deliveryAttempts,
  replyToId: m.replyToId,
  latencyMs: m.latencyMs,
  fromFaq: m.fromFaq,
  faqId: m.faqId,
  faqScore: m.faqScore,
  motion: m.motion,
  botSteps: m.botSteps,
  createdAt: m.createdAt.toISOString(),
});
