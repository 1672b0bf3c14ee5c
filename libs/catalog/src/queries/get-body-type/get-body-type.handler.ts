import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { BodyTypeView, toBodyTypeView } from '../../commands/body-type.view';
import { load } from '../../commands/catalog-store';
import { BodyType } from '../../domain/body-type.entity';
import { GetBodyTypeQuery } from './get-body-type.query';

@QueryHandler(GetBodyTypeQuery)
export class GetBodyTypeHandler extends TenantQueryHandler<GetBodyTypeQuery, BodyTypeView> {
  protected async handle(query: GetBodyTypeQuery, tx: TenantTx): Promise<BodyTypeView> {
    return toBodyTypeView(await load(tx, BodyType, query.bodyTypeId));
  }
}
