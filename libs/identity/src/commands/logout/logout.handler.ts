import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@saler/platform';
import { parseTenantToken, secretMatches } from '../../domain/tenant-token';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { revokeFamily } from '../refresh-session/refresh-session.handler';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: LogoutCommand): Promise<void> {
    const parsed = parseTenantToken('rt', command.refreshToken);
    if (parsed === null) return;
    await this.unitOfWork.run({ tenantId: parsed.tenantId, actor: { type: 'system', id: null }, requestId: command.requestId }, async (tx) => {
      const token = await tx.repository(RefreshToken).findOne({ id: parsed.rowId });
      if (token !== null && secretMatches(parsed.secret, token.secretHash)) {
        await revokeFamily(tx, token.familyId);
        tx.audit({ action: 'session.ended', entityType: 'session', entityId: token.familyId, actor: { type: 'user', id: token.userId } });
      }
    });
  }
}
