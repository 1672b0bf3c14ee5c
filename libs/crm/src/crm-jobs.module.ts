import { Module } from '@nestjs/common';
import { CrmModule } from './crm.module';
import { DailyRescoreProcessor } from './jobs/daily-rescore.processor';
import { EnqueueLeadImport } from './jobs/enqueue-lead-import.event-handler';
import { LeadImportProcessor } from './jobs/lead-import.processor';
import { ScoreLeadsOnChange } from './jobs/score-leads-on-change.event-handler';
import { ScoreLeadsProcessor } from './jobs/score-leads.processor';
import { ScheduleTaskReminderOnTaskScheduled } from './jobs/schedule-task-reminder.event-handler';
import { TaskReminderSweepProcessor } from './jobs/task-reminder-sweep.processor';
import { TaskReminderProcessor } from './jobs/task-reminder.processor';

/** The CRM's processors and event handlers: run by the worker, or by the api itself on the inline queue. */
@Module({ imports: [CrmModule], providers: [ScheduleTaskReminderOnTaskScheduled, TaskReminderProcessor, TaskReminderSweepProcessor, ScoreLeadsOnChange, ScoreLeadsProcessor, EnqueueLeadImport, LeadImportProcessor, DailyRescoreProcessor] })
export class CrmJobsModule {}
