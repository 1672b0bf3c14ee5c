import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentContext, DEFAULT_PAGE_SIZE, PageRequest, PlatformAdminOnly, TenantContext } from '@saler/platform';
import { SetTenantStatusCommand, TenantStatusView } from '../commands/set-tenant-status/set-tenant-status.command';
import { TenantStatus } from '../domain/tenant.entity';
import { AdminTenantPage, ListTenantsQuery } from '../queries/list-tenants/list-tenants.query';

@ApiTags('platform admin')
@ApiBearerAuth()
@PlatformAdminOnly()
@Controller('admin/tenants')
export class AdminTenantsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: AdminTenantPage })
  list(@Query() page: PageRequest): Promise<AdminTenantPage> {
    return this.queryBus.execute(new ListTenantsQuery(page.limit ?? DEFAULT_PAGE_SIZE, page.cursor));
  }

  @Post(':id/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TenantStatusView, description: 'Members get 403 within 5 seconds' })
  suspend(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext) {
    return this.setStatus(id, 'suspended', context);
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TenantStatusView })
  resume(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext) {
    return this.setStatus(id, 'active', context);
  }

  /** The change is made and audited inside the target tenant, by the platform admin. */
  private setStatus(tenantId: string, status: TenantStatus, context: TenantContext): Promise<TenantStatusView> {
    return this.commandBus.execute(new SetTenantStatusCommand({ ...context, tenantId }, status));
  }
}
