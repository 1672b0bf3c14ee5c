import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES, ScheduledJob } from '@saler/platform';
import { SweepIdleConversationsCommand } from '../commands/sweep-idle-conversations/sweep-idle-conversations.command';
import { SummarizeConversationCommand, SummaryJob } from '../commands/summarize-conversation/summarize-conversation.command';

/** A conversation quiet since its messageCount-th message gets its summary. */
@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.CONVERSATION_SUMMARY)
export class ConversationSummaryProcessor implements JobHandler<SummaryJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<SummaryJob>): Promise<void> {
    await this.commandBus.execute(new SummarizeConversationCommand(jobContext(job), job.data.payload.conversationId, job.data.payload.messageCount));
  }
}

/** Every 15 s: summary jobs for the conversations that have gone quiet (CONVERSATION_SUMMARY_IDLE_MS). */
@Injectable()
@ScheduledJob(QUEUES.CONVERSATIONS, JOBS.SUMMARY_SWEEP, 15_000)
export class IdleConversationsSweepProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new SweepIdleConversationsCommand(new Date(), job.data.requestId));
  }
}
