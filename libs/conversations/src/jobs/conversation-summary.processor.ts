import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { SummarizeConversationCommand } from '../commands/summarize-conversation/summarize-conversation.command';
import { SummaryJob } from './summary-job';

@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.CONVERSATION_SUMMARY)
export class ConversationSummaryProcessor implements JobHandler<SummaryJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<SummaryJob>): Promise<void> {
    await this.commandBus.execute(new SummarizeConversationCommand(jobContext(job), job.data.payload.conversationId, job.data.payload.messageCount));
  }
}
