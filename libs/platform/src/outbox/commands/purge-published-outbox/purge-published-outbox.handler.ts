import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemUnitOfWork } from '../../../database/system-unit-of-work';
import { OutboxMessage } from '../../outbox-message.entity';
import { PurgePublishedOutboxCommand } from './purge-published-outbox.command';

const BATCH = 5000;

@CommandHandler(PurgePublishedOutboxCommand)
export class PurgePublishedOutboxHandler implements ICommandHandler<PurgePublishedOutboxCommand, number> {
  constructor(private readonly system: SystemUnitOfWork) {}

  async execute(command: PurgePublishedOutboxCommand): Promise<number> {
    let total = 0;
    for (;;) {
      // One short transaction per batch, so the purge never holds locks for long.
      const deleted = await this.system.run(async (manager) => {
        const repository = manager.getRepository(OutboxMessage);
        const batch = await repository
          .createQueryBuilder('outbox')
          .select(['outbox.tenantId', 'outbox.id'])
          .where('outbox.publishedAt < :before', { before: command.before })
          .limit(BATCH)
          .getMany();
        if (batch.length === 0) return 0;
        await repository.delete(batch.map(({ tenantId, id }) => ({ tenantId, id })));
        return batch.length;
      });
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
