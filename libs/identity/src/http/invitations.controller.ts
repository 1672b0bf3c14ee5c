import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, CurrentPrincipal, Principal, Public, RequestId, TenantContext } from '@saler/platform';
import { AcceptInvitationCommand } from '../commands/accept-invitation/accept-invitation.command';
import { AcceptInvitationRequest } from '../commands/accept-invitation/accept-invitation.request';
import { InvitationCreated, InviteMemberCommand } from '../commands/invite-member/invite-member.command';
import { InviteMemberRequest } from '../commands/invite-member/invite-member.request';
import { SessionResponse } from '../commands/session.response';
import { Role } from '../domain/role';

@ApiTags('members')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('create', 'Invitation'))
  @ApiCreatedResponse({ type: InvitationCreated })
  invite(@Body() body: InviteMemberRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<InvitationCreated> {
    return this.commandBus.execute(new InviteMemberCommand(context, principal.role as Role, body.email, body.role));
  }

  @Post('accept')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionResponse, description: 'Joined: a session in the tenant' })
  accept(@Body() body: AcceptInvitationRequest, @RequestId() requestId: string): Promise<SessionResponse> {
    return this.commandBus.execute(new AcceptInvitationCommand(requestId, body.token, body.name, body.password));
  }
}
