import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hash } from 'argon2';
import { newId, ProblemException, UnitOfWork } from '@saler/platform';
import { passwordProblem } from '../../domain/password-policy';
import { User } from '../../domain/user.entity';
import { CreatePlatformAdminCommand } from './create-platform-admin.command';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@CommandHandler(CreatePlatformAdminCommand)
export class CreatePlatformAdminHandler implements ICommandHandler<CreatePlatformAdminCommand, { userId: string; created: boolean }> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: CreatePlatformAdminCommand): Promise<{ userId: string; created: boolean }> {
    const email = command.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation', `email ${JSON.stringify(command.email)} is not an email`);
    const problem = passwordProblem(command.password);
    if (problem) throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation', `password ${problem}`);
    const passwordHash = await hash(command.password, { type: 2 });
    return this.unitOfWork.runGlobal(async (tx) => {
      const users = tx.global(User);
      const existing = await users.findOne({ where: { email } });
      if (existing) {
        await users.update({ id: existing.id }, { isPlatformAdmin: true, passwordHash });
        return { userId: existing.id, created: false };
      }
      const id = newId();
      await users.insert({ id, email, name: command.name, passwordHash, isPlatformAdmin: true, createdAt: new Date() });
      return { userId: id, created: true };
    });
  }
}
