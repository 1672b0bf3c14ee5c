import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { AuditLogPage } from '../queries/list-audit-logs/audit-log.view';
import { ListAuditLogsQuery } from '../queries/list-audit-logs/list-audit-logs.query';
import { ListAuditLogsRequest } from '../queries/list-audit-logs/list-audit-logs.request';
import { AuditChainVerdict, VerifyAuditChainQuery } from '../queries/verify-audit-chain/verify-audit-chain.query';

@ApiTags('audit')
@ApiBearerAuth()
@CheckPolicies((ability) => ability.can('read', 'AuditLog'))
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPage })
  list(@Query() request: ListAuditLogsRequest, @CurrentContext() context: TenantContext): Promise<AuditLogPage> {
    const { limit, cursor, from, to, ...filters } = request;
    return this.queryBus.execute(
      new ListAuditLogsQuery(context, { ...filters, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, limit ?? DEFAULT_PAGE_SIZE, cursor),
    );
  }

  @Get('verify')
  @ApiOkResponse({ type: AuditChainVerdict })
  verify(@CurrentContext() context: TenantContext): Promise<AuditChainVerdict> {
    return this.queryBus.execute(new VerifyAuditChainQuery(context));
  }
}
