import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { SYSTEM_ACTOR, SystemUnitOfWork } from '@saler/platform';
import { Task } from '../../domain/task.entity';
import { FireTaskReminderCommand } from '../fire-task-reminder/fire-task-reminder.command';
import { SweepDueRemindersCommand } from './sweep-due-reminders.command';

const BATCH = 500;

@CommandHandler(SweepDueRemindersCommand)
export class SweepDueRemindersHandler implements ICommandHandler<SweepDueRemindersCommand, number> {
  constructor(
    private readonly system: SystemUnitOfWork,
    private readonly commandBus: CommandBus,
  ) {}

  async execute(command: SweepDueRemindersCommand): Promise<number> {
    // The look-up crosses tenants (saler_system); each reminder then fires in its own tenant's unit of work.
    const due = await this.system.run((manager) =>
      manager.find(Task, {
        select: { tenantId: true, id: true, reminderAt: true },
        where: { status: 'open', remindedAt: IsNull(), reminderAt: LessThanOrEqual(command.now) },
        order: { reminderAt: 'ASC' },
        take: BATCH,
      }),
    );
    let fired = 0;
    for (const task of due) {
      const context = { tenantId: task.tenantId, actor: SYSTEM_ACTOR, requestId: command.requestId };
      if (await this.commandBus.execute(new FireTaskReminderCommand(context, task.id, task.reminderAt as Date))) fired += 1;
    }
    return fired;
  }
}
