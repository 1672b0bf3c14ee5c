import { TenantQuery } from '@saler/platform';
import { TenantView } from './tenant.view';

export class GetTenantQuery extends TenantQuery<TenantView> {}
