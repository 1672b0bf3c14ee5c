import { Module } from '@nestjs/common';
import { CrmModule } from './crm.module';
import { ContactsController } from './http/contacts.controller';
import { LeadTransfersController } from './http/lead-transfers.controller';
import { LeadsController } from './http/leads.controller';
import { PipelinesController } from './http/pipelines.controller';
import { ScoringRulesController } from './http/scoring-rules.controller';
import { TasksController } from './http/tasks.controller';

@Module({ imports: [CrmModule], controllers: [ContactsController, LeadsController, PipelinesController, TasksController, ScoringRulesController, LeadTransfersController] })
export class CrmHttpModule {}
