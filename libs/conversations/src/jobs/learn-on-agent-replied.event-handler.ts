import { Injectable } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { LearnFromAgentReplyCommand } from '../commands/learn-from-agent-reply/learn-from-agent-reply.command';
import { AgentReplied } from '../events/agent-replied.event';

/** After an agent's reply is committed: learning (a suggested FAQ when the bot had no answer). */
@Injectable()
@EventsHandler(AgentReplied)
export class LearnOnAgentReplied implements IEventHandler<AgentReplied> {
  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: AgentReplied): Promise<void> {
    if (event.payload.replyToId === null) return;
    await this.commandBus.execute(new LearnFromAgentReplyCommand(event.context, event.payload.messageId, event.payload.replyToId));
  }
}
