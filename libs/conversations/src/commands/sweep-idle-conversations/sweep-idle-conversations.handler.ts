import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, JOBS, QUEUE_DRIVER, QueueDriver, QUEUES, SYSTEM_ACTOR, SystemUnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { SummaryJob } from '../summarize-conversation/summarize-conversation.command';
import { SweepIdleConversationsCommand } from './sweep-idle-conversations.command';

const BATCH = 500;

/**
 * The idle summary's trigger: one cheap cross-tenant scan (over a partial index of conversations not
 * summarised since their last message) instead of a delayed job per message. The job id carries the
 * message count, so a conversation is summarised once per quiet spell.
 */
@CommandHandler(SweepIdleConversationsCommand)
export class SweepIdleConversationsHandler implements ICommandHandler<SweepIdleConversationsCommand, number> {
  constructor(
    private readonly system: SystemUnitOfWork,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: SweepIdleConversationsCommand): Promise<number> {
    const quietSince = new Date(command.now.getTime() - this.config.conversations.summaryIdleMs);
    const idle = await this.system.run((manager) =>
      manager
        .createQueryBuilder(Conversation, 'c')
        .select(['c.tenantId', 'c.id', 'c.messageCount'])
        .where('(c.summarized_at IS NULL OR c.summarized_at < c.last_message_at)')
        .andWhere('c.last_message_at < :quietSince', { quietSince })
        .orderBy('c.last_message_at', 'ASC')
        .limit(BATCH)
        .getMany(),
    );
    await this.queue.addBulk(
      QUEUES.CONVERSATIONS,
      idle.map((conversation) => {
        const job: SummaryJob = { conversationId: conversation.id, messageCount: conversation.messageCount };
        return {
          name: JOBS.CONVERSATION_SUMMARY,
          data: { tenantId: conversation.tenantId, actor: SYSTEM_ACTOR, requestId: command.requestId, payload: job },
          opts: { jobId: `summary.${conversation.id}.${conversation.messageCount}` },
        };
      }),
    );
    return idle.length;
  }
}
