import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { loadFaq } from '../../commands/faq-store';
import { FaqView, toFaqView } from '../../commands/faq.view';
import { GetFaqQuery } from './get-faq.query';

@QueryHandler(GetFaqQuery)
export class GetFaqHandler extends TenantQueryHandler<GetFaqQuery, FaqView> {
  protected async handle(query: GetFaqQuery, tx: TenantTx): Promise<FaqView> {
    return toFaqView(await loadFaq(tx, query.faqId));
  }
}
