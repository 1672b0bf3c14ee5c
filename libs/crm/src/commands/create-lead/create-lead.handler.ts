import { requireActiveMember } from '@saler/identity';
import { CommandHandler, QueryBus } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Lead } from '../../domain/lead.entity';
import { LeadCreated } from '../../events/lead-created.event';
import { loadContact } from '../contact-input';
import { findOrCreateContact } from '../find-or-create-contact';
import { leadView, newLead, normaliseTags, recordActivity, writeTags } from '../lead-store';
import { LeadView } from '../lead.view';
import { resolveStartStage } from '../resolve-stage';
import { CreateLeadCommand } from './create-lead.command';

@CommandHandler(CreateLeadCommand)
export class CreateLeadHandler extends TenantCommandHandler<CreateLeadCommand, LeadView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: CreateLeadCommand, tx: TenantTx): Promise<LeadView> {
    const input = command.input;
    if ((input.contactId === undefined) === (input.contact === undefined)) throw fieldProblem('contactId', 'Send either contactId or contact, not both or neither');
    const contact = input.contactId !== undefined ? await loadContact(tx, input.contactId) : await findOrCreateContact(tx, input.contact as NonNullable<typeof input.contact>);
    const stage = await resolveStartStage(tx, input.pipelineId, input.stageId);
    if (input.assigneeId != null) await requireActiveMember(this.queryBus, tx.context, input.assigneeId);
    const now = new Date();
    const tags = normaliseTags(input.tags ?? []);
    const lead = newLead(
      tx.tenantId,
      {
        contactId: contact.id,
        title: input.title.trim(),
        valueMinor: input.valueMinor ?? 0,
        currency: input.currency ?? 'USD',
        source: input.source ?? (tx.context.actor.type === 'api_key' ? 'api' : 'manual'),
        assigneeId: input.assigneeId ?? null,
        tags,
        expectedCloseDate: input.expectedCloseDate ?? null,
      },
      stage,
      now,
    );
    await tx.repository(Lead).insert(lead);
    await writeTags(tx, lead.id, tags, false);
    await recordActivity(tx, lead, 'lead_created', { title: lead.title, stageId: stage.id, source: lead.source }, now);
    tx.publish(new LeadCreated(tx.context, { leadId: lead.id, contactId: contact.id, stageId: stage.id, source: lead.source }));
    tx.audit({
      action: 'lead.created',
      entityType: 'lead',
      entityId: lead.id,
      after: { contactId: contact.id, title: lead.title, valueMinor: lead.valueMinor, currency: lead.currency, stageId: stage.id, assigneeId: lead.assigneeId, tags },
    });
    return leadView(tx, lead.id);
  }
}
