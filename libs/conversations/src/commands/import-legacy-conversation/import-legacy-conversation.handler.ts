import { HttpStatus } from '@nestjs/common';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { newId, ProblemException, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { InboundEvent } from '../../domain/inbound-event.entity';
import { Message } from '../../domain/message.entity';
import { loadChannel } from '../channel-store';
import { newMessage } from '../message-factory';
import { countMessage, findOrOpenConversation } from '../conversation-store';
import { ImportedConversation, ImportLegacyConversationCommand, LegacyTurn } from './import-legacy-conversation.command';
import { legacySession } from './legacy-session';

/** A past turn as a message: the customer's inbound; the bot's outbound and already `sent` (history is never delivered again). */
function historicalMessage(tenantId: string, conversation: Conversation, turn: LegacyTurn, at: Date): Message {
  const inbound = turn.role === 'user';
  return newMessage(tenantId, conversation, {
    direction: inbound ? 'inbound' : 'outbound',
    senderType: inbound ? 'contact' : 'bot',
    senderId: inbound ? conversation.contactId : null,
    contentType: 'text',
    text: turn.text,
    deliveryStatus: inbound ? null : 'sent',
    deliveryUpdatedAt: inbound ? null : at,
    createdAt: at,
  });
}

/**
 * Stores a legacy session's turns in the conversation of its thread (opening it, with the contact
 * and lead, the first time). Each turn is taken once, by its index, through the inbound events, so
 * a re-run stores only turns added since. The history has no times: turn n is stored at the import
 * time + n ms, which keeps its order. Nothing is published for the messages: the bot must not
 * answer history, and the bot's turns are not sent again.
 */
@CommandHandler(ImportLegacyConversationCommand)
export class ImportLegacyConversationHandler extends TenantCommandHandler<ImportLegacyConversationCommand, ImportedConversation> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: ImportLegacyConversationCommand, tx: TenantTx): Promise<ImportedConversation> {
    const { channelId, sessionId, userName, userPicture, turns } = command.input;
    const session = legacySession(sessionId);
    const channel = await loadChannel(tx, channelId);
    if (channel.type !== session.channelType) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'channel-mismatch', `Session ${sessionId} is a ${session.channelType} conversation; the channel is a ${channel.type} channel`);
    }
    const at = new Date();
    const sender = { platformUserId: session.platformUserId, name: userName ?? undefined, avatarUrl: userPicture ?? undefined };
    const { conversation, created } = await findOrOpenConversation(tx, this.commandBus, channel, session.platformUserId, sender, at);
    const messages: Message[] = [];
    for (const [index, turn] of turns.entries()) {
      const first = await tx.repository(InboundEvent).insertIfAbsent({ id: newId(), channelId, eventKey: `reg01:${sessionId}:${index}`, receivedAt: at });
      if (first) messages.push(historicalMessage(tx.tenantId, conversation, turn, new Date(at.getTime() + index)));
    }
    await tx.repository(Message).insertBulk(messages);
    for (const message of messages) await countMessage(tx, conversation, message.createdAt, message.direction === 'inbound');
    if (messages.length > 0) {
      tx.audit({ action: 'conversation.history_imported', entityType: 'conversation', entityId: conversation.id, after: { sessionId, messagesImported: messages.length } });
    }
    return { conversationId: conversation.id, created, messagesImported: messages.length };
  }
}
