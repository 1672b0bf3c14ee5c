import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { Message } from '../../domain/message.entity';
import { loadChannel } from '../channel-store';
import { ingestInbound } from '../ingest-inbound';
import { toWidgetMessageView, WidgetMessageView } from '../widget-message.view';
import { PostWidgetMessageCommand } from './post-widget-message.command';

@CommandHandler(PostWidgetMessageCommand)
export class PostWidgetMessageHandler extends TenantCommandHandler<PostWidgetMessageCommand, WidgetMessageView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: PostWidgetMessageCommand, tx: TenantTx): Promise<WidgetMessageView> {
    const { visitorId, text, name, clientMessageId } = command.input;
    const channel = await loadChannel(tx, command.channelId);
    const platformMessageId = `web:${visitorId}:${clientMessageId ?? newId()}`;
    await ingestInbound(tx, this.commandBus, channel, [
      {
        kind: 'message',
        eventKey: platformMessageId,
        threadId: visitorId,
        sender: { platformUserId: visitorId, name },
        platformMessageId,
        contentType: 'text',
        text,
        attachments: [],
        sentAt: null,
      },
    ]);
    // A replayed clientMessageId (the id is per visitor) answers with the message stored the first time.
    const stored = (await tx.repository(Message).findOne({ channelId: channel.id, platformMessageId })) as Message;
    return toWidgetMessageView(stored);
  }
}
