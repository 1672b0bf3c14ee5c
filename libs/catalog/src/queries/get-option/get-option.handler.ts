import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { load } from '../../commands/catalog-store';
import { OptionView, toOptionView } from '../../commands/option.view';
import { ProductOption } from '../../domain/product-option.entity';
import { GetOptionQuery } from './get-option.query';

@QueryHandler(GetOptionQuery)
export class GetOptionHandler extends TenantQueryHandler<GetOptionQuery, OptionView> {
  protected async handle(query: GetOptionQuery, tx: TenantTx): Promise<OptionView> {
    return toOptionView(await load(tx, ProductOption, query.optionId));
  }
}
