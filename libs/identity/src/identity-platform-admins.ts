import { Injectable } from '@nestjs/common';
import { PlatformAdminDirectory, UnitOfWork } from '@saler/platform';
import { User } from './domain/user.entity';

@Injectable()
export class IdentityPlatformAdmins extends PlatformAdminDirectory {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  isPlatformAdmin(userId: string): Promise<boolean> {
    return this.unitOfWork.runGlobal((tx) => tx.global(User).exists({ where: { id: userId, isPlatformAdmin: true } }));
  }
}
