import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppAbility, CheckPolicies, CurrentAbility, CurrentContext, DEFAULT_PAGE_SIZE, etagOf, maskFields, TenantContext, versionFromIfMatch } from '@saler/platform';
import { ContactPage, ContactView } from '../commands/contact.view';
import { CreateContactCommand } from '../commands/create-contact/create-contact.command';
import { CreateContactRequest } from '../commands/create-contact/create-contact.request';
import { DeleteContactCommand } from '../commands/delete-contact/delete-contact.command';
import { MergeContactsCommand } from '../commands/merge-contacts/merge-contacts.command';
import { MergeContactsRequest } from '../commands/merge-contacts/merge-contacts.request';
import { UpdateContactCommand } from '../commands/update-contact/update-contact.command';
import { UpdateContactRequest } from '../commands/update-contact/update-contact.request';
import { DuplicateCandidateList } from '../queries/find-duplicates/duplicate-candidate.view';
import { FindDuplicatesQuery } from '../queries/find-duplicates/find-duplicates.query';
import { GetContactQuery } from '../queries/get-contact/get-contact.query';
import { ListContactsQuery } from '../queries/list-contacts/list-contacts.query';
import { ListContactsRequest } from '../queries/list-contacts/list-contacts.request';

/** Whether the caller sees contacts' email and phone (a viewer does not; searching by them would reveal them). */
export const seesContactDetails = (ability: AppAbility): boolean => ability.can('read', 'Contact', 'email') && ability.can('read', 'Contact', 'phone');

/** A viewer sees a contact's email and phone as ***. */
export const maskContact = (ability: AppAbility, contact: ContactView): ContactView => maskFields(ability, 'Contact', contact as unknown as Record<string, unknown>) as unknown as ContactView;

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Contact'))
  @ApiOkResponse({ type: ContactPage })
  async list(@Query() request: ListContactsRequest, @CurrentContext() context: TenantContext, @CurrentAbility() ability: AppAbility): Promise<ContactPage> {
    const page = await this.queryBus.execute(new ListContactsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, request.q, seesContactDetails(ability)));
    return { data: page.data.map((contact) => maskContact(ability, contact)), nextCursor: page.nextCursor };
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Contact'))
  @ApiCreatedResponse({ type: ContactView })
  async create(@Body() body: CreateContactRequest, @CurrentContext() context: TenantContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ContactView> {
    const contact = await this.commandBus.execute(new CreateContactCommand(context, body));
    void reply.header('ETag', etagOf(contact.version));
    return contact;
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Contact'))
  @ApiOkResponse({ type: ContactView, headers: { ETag: { description: 'The version, for If-Match', schema: { type: 'string' } } } })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentContext() context: TenantContext,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const contact = await this.queryBus.execute(new GetContactQuery(context, id));
    void reply.header('ETag', etagOf(contact.version));
    return maskContact(ability, contact);
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Contact'))
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one gets 412' })
  @ApiOkResponse({ type: ContactView })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateContactRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentContext() context: TenantContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    const contact = await this.commandBus.execute(new UpdateContactCommand(context, id, body, versionFromIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(contact.version));
    return contact;
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Contact'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The contact is soft-deleted: gone from lists and look-ups, its leads keep their history' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteContactCommand(context, id));
  }

  @Get(':id/duplicates')
  @CheckPolicies((ability) => ability.can('read', 'Contact'))
  @ApiOkResponse({ type: DuplicateCandidateList })
  async duplicates(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext, @CurrentAbility() ability: AppAbility): Promise<DuplicateCandidateList> {
    const list = await this.queryBus.execute(new FindDuplicatesQuery(context, id));
    return { data: list.data.map((candidate) => ({ ...candidate, contact: maskContact(ability, candidate.contact) })) };
  }

  @Post(':id/merge')
  @CheckPolicies((ability) => ability.can('update', 'Contact'), (ability) => ability.can('delete', 'Contact'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ContactView, description: 'The merged contact' })
  merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MergeContactsRequest, @CurrentContext() context: TenantContext): Promise<ContactView> {
    return this.commandBus.execute(new MergeContactsCommand(context, id, body.sourceId));
  }
}
