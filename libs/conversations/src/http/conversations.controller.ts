import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { callerOf, CheckPolicies, CurrentContext, CurrentPrincipal, DEFAULT_PAGE_SIZE, etagOf, Principal, TenantContext, versionFromIfMatch } from '@saler/platform';
import { ConversationPage, ConversationView, MessagePage, MessageView } from '../commands/conversation.view';
import { SendAgentReplyCommand } from '../commands/send-agent-reply/send-agent-reply.command';
import { SendAgentReplyRequest } from '../commands/send-agent-reply/send-agent-reply.request';
import { UpdateConversationCommand } from '../commands/update-conversation/update-conversation.command';
import { UpdateConversationRequest } from '../commands/update-conversation/update-conversation.request';
import { GetConversationQuery } from '../queries/get-conversation/get-conversation.query';
import { ListConversationsQuery } from '../queries/list-conversations/list-conversations.query';
import { ListConversationsRequest } from '../queries/list-conversations/list-conversations.request';
import { ListMessagesQuery } from '../queries/list-messages/list-messages.query';
import { ListMessagesRequest } from '../queries/list-messages/list-messages.request';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Conversation'))
  @ApiOkResponse({ type: ConversationPage })
  list(@Query() request: ListConversationsRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<ConversationPage> {
    const { status, channelId, botEnabled, q } = request;
    const assigneeId = request.assigneeId === 'me' ? principal.userId : request.assigneeId === 'unassigned' ? null : request.assigneeId;
    return this.queryBus.execute(new ListConversationsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { status, channelId, assigneeId, botEnabled, q }));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Conversation'))
  @ApiOkResponse({ type: ConversationView })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConversationView> {
    const conversation = await this.queryBus.execute(new GetConversationQuery(context, id));
    void reply.header('ETag', etagOf(conversation.version));
    return conversation;
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Conversation'))
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' })
  @ApiOkResponse({ type: ConversationView })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateConversationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConversationView> {
    const conversation = await this.commandBus.execute(new UpdateConversationCommand(context, callerOf(principal), id, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(conversation.version));
    return conversation;
  }

  @Get(':id/messages')
  @CheckPolicies((ability) => ability.can('read', 'Conversation'))
  @ApiOkResponse({ type: MessagePage })
  messages(@Param('id', new ParseUUIDPipe()) id: string, @Query() request: ListMessagesRequest, @CurrentContext() context: TenantContext): Promise<MessagePage> {
    return this.queryBus.execute(new ListMessagesQuery(context, id, request.order ?? 'asc', { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }));
  }

  @Post(':id/messages')
  @CheckPolicies((ability) => ability.can('update', 'Conversation'))
  @ApiCreatedResponse({ type: MessageView, description: 'The reply, queued for delivery; the bot is off in this conversation from now on' })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SendAgentReplyRequest,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MessageView> {
    return this.commandBus.execute(new SendAgentReplyCommand(context, callerOf(principal), id, body.text));
  }
}
