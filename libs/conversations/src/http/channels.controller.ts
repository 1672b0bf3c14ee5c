import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, etagOf, PageRequest, TenantContext, versionFromIfMatch } from '@saler/platform';
import { ChannelPage, ChannelView } from '../commands/channel.view';
import { CreateChannelCommand } from '../commands/create-channel/create-channel.command';
import { CreateChannelRequest } from '../commands/create-channel/create-channel.request';
import { DeleteChannelCommand } from '../commands/delete-channel/delete-channel.command';
import { UpdateChannelCommand } from '../commands/update-channel/update-channel.command';
import { UpdateChannelRequest } from '../commands/update-channel/update-channel.request';
import { GetChannelQuery } from '../queries/get-channel/get-channel.query';
import { ListChannelsQuery } from '../queries/list-channels/list-channels.query';

/** Chat channels: admin and owner only (credentials live here). */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('manage', 'Channel'))
  @ApiOkResponse({ type: ChannelPage })
  list(@Query() request: PageRequest, @CurrentContext() context: TenantContext): Promise<ChannelPage> {
    return this.queryBus.execute(new ListChannelsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('manage', 'Channel'))
  @ApiCreatedResponse({ type: ChannelView })
  async create(@Body() body: CreateChannelRequest, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChannelView> {
    const channel = await this.commandBus.execute(new CreateChannelCommand(context, body));
    void reply.header('ETag', etagOf(channel.version));
    return channel;
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('manage', 'Channel'))
  @ApiOkResponse({ type: ChannelView })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChannelView> {
    const channel = await this.queryBus.execute(new GetChannelQuery(context, id));
    void reply.header('ETag', etagOf(channel.version));
    return channel;
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('manage', 'Channel'))
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' })
  @ApiOkResponse({ type: ChannelView })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateChannelRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChannelView> {
    const channel = await this.commandBus.execute(new UpdateChannelCommand(context, id, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(channel.version));
    return channel;
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('manage', 'Channel'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Removed: its webhooks answer 404, its conversations stay' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteChannelCommand(context, id));
  }
}
