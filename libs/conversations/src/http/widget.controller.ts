import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProblemException, Public, SYSTEM_ACTOR, TenantContext } from '@saler/platform';
import { PostWidgetMessageCommand } from '../commands/post-widget-message/post-widget-message.command';
import { PostWidgetMessageRequest } from '../commands/post-widget-message/post-widget-message.request';
import { WidgetMessageList, WidgetMessageView } from '../commands/widget-message.view';
import { ListWidgetMessagesRequest } from '../queries/list-widget-messages/list-widget-messages.request';
import { ListWidgetMessagesQuery } from '../queries/list-widget-messages/list-widget-messages.query';
import { WidgetChannels } from './widget-channels';

/**
 * The web chat widget: public, by the channel's public key; browsers may call it only from the
 * channel's allowed origins (CORS, and a request with another Origin is refused outright).
 */
@ApiTags('widget')
@Public()
@Controller('widget/:publicKey/messages')
export class WidgetController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly widgets: WidgetChannels,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: WidgetMessageView })
  async post(
    @Param('publicKey') publicKey: string,
    @Body() body: PostWidgetMessageRequest,
    @Headers('origin') origin: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<WidgetMessageView> {
    const { context, channelId } = await this.resolve(publicKey, origin, request);
    return this.commandBus.execute(new PostWidgetMessageCommand(context, channelId, body));
  }

  @Get()
  @ApiOkResponse({ type: WidgetMessageList })
  async list(
    @Param('publicKey') publicKey: string,
    @Query() query: ListWidgetMessagesRequest,
    @Headers('origin') origin: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<WidgetMessageList> {
    const { context, channelId } = await this.resolve(publicKey, origin, request);
    return this.queryBus.execute(new ListWidgetMessagesQuery(context, channelId, query.visitorId, query.after, query.limit ?? 50));
  }

  private async resolve(publicKey: string, origin: string | undefined, request: FastifyRequest): Promise<{ context: TenantContext; channelId: string }> {
    const widget = await this.widgets.byPublicKey(publicKey, request.id);
    if (widget === null) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such widget');
    if (origin !== undefined && !widget.allowedOrigins.includes(origin.toLowerCase())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'origin-not-allowed', `The origin ${origin} is not allowed for this widget`);
    }
    return { context: { tenantId: widget.tenantId, actor: SYSTEM_ACTOR, requestId: request.id }, channelId: widget.channelId };
  }
}
