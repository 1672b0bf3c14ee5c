import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { ApiKeyView, toApiKeyView } from '../../commands/api-key.view';
import { ApiKey } from '../../domain/api-key.entity';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler extends TenantQueryHandler<ListApiKeysQuery, ApiKeyView[]> {
  protected async handle(_query: ListApiKeysQuery, tx: TenantTx): Promise<ApiKeyView[]> {
    return (await tx.repository(ApiKey).find({ order: { id: 'DESC' }, take: 500 })).map(toApiKeyView);
  }
}
