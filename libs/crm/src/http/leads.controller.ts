import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppAbility, callerOf, CheckPolicies, CurrentAbility, CurrentContext, CurrentPrincipal, DEFAULT_PAGE_SIZE, etagOf, maskFields, PageRequest, Principal, TenantContext, versionFromIfMatch } from '@saler/platform';
import { ActivityPage, ActivityView } from '../commands/activity.view';
import { AssignLeadCommand } from '../commands/assign-lead/assign-lead.command';
import { AssignLeadRequest } from '../commands/assign-lead/assign-lead.request';
import { ChangeLeadStageCommand } from '../commands/change-lead-stage/change-lead-stage.command';
import { ChangeLeadStageRequest } from '../commands/change-lead-stage/change-lead-stage.request';
import { CreateLeadCommand } from '../commands/create-lead/create-lead.command';
import { CreateLeadRequest } from '../commands/create-lead/create-lead.request';
import { LeadPage, LeadView } from '../commands/lead.view';
import { LogActivityCommand } from '../commands/log-activity/log-activity.command';
import { LogActivityRequest } from '../commands/log-activity/log-activity.request';
import { MarkLeadLostCommand } from '../commands/mark-lead-lost/mark-lead-lost.command';
import { MarkLeadLostRequest } from '../commands/mark-lead-lost/mark-lead-lost.request';
import { MarkLeadWonCommand } from '../commands/mark-lead-won/mark-lead-won.command';
import { UpdateLeadCommand } from '../commands/update-lead/update-lead.command';
import { UpdateLeadRequest } from '../commands/update-lead/update-lead.request';
import { GetLeadQuery } from '../queries/get-lead/get-lead.query';
import { seesContactDetails } from './contacts.controller';
import { ListActivitiesQuery } from '../queries/list-activities/list-activities.query';
import { ListLeadsQuery } from '../queries/list-leads/list-leads.query';
import { ListLeadsRequest } from '../queries/list-leads/list-leads.request';


/** A viewer sees the lead's contact email and phone as ***. */
export function maskLead(ability: AppAbility, lead: LeadView): LeadView {
  return { ...lead, contact: maskFields(ability, 'Contact', lead.contact as unknown as Record<string, unknown>) as unknown as LeadView['contact'] };
}

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Lead'))
  @ApiOkResponse({ type: LeadPage })
  async list(
    @Query() request: ListLeadsRequest,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<LeadPage> {
    const { limit, cursor, ...filters } = request;
    const page = await this.queryBus.execute(new ListLeadsQuery(context, filters, { limit: limit ?? DEFAULT_PAGE_SIZE, cursor }, principal.userId, seesContactDetails(ability)));
    return { data: page.data.map((lead) => maskLead(ability, lead)), nextCursor: page.nextCursor };
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Lead'))
  @ApiCreatedResponse({ type: LeadView })
  async create(@Body() body: CreateLeadRequest, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<LeadView> {
    const lead = await this.commandBus.execute(new CreateLeadCommand(context, body));
    void reply.header('ETag', etagOf(lead.version));
    return lead;
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Lead'))
  @ApiOkResponse({ type: LeadView, headers: { ETag: { description: 'The version, for If-Match', schema: { type: 'string' } } } })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentContext() context: TenantContext,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadView> {
    const lead = await this.queryBus.execute(new GetLeadQuery(context, id));
    void reply.header('ETag', etagOf(lead.version));
    return maskLead(ability, lead);
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Lead'))
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' })
  @ApiOkResponse({ type: LeadView })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateLeadRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadView> {
    const lead = await this.commandBus.execute(new UpdateLeadCommand(context, callerOf(principal), id, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(lead.version));
    return lead;
  }

  @Post(':id/stage')
  @CheckPolicies((ability) => ability.can('update', 'Lead'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LeadView })
  stage(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeLeadStageRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<LeadView> {
    return this.commandBus.execute(new ChangeLeadStageCommand(context, callerOf(principal), id, body.stageId));
  }

  @Post(':id/assign')
  @CheckPolicies((ability) => ability.can('update', 'Lead'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LeadView })
  assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignLeadRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<LeadView> {
    return this.commandBus.execute(new AssignLeadCommand(context, callerOf(principal), id, body.assigneeId));
  }

  @Post(':id/won')
  @CheckPolicies((ability) => ability.can('update', 'Lead'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LeadView })
  won(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<LeadView> {
    return this.commandBus.execute(new MarkLeadWonCommand(context, callerOf(principal), id));
  }

  @Post(':id/lost')
  @CheckPolicies((ability) => ability.can('update', 'Lead'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LeadView })
  lost(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MarkLeadLostRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<LeadView> {
    return this.commandBus.execute(new MarkLeadLostCommand(context, callerOf(principal), id, body.reason));
  }

  @Get(':id/activities')
  @CheckPolicies((ability) => ability.can('read', 'Lead'))
  @ApiOkResponse({ type: ActivityPage })
  activities(@Param('id', new ParseUUIDPipe()) id: string, @Query() page: PageRequest, @CurrentContext() context: TenantContext): Promise<ActivityPage> {
    return this.queryBus.execute(new ListActivitiesQuery(context, id, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor }));
  }

  @Post(':id/activities')
  @CheckPolicies((ability) => ability.can('create', 'Note'))
  @ApiCreatedResponse({ type: ActivityView })
  logActivity(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LogActivityRequest, @CurrentContext() context: TenantContext): Promise<ActivityView> {
    return this.commandBus.execute(new LogActivityCommand(context, id, body));
  }
}
