import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { CreateFaqCommand } from '../commands/create-faq/create-faq.command';
import { CreateFaqRequest } from '../commands/create-faq/create-faq.request';
import { DeleteFaqCommand } from '../commands/delete-faq/delete-faq.command';
import { FaqPage, FaqView } from '../commands/faq.view';
import { UpdateFaqCommand } from '../commands/update-faq/update-faq.command';
import { UpdateFaqRequest } from '../commands/update-faq/update-faq.request';
import { GetFaqQuery } from '../queries/get-faq/get-faq.query';
import { ListFaqsQuery } from '../queries/list-faqs/list-faqs.query';
import { ListFaqsRequest } from '../queries/list-faqs/list-faqs.request';
import { FaqMatchResult } from '../queries/match-faqs/faq-match.view';
import { MatchFaqsQuery } from '../queries/match-faqs/match-faqs.query';
import { MatchFaqsRequest } from '../queries/match-faqs/match-faqs.request';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('faqs')
export class FaqsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Faq'))
  @ApiOkResponse({ type: FaqPage })
  list(@Query() request: ListFaqsRequest, @CurrentContext() context: TenantContext): Promise<FaqPage> {
    const { status, category, locale, q } = request;
    return this.queryBus.execute(new ListFaqsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { status, category, locale, q }));
  }

  @Get('match')
  @CheckPolicies((ability) => ability.can('read', 'Faq'))
  @ApiOkResponse({ type: FaqMatchResult, description: 'The active FAQs most like the query, best first, with scores from 0 to 1' })
  match(@Query() request: MatchFaqsRequest, @CurrentContext() context: TenantContext): Promise<FaqMatchResult> {
    return this.queryBus.execute(new MatchFaqsQuery(context, request.q, request.locale, request.limit));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Faq'))
  @ApiCreatedResponse({ type: FaqView })
  create(@Body() body: CreateFaqRequest, @CurrentContext() context: TenantContext): Promise<FaqView> {
    return this.commandBus.execute(new CreateFaqCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Faq'))
  @ApiOkResponse({ type: FaqView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<FaqView> {
    return this.queryBus.execute(new GetFaqQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Faq'))
  @ApiOkResponse({ type: FaqView })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateFaqRequest, @CurrentContext() context: TenantContext): Promise<FaqView> {
    return this.commandBus.execute(new UpdateFaqCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Faq'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteFaqCommand(context, id));
  }
}
