import { ApiProperty } from '@nestjs/swagger';
import { Task, TaskStatus } from '../domain/task.entity';

export class TaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  leadId: string | null;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  assigneeId: string | null;

  @ApiProperty({ enum: ['open', 'done'] })
  status: TaskStatus;

  @ApiProperty({ nullable: true, type: Number, description: 'Minutes before dueAt that task.reminder_due fires' })
  reminderOffsetMinutes: number | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  reminderAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the reminder fired' })
  remindedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  completedAt: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] })
  data: TaskView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    title: task.title,
    leadId: task.leadId,
    dueAt: task.dueAt.toISOString(),
    assigneeId: task.assigneeId,
    status: task.status,
    reminderOffsetMinutes: task.reminderOffsetMinutes,
    reminderAt: task.reminderAt?.toISOString() ?? null,
    remindedAt: task.remindedAt?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}
