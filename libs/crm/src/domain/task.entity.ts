import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

export type TaskStatus = 'open' | 'done';

/**
 * A to-do with a due time. `reminderAt` (due − offset) is when `task.reminder_due` fires;
 * `remindedAt` records that it did, so it fires once however often the job runs.
 */
@Entity({ name: 'tasks' })
@Index('tasks_assignee_idx', ['tenantId', 'assigneeId', 'status', 'dueAt'])
@Index('tasks_lead_idx', ['tenantId', 'leadId', 'dueAt'])
@Index('tasks_status_due_idx', ['tenantId', 'status', 'dueAt'])
// The reminder sweeper's cross-tenant look-up of reminders that are due and not yet sent.
@Index('tasks_reminder_pending_idx', ['reminderAt'], { where: 'reminded_at IS NULL' })
export class Task extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 8 })
  status: TaskStatus;

  /** Minutes before dueAt; null means no reminder. */
  @Column({ name: 'reminder_offset_minutes', type: 'integer', nullable: true })
  reminderOffsetMinutes: number | null;

  @Column({ name: 'reminder_at', type: 'timestamptz', nullable: true })
  reminderAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
