import { ApiProperty } from '@nestjs/swagger';
import { TenantCommand, TenantContext } from '@saler/platform';
import { Role } from '../../domain/role';

export class InvitationCreated {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Shown once: send it to the invitee, who accepts with POST /invitations/accept' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class InviteMemberCommand extends TenantCommand<InvitationCreated> {
  constructor(
    context: TenantContext,
    readonly actorRole: Role,
    readonly email: string,
    readonly role: Role,
  ) {
    super(context);
  }
}
