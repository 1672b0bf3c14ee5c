import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, CurrentPrincipal, DEFAULT_PAGE_SIZE, PageRequest, Principal, TenantContext } from '@saler/platform';
import { MemberPage, MemberView } from '../commands/member.view';
import { RemoveMemberCommand } from '../commands/remove-member/remove-member.command';
import { UpdateMemberCommand } from '../commands/update-member/update-member.command';
import { UpdateMemberRequest } from '../commands/update-member/update-member.request';
import { Role } from '../domain/role';
import { ListMembersQuery } from '../queries/list-members/list-members.query';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Member'))
  @ApiOkResponse({ type: MemberPage })
  list(@Query() page: PageRequest, @CurrentContext() context: TenantContext): Promise<MemberPage> {
    return this.queryBus.execute(new ListMembersQuery(context, page.limit ?? DEFAULT_PAGE_SIZE, page.cursor));
  }

  @Patch(':userId')
  @CheckPolicies((ability) => ability.can('update', 'Member'))
  @ApiOkResponse({ type: MemberView })
  update(
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: UpdateMemberRequest,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberView> {
    return this.commandBus.execute(new UpdateMemberCommand(context, principal.role as Role, userId, body));
  }

  @Delete(':userId')
  @CheckPolicies((ability) => ability.can('delete', 'Member'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The member is removed and their sessions in this tenant end' })
  async remove(@Param('userId', new ParseUUIDPipe()) userId: string, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.commandBus.execute(new RemoveMemberCommand(context, principal.role as Role, userId));
  }
}
