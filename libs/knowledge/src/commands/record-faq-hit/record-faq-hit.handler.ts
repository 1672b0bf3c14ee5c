import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Faq } from '../../domain/faq.entity';
import { RecordFaqHitCommand } from './record-faq-hit.command';

/** One UPDATE that adds in SQL, so concurrent hits all count; an FAQ deleted meanwhile is simply not counted. */
@CommandHandler(RecordFaqHitCommand)
export class RecordFaqHitHandler extends TenantCommandHandler<RecordFaqHitCommand, void> {
  protected async handle(command: RecordFaqHitCommand, tx: TenantTx): Promise<void> {
    if (!Number.isSafeInteger(command.hits) || command.hits < 1) throw new Error(`An FAQ hit count must be a positive integer, got ${command.hits}`);
    await tx.repository(Faq).update({ id: command.faqId }, { hitCount: () => `hit_count + ${command.hits}` });
  }
}
