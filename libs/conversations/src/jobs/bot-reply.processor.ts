import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RunBotCommand } from '../commands/run-bot/run-bot.command';
import { BotReplyJob } from './bot-reply.route';

@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.BOT_REPLY)
export class BotReplyProcessor implements JobHandler<BotReplyJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<BotReplyJob>): Promise<void> {
    await this.commandBus.execute(new RunBotCommand(jobContext(job), job.data.payload.messageId, job.data.payload.newConversation));
  }
}
