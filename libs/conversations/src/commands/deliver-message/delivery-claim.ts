import { CredentialCipher } from '@saler/platform';
import { Channel } from '../../domain/channel.entity';
import { Conversation } from '../../domain/conversation.entity';
import { Message } from '../../domain/message.entity';
import { openCredentials } from '../channel-store';
import { DeliveryClaim } from './deliver-message.command';

/** What a message's attempt sends, read from the message, its conversation and channel; a string when it cannot be sent at all. */
export function deliveryClaim(cipher: CredentialCipher, message: Message, conversation: Conversation, channel: Channel): DeliveryClaim | string {
  if (channel.deletedAt !== null) return 'The channel was removed';
  // Widget replies are stored as sent (read by polling) and never queued.
  if (channel.type === 'web') throw new Error(`Message ${message.id} of web channel ${channel.id} was queued for delivery`);
  return {
    channelType: channel.type,
    credentials: openCredentials(cipher, channel),
    settings: channel.settings,
    threadId: conversation.threadId,
    replyToken: message.deliveryPartsSent === 0 ? (message.replyToken ?? undefined) : undefined,
    lastInboundAt: conversation.lastInboundAt,
    text: message.text ?? '',
    fromAgent: message.senderType === 'agent',
    partsSent: message.deliveryPartsSent,
  };
}
