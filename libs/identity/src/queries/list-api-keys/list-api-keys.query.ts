import { TenantQuery } from '@saler/platform';
import { ApiKeyView } from '../../commands/api-key.view';

/** Every key of the tenant, newest first; never the secret. */
export class ListApiKeysQuery extends TenantQuery<ApiKeyView[]> {}
