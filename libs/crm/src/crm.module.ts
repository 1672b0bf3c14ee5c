import { Module } from '@nestjs/common';
import { AddStageHandler } from './commands/add-stage/add-stage.handler';
import { AssignLeadHandler } from './commands/assign-lead/assign-lead.handler';
import { ChangeLeadStageHandler } from './commands/change-lead-stage/change-lead-stage.handler';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { CreateContactHandler } from './commands/create-contact/create-contact.handler';
import { CreateLeadHandler } from './commands/create-lead/create-lead.handler';
import { CreatePipelineHandler } from './commands/create-pipeline/create-pipeline.handler';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { DeleteContactHandler } from './commands/delete-contact/delete-contact.handler';
import { DeleteStageHandler } from './commands/delete-stage/delete-stage.handler';
import { FindDuplicatesHandler } from './queries/find-duplicates/find-duplicates.handler';
import { FireTaskReminderHandler } from './commands/fire-task-reminder/fire-task-reminder.handler';
import { GetContactHandler } from './queries/get-contact/get-contact.handler';
import { GetLeadHandler } from './queries/get-lead/get-lead.handler';
import { GetPipelineHandler } from './queries/get-pipeline/get-pipeline.handler';
import { GetScoringRulesHandler } from './queries/get-scoring-rules/get-scoring-rules.handler';
import { ListActivitiesHandler } from './queries/list-activities/list-activities.handler';
import { ListContactsHandler } from './queries/list-contacts/list-contacts.handler';
import { ListLeadsHandler } from './queries/list-leads/list-leads.handler';
import { ListPipelinesHandler } from './queries/list-pipelines/list-pipelines.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { LogActivityHandler } from './commands/log-activity/log-activity.handler';
import { MarkLeadLostHandler } from './commands/mark-lead-lost/mark-lead-lost.handler';
import { MarkLeadWonHandler } from './commands/mark-lead-won/mark-lead-won.handler';
import { MergeContactsHandler } from './commands/merge-contacts/merge-contacts.handler';
import { OpenChatLeadsHandler } from './commands/open-chat-leads/open-chat-leads.handler';
import { RecomputeLeadScoresHandler } from './commands/recompute-lead-scores/recompute-lead-scores.handler';
import { RecordQuoteRequestedHandler } from './commands/record-quote-requested/record-quote-requested.handler';
import { ReorderStagesHandler } from './commands/reorder-stages/reorder-stages.handler';
import { ReplaceScoringRulesHandler } from './commands/replace-scoring-rules/replace-scoring-rules.handler';
import { RescoreAllTenantsHandler } from './commands/rescore-all-tenants/rescore-all-tenants.handler';
import { RunLeadImportHandler } from './commands/run-lead-import/run-lead-import.handler';
import { StartLeadImportHandler } from './commands/start-lead-import/start-lead-import.handler';
import { SweepDueRemindersHandler } from './commands/sweep-due-reminders/sweep-due-reminders.handler';
import { UpdateContactHandler } from './commands/update-contact/update-contact.handler';
import { UpdateLeadHandler } from './commands/update-lead/update-lead.handler';
import { UpdatePipelineHandler } from './commands/update-pipeline/update-pipeline.handler';
import { UpdateStageHandler } from './commands/update-stage/update-stage.handler';
import { UpdateTaskHandler } from './commands/update-task/update-task.handler';
import { CrmTenantProvisioner } from './crm-tenant-provisioner';

/** Contacts, pipelines, leads, activities, tasks, scoring and imports: handlers, and the default pipeline every new tenant gets. */
@Module({
  providers: [
    CrmTenantProvisioner,
    AddStageHandler,
    AssignLeadHandler,
    ChangeLeadStageHandler,
    CompleteTaskHandler,
    CreateContactHandler,
    CreateLeadHandler,
    CreatePipelineHandler,
    CreateTaskHandler,
    DeleteContactHandler,
    DeleteStageHandler,
    FindDuplicatesHandler,
    FireTaskReminderHandler,
    GetContactHandler,
    GetLeadHandler,
    GetPipelineHandler,
    GetScoringRulesHandler,
    ListActivitiesHandler,
    ListContactsHandler,
    ListLeadsHandler,
    ListPipelinesHandler,
    ListTasksHandler,
    LogActivityHandler,
    MarkLeadLostHandler,
    MarkLeadWonHandler,
    MergeContactsHandler,
    OpenChatLeadsHandler,
    RecomputeLeadScoresHandler,
    RecordQuoteRequestedHandler,
    ReorderStagesHandler,
    ReplaceScoringRulesHandler,
    RescoreAllTenantsHandler,
    RunLeadImportHandler,
    StartLeadImportHandler,
    SweepDueRemindersHandler,
    UpdateContactHandler,
    UpdateLeadHandler,
    UpdatePipelineHandler,
    UpdateStageHandler,
    UpdateTaskHandler,
  ],
})
export class CrmModule {}
