import { CommandHandler } from '@nestjs/cqrs';
import { newId, SYSTEM_ACTOR, TenantCommandHandler, TenantTx } from '@saler/platform';
import { questionKey } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { faqAudit } from '../faq.view';
import { SuggestFaqCommand, SuggestFaqResult } from './suggest-faq.command';

/** The lengths of the faqs columns: a long chat message is cut rather than refused. */
const MAX_QUESTION = 500;
const MAX_ANSWER = 4000;

@CommandHandler(SuggestFaqCommand)
export class SuggestFaqHandler extends TenantCommandHandler<SuggestFaqCommand, SuggestFaqResult> {
  protected async handle(command: SuggestFaqCommand, tx: TenantTx): Promise<SuggestFaqResult> {
    const question = command.input.question.trim().slice(0, MAX_QUESTION);
    const key = questionKey(question);
    if (key === '') return { created: false, faqId: null };
    const existing = await tx.repository(Faq).findOne({ questionKey: key });
    if (existing !== null) return { created: false, faqId: existing.id };
    const now = new Date();
    const faq: Faq = {
      tenantId: tx.tenantId,
      id: newId(),
      question,
      questionKey: key,
      answer: command.input.answer.trim().slice(0, MAX_ANSWER),
      category: null,
      locale: command.input.locale,
      status: 'suggested',
      hitCount: 0,
      learned: true,
      createdAt: now,
      updatedAt: now,
    };
    await tx.repository(Faq).insert(faq);
    tx.audit({ action: 'faq.suggested', entityType: 'faq', entityId: faq.id, after: faqAudit(faq), actor: SYSTEM_ACTOR });
    return { created: true, faqId: faq.id };
  }
}
