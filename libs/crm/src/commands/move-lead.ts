import { TenantTx } from '@saler/platform';
import { Lead } from '../domain/lead.entity';
import { Stage } from '../domain/stage.entity';
import { LeadStageChanged } from '../events/lead-stage-changed.event';
import { leadView, recordActivity } from './lead-store';
import { LeadView } from './lead.view';

/**
 * Moves a lead to a stage (of any pipeline): status follows the stage's kind, a lost reason is
 * kept only on lost leads. Writes the timeline entry, the event and the audit entry.
 */
export async function moveLeadToStage(tx: TenantTx, lead: Lead, stage: Stage, lostReason: string | null = null): Promise<LeadView> {
  const now = new Date();
  const reason = stage.kind === 'lost' ? lostReason : null;
  await tx.repository(Lead).update({ id: lead.id }, { pipelineId: stage.pipelineId, stageId: stage.id, status: stage.kind, lostReason: reason, version: lead.version + 1, updatedAt: now });
  const type = stage.kind === 'won' ? 'won' : stage.kind === 'lost' ? 'lost' : 'stage_change';
  await recordActivity(tx, lead, type, { fromStageId: lead.stageId, toStageId: stage.id, toStageName: stage.name, ...(reason !== null ? { reason } : {}) }, now);
  tx.publish(new LeadStageChanged(tx.context, { leadId: lead.id, fromStageId: lead.stageId, toStageId: stage.id, status: stage.kind }));
  tx.audit({
    action: stage.kind === 'open' ? 'lead.stage_changed' : `lead.${stage.kind}`,
    entityType: 'lead',
    entityId: lead.id,
    before: { stageId: lead.stageId, status: lead.status, lostReason: lead.lostReason },
    after: { stageId: stage.id, status: stage.kind, lostReason: reason },
  });
  return leadView(tx, lead.id);
}
