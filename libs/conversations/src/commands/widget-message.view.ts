import { ApiProperty } from '@nestjs/swagger';
import { CONTENT_TYPES, ContentType, Message, MESSAGE_DIRECTIONS, MessageDirection, SENDER_TYPES, SenderType } from '../domain/message.entity';

/** What the widget (a visitor's browser) may see of a message. */
export class WidgetMessageView {
  @ApiProperty({ format: 'uuid', description: 'Pass the last one as `after` when polling' })
  id: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS })
  direction: MessageDirection;

  @ApiProperty({ enum: SENDER_TYPES })
  senderType: SenderType;

  @ApiProperty({ enum: CONTENT_TYPES })
  contentType: ContentType;

  @ApiProperty({ nullable: true, type: String })
  text: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'An avatar gesture to play with a bot reply' })
  motion: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WidgetMessageList {
  @ApiProperty({ type: [WidgetMessageView] })
  data: WidgetMessageView[];
}

export const toWidgetMessageView = (message: Message): WidgetMessageView => ({
  id: message.id,
  direction: message.direction,
  senderType: message.senderType,
  contentType: message.contentType,
  text: message.text,
  motion: message.motion,
  createdAt: message.createdAt.toISOString(),
});
