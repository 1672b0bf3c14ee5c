import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { BrandView, toBrandView } from '../../commands/brand.view';
import { load } from '../../commands/catalog-store';
import { Brand } from '../../domain/brand.entity';
import { GetBrandQuery } from './get-brand.query';

@QueryHandler(GetBrandQuery)
export class GetBrandHandler extends TenantQueryHandler<GetBrandQuery, BrandView> {
  protected async handle(query: GetBrandQuery, tx: TenantTx): Promise<BrandView> {
    return toBrandView(await load(tx, Brand, query.brandId));
  }
}
