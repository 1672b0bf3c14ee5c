import { CommandHandler } from '@nestjs/cqrs';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { questionKey } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { loadFaq } from '../faq-store';
import { faqAudit, FaqView, toFaqView } from '../faq.view';
import { UpdateFaqCommand } from './update-faq.command';

@CommandHandler(UpdateFaqCommand)
export class UpdateFaqHandler extends TenantCommandHandler<UpdateFaqCommand, FaqView> {
  protected async handle(command: UpdateFaqCommand, tx: TenantTx): Promise<FaqView> {
    const { changes } = command;
    refuseNulls(changes, ['question', 'answer', 'status']);
    const before = await loadFaq(tx, command.faqId);
    const question = changes.question ?? before.question;
    const after: Faq = {
      ...before,
      question,
      questionKey: questionKey(question),
      answer: changes.answer ?? before.answer,
      category: changes.category !== undefined ? changes.category || null : before.category,
      locale: changes.locale !== undefined ? changes.locale : before.locale,
      status: changes.status ?? before.status,
      updatedAt: new Date(),
    };
    await tx.repository(Faq).update(
      { id: before.id },
      { question, questionKey: after.questionKey, answer: after.answer, category: after.category, locale: after.locale, status: after.status, updatedAt: after.updatedAt },
    );
    tx.audit({ action: 'faq.updated', entityType: 'faq', entityId: before.id, before: faqAudit(before), after: faqAudit(after) });
    return toFaqView(after);
  }
}
