import { ChannelRoute } from './domain/channel-route.entity';
import { Channel } from './domain/channel.entity';
import { Conversation } from './domain/conversation.entity';
import { InboundEvent } from './domain/inbound-event.entity';
import { Message } from './domain/message.entity';

export const CONVERSATIONS_ENTITIES: Function[] = [Channel, ChannelRoute, Conversation, Message, InboundEvent];
