import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, CurrentPrincipal, Principal, TenantContext } from '@saler/platform';
import { ApiKeyCreated, ApiKeyView } from '../commands/api-key.view';
import { CreateApiKeyCommand } from '../commands/create-api-key/create-api-key.command';
import { CreateApiKeyRequest } from '../commands/create-api-key/create-api-key.request';
import { RevokeApiKeyCommand } from '../commands/revoke-api-key/revoke-api-key.command';
import { Role } from '../domain/role';
import { ListApiKeysQuery } from '../queries/list-api-keys/list-api-keys.query';

@ApiTags('api keys')
@ApiBearerAuth()
@CheckPolicies((ability) => ability.can('manage', 'ApiKey'))
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ApiKeyCreated })
  create(@Body() body: CreateApiKeyRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<ApiKeyCreated> {
    return this.commandBus.execute(new CreateApiKeyCommand(context, principal.role as Role, body.name, body.role, body.expiresAt ? new Date(body.expiresAt) : undefined));
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyView] })
  list(@CurrentContext() context: TenantContext): Promise<ApiKeyView[]> {
    return this.queryBus.execute(new ListApiKeysQuery(context));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working at once' })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new RevokeApiKeyCommand(context, id));
  }
}
