import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemUnitOfWork } from '../../../database/system-unit-of-work';
import { IdempotencyKey } from '../../idempotency-key.entity';
import { PurgeExpiredIdempotencyKeysCommand } from './purge-expired-idempotency-keys.command';

const BATCH = 5000;

@CommandHandler(PurgeExpiredIdempotencyKeysCommand)
export class PurgeExpiredIdempotencyKeysHandler implements ICommandHandler<PurgeExpiredIdempotencyKeysCommand, number> {
  constructor(private readonly system: SystemUnitOfWork) {}

  async execute(command: PurgeExpiredIdempotencyKeysCommand): Promise<number> {
    let total = 0;
    for (;;) {
      // One short transaction per batch, so the purge never holds locks for long.
      const deleted = await this.system.run(async (manager) => {
        const batch = await manager
          .createQueryBuilder(IdempotencyKey, 'key')
          .select(['key.tenantId', 'key.id'])
          .where('key.expiresAt < :before', { before: command.before })
          .limit(BATCH)
          .getMany();
        if (batch.length === 0) return 0;
        await manager.delete(
          IdempotencyKey,
          batch.map(({ tenantId, id }) => ({ tenantId, id })),
        );
        return batch.length;
      });
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
