import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RunBotCommand } from '../commands/run-bot/run-bot.command';
import { BotReplyJob } from './bot-reply.route';

/**
 * Takes a job's turns at once (the bot decides a tenant's concurrent turns together), each in the
 * context of the request that stored its message. A failed turn fails the job once the others are
 * done (several: an AggregateError, each logged): its retry takes them all again, and the bot skips
 * those it has answered.
 */
@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.BOT_REPLY)
export class BotReplyProcessor implements JobHandler<BotReplyJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<BotReplyJob>): Promise<void> {
    const { tenantId } = jobContext(job);
    const { turns } = job.data.payload;
    const outcomes = await Promise.allSettled(turns.map(({ messageId, newConversation, actor, requestId }) => this.commandBus.execute(new RunBotCommand({ tenantId, actor, requestId }, messageId, newConversation))));
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} of ${turns.length} bot turns failed`);
  }
}
