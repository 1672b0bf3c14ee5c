import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { questionKey } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { faqAudit, FaqView, toFaqView } from '../faq.view';
import { CreateFaqCommand } from './create-faq.command';

@CommandHandler(CreateFaqCommand)
export class CreateFaqHandler extends TenantCommandHandler<CreateFaqCommand, FaqView> {
  protected async handle(command: CreateFaqCommand, tx: TenantTx): Promise<FaqView> {
    const { input } = command;
    const now = new Date();
    const faq: Faq = {
      tenantId: tx.tenantId,
      id: newId(),
      question: input.question,
      questionKey: questionKey(input.question),
      answer: input.answer,
      category: input.category || null,
      locale: input.locale ?? null,
      status: input.status ?? 'active',
      hitCount: 0,
      learned: false,
      createdAt: now,
      updatedAt: now,
    };
    await tx.repository(Faq).insert(faq);
    tx.audit({ action: 'faq.created', entityType: 'faq', entityId: faq.id, after: faqAudit(faq) });
    return toFaqView(faq);
  }
}
