import { Body, Controller, Get, Headers, Patch, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CheckPolicies, CurrentContext, etagOf, TenantContext, versionFromIfMatch } from '@saler/platform';
import { UpdateTenantCommand } from '../commands/update-tenant/update-tenant.command';
import { UpdateTenantRequest } from '../commands/update-tenant/update-tenant.request';
import { GetTenantQuery } from '../queries/get-tenant/get-tenant.query';
import { TenantView } from '../queries/get-tenant/tenant.view';

@ApiTags('tenant')
@ApiBearerAuth()
@Controller('tenant')
export class TenantController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Tenant'))
  @ApiOkResponse({ type: TenantView, headers: { ETag: { description: 'The version, for If-Match', schema: { type: 'string' } } } })
  async get(@CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<TenantView> {
    const tenant = await this.queryBus.execute(new GetTenantQuery(context));
    void reply.header('ETag', etagOf(tenant.version));
    return tenant;
  }

  @Patch()
  @CheckPolicies((ability) => ability.can('update', 'Tenant'))
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' })
  @ApiOkResponse({ type: TenantView })
  async update(
    @Body() body: UpdateTenantRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenantView> {
    const tenant = await this.commandBus.execute(new UpdateTenantCommand(context, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(tenant.version));
    return tenant;
  }
}
