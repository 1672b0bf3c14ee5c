import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Faq } from '../../domain/faq.entity';
import { loadFaq } from '../faq-store';
import { faqAudit } from '../faq.view';
import { DeleteFaqCommand } from './delete-faq.command';

@CommandHandler(DeleteFaqCommand)
export class DeleteFaqHandler extends TenantCommandHandler<DeleteFaqCommand, void> {
  protected async handle(command: DeleteFaqCommand, tx: TenantTx): Promise<void> {
    const faq = await loadFaq(tx, command.faqId);
    await tx.repository(Faq).delete({ id: faq.id });
    tx.audit({ action: 'faq.deleted', entityType: 'faq', entityId: faq.id, before: faqAudit(faq) });
  }
}
