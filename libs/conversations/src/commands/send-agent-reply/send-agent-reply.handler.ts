import { CommandHandler } from '@nestjs/cqrs';
import { abilityOf, assertCan, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Channel } from '../../domain/channel.entity';
import { Conversation } from '../../domain/conversation.entity';
import { notFound } from '../../domain/conversation-problems';
import { Message } from '../../domain/message.entity';
import { AgentReplied } from '../../events/agent-replied.event';
import { holdConversation } from '../conversation-holds';
import { MessageView, toMessageView } from '../conversation.view';
import { storeReply } from '../reply-store';
import { SendAgentReplyCommand } from './send-agent-reply.command';

/**
 * The hand-off: an agent's reply turns the bot off for this conversation, claims it when nobody had
 * it, records the first response time once, and queues delivery to the platform.
 */
@CommandHandler(SendAgentReplyCommand)
export class SendAgentReplyHandler extends TenantCommandHandler<SendAgentReplyCommand, MessageView> {
  protected async handle(command: SendAgentReplyCommand, tx: TenantTx): Promise<MessageView> {
    // Held: a bot turn in flight on it ends first, and no later one answers after this hand-off.
    await holdConversation(tx, command.conversationId);
    const conversation = await tx.repository(Conversation).lockOne({ id: command.conversationId });
    if (conversation === null) throw notFound('conversation');
    assertCan(abilityOf(tx, command.caller), 'update', 'Conversation', { assigneeId: conversation.assigneeId });
    const channel = (await tx.repository(Channel).findOne({ id: conversation.channelId })) as Channel;
    const [question] = await tx.repository(Message).find({ where: { conversationId: conversation.id, direction: 'inbound' }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    const now = new Date();
    const message = await storeReply(tx, conversation, channel.type === 'web', { senderType: 'agent', senderId: command.caller.userId, text: command.text, replyTo: question ?? null }, now);
    await tx.repository(Conversation).update(
      { id: conversation.id },
      {
        botEnabled: false,
        assigneeId: conversation.assigneeId ?? command.caller.userId,
        version: () => 'version + 1',
        updatedAt: now,
        ...(conversation.firstResponseAt === null ? { firstResponseAt: now, firstResponseMs: now.getTime() - conversation.createdAt.getTime() } : {}),
      },
    );
    tx.publish(new AgentReplied(tx.context, { conversationId: conversation.id, messageId: message.id, replyToId: question?.id ?? null }));
    return toMessageView(message);
  }
}
