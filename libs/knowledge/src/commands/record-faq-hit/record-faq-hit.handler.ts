import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Faq } from '../../domain/faq.entity';
import { RecordFaqHitCommand } from './record-faq-hit.command';

/** One UPDATE that adds in SQL, so concurrent hits all count; an FAQ deleted meanwhile is simply not counted. */
@CommandHandler(RecordFaqHitCommand)
export class RecordFaqHitHandler extends TenantCommandHandler<RecordFaqHitCommand, void> {
  protected async handle(command: RecordFaqHitCommand, tx: TenantTx): Promise<void> {
    await tx.repository(Faq).update({ id: command.faqId }, { hitCount: () => 'hit_count + 1' });
  }
}
