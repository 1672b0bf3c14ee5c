import { Activity } from './domain/activity.entity';
import { Contact } from './domain/contact.entity';
import { ContactIdentity } from './domain/contact-identity.entity';
import { Lead } from './domain/lead.entity';
import { LeadTag } from './domain/lead-tag.entity';
import { Pipeline } from './domain/pipeline.entity';
import { ScoringRules } from './domain/scoring-rules.entity';
import { Stage } from './domain/stage.entity';
import { Task } from './domain/task.entity';

export const CRM_ENTITIES: Function[] = [Contact, ContactIdentity, Pipeline, Stage, Lead, LeadTag, Activity, Task, ScoringRules];
