import { Body, Controller, Get, Headers, Patch, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CheckPolicies, CurrentContext, etagOf, TenantContext, versionFromIfMatch } from '@saler/platform';
import { BotSettingsView } from '../commands/bot-settings.view';
import { UpdateBotSettingsCommand } from '../commands/update-bot-settings/update-bot-settings.command';
import { UpdateBotSettingsRequest } from '../commands/update-bot-settings/update-bot-settings.request';
import { GetBotSettingsQuery } from '../queries/get-bot-settings/get-bot-settings.query';
import { ETAG_HEADER, IF_MATCH_HEADER } from './etag-headers';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('bot-settings')
export class BotSettingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'BotSettings'))
  @ApiOkResponse({ type: BotSettingsView, headers: ETAG_HEADER })
  async get(@CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<BotSettingsView> {
    const settings = await this.queryBus.execute(new GetBotSettingsQuery(context));
    void reply.header('ETag', etagOf(settings.version));
    return settings;
  }

  @Patch()
  @CheckPolicies((ability) => ability.can('update', 'BotSettings'))
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: BotSettingsView, headers: ETAG_HEADER })
  async update(
    @Body() body: UpdateBotSettingsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BotSettingsView> {
    const settings = await this.commandBus.execute(new UpdateBotSettingsCommand(context, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(settings.version));
    return settings;
  }
}
