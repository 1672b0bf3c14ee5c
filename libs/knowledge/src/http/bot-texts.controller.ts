import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CheckPolicies, CurrentContext, etagOf, TenantContext, versionFromIfMatch } from '@saler/platform';
import { BotTextList, BotTextView } from '../commands/bot-text.view';
import { BotTextAddress } from '../commands/put-bot-text/bot-text-address.request';
import { PutBotTextCommand } from '../commands/put-bot-text/put-bot-text.command';
import { PutBotTextRequest } from '../commands/put-bot-text/put-bot-text.request';
import { GetBotTextQuery } from '../queries/get-bot-text/get-bot-text.query';
import { ListBotTextsQuery } from '../queries/list-bot-texts/list-bot-texts.query';
import { ListBotTextsRequest } from '../queries/list-bot-texts/list-bot-texts.request';
import { ETAG_HEADER, IF_MATCH_HEADER } from './etag-headers';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('bot-texts')
export class BotTextsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'BotText'))
  @ApiOkResponse({ type: BotTextList })
  list(@Query() request: ListBotTextsRequest, @CurrentContext() context: TenantContext): Promise<BotTextList> {
    return this.queryBus.execute(new ListBotTextsQuery(context, request.locale));
  }

  @Get(':key/:locale')
  @CheckPolicies((ability) => ability.can('read', 'BotText'))
  @ApiOkResponse({ type: BotTextView, headers: ETAG_HEADER })
  async get(@Param() address: BotTextAddress, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<BotTextView> {
    const text = await this.queryBus.execute(new GetBotTextQuery(context, address.key, address.locale));
    void reply.header('ETag', etagOf(text.version));
    return text;
  }

  @Put(':key/:locale')
  @CheckPolicies((ability) => ability.can('update', 'BotText'))
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: BotTextView, headers: ETAG_HEADER, description: 'The text, created or replaced' })
  async put(
    @Param() address: BotTextAddress,
    @Body() body: PutBotTextRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BotTextView> {
    const text = await this.commandBus.execute(new PutBotTextCommand(context, address.key, address.locale, body.text, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(text.version));
    return text;
  }
}
